import {Box, Text} from 'ink';
import React from 'react';
import stringWidth from 'string-width';
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

const TOKENS = /[\u2E80-\u9FFF\uAC00-\uD7AF\uFF00-\uFFEF]|[^\s\u2E80-\u9FFF\uAC00-\uD7AF\uFF00-\uFFEF]+|\s+/g;

/** Word wrap (CJK characters break anywhere) into at most `lines` lines of `width` columns, with … when cut. */
export function wrapLines(text: string, width: number, lines: number): string[] {
	const out: string[] = [];
	let line = '';
	for (const token of text.match(TOKENS) ?? []) {
		const piece = /^\s+$/.test(token) ? ' ' : token;
		if (stringWidth(line + piece) <= width) {
			line += piece;
			continue;
		}
		out.push(line.trimEnd());
		line = piece === ' ' ? '' : piece;
		if (out.length === lines) {
			const last = out[lines - 1]!;
			out[lines - 1] = `${stringWidth(last) >= width ? last.slice(0, -1) : last}…`;
			return out;
		}
	}
	if (line.trim()) out.push(line.trimEnd());
	return out.slice(0, lines);
}

const MARK = {pending: '…', passed: '✓', failed: '✗'} as const;
const COLOR = {pending: 'gray', passed: 'green', failed: 'red'} as const;

/** The step on screen: title, narrative, note, commands, checks as they settle, hint on failure. */
export function StepPanel({step, state, index, total, lang, width, textLines}: StepPanelProps) {
	const text = (value: {en: string; zh?: string}) => (value[lang] ?? value.en).trim();
	const full = text(step.text).replace(/\s*\n\s*/g, ' ');
	// Wrap by hand to a fixed number of lines: text taller than its box would draw over the next rows.
	const narrative = wrapLines(full, Math.max(20, width - 4), textLines);
	const status = state.status === 'running' ? 'running…' : state.status === 'watching' ? 'watching the servers' : state.status;
	return (
		<Box flexDirection="column" width={width} borderStyle="round" borderColor="blue" paddingX={1}>
			<Text wrap="truncate">
				<Text bold color="blue">Step {index + 1}/{total}: {text(step.title)}</Text>
				<Text color="gray"> · {status}</Text>
			</Text>
			{narrative.map((line, i) => (
				<Text key={`t${i}`} wrap="truncate">{line}</Text>
			))}
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
