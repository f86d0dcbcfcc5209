import {Box, Text} from 'ink';
import React from 'react';
import type {Lang, Step} from '../engine/lab/types.js';
import type {StepState} from '../engine/session-state.js';

export interface StepPanelProps {
	step: Step;
	state: StepState;
	index: number;
	total: number;
	lang: Lang;
	width: number;
	/** Lines of narrative shown. */
	textLines: number;
}

const MARK = {pending: '…', passed: '✓', failed: '✗'} as const;
const COLOR = {pending: 'gray', passed: 'green', failed: 'red'} as const;

/** The step on screen: title, narrative, note, commands, checks as they settle, hint on failure. */
export function StepPanel({step, state, index, total, lang, width, textLines}: StepPanelProps) {
	const text = (value: {en: string; zh?: string}) => (value[lang] ?? value.en).trim();
	const narrative = text(step.text).replace(/\s*\n\s*/g, ' ');
	const status = state.status === 'running' ? 'running…' : state.status === 'watching' ? 'watching the servers' : state.status;
	return (
		<Box flexDirection="column" width={width} borderStyle="round" borderColor="blue" paddingX={1}>
			<Text wrap="truncate">
				<Text bold color="blue">Step {index + 1}/{total}: {text(step.title)}</Text>
				<Text color="gray"> · {status}</Text>
			</Text>
			<Box height={textLines}>
				<Text wrap="wrap">{narrative}</Text>
			</Box>
			{step.note ? <Text wrap="truncate" color="yellow">note: {text(step.note).replace(/\s*\n\s*/g, ' ')}</Text> : null}
			{state.commands.slice(0, 4).map((command, i) => (
				<Text key={i} wrap="truncate" color="cyan">$ {command.split('\n')[0]}</Text>
			))}
			{state.commands.length > 4 ? <Text color="gray">  … {state.commands.length - 4} more (see the command log)</Text> : null}
			{state.checks.map((check, i) => (
				<Text key={i} wrap="truncate" color={COLOR[check.status]}>
					{MARK[check.status]} {check.label}
					{check.detail && check.status !== 'pending' ? <Text color="gray"> ({check.detail})</Text> : null}
				</Text>
			))}
			{state.error ? <Text wrap="truncate" color="red">! {state.error}</Text> : null}
			{state.status === 'failed' && step.hint ? <Text wrap="truncate" color="yellow">hint: {text(step.hint).replace(/\s*\n\s*/g, ' ')}</Text> : null}
		</Box>
	);
}
