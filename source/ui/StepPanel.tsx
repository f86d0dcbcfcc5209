import {Text} from 'ink';
import React from 'react';
import stringWidth from 'string-width';
import type {Lang, Step} from '../engine/lab/types.js';
import type {StepState} from '../engine/session-state.js';
import {Section} from './Section.js';

export interface StepPanelProps {
	step: Step;
	state: StepState;
	index: number;
	total: number;
	lang: Lang;
	width: number;
	/** Lines of narrative shown. */
	textLines: number;
	/** Commands shown (the rest are counted, and are in the command log). */
	commands?: number;
	/** Checks shown (the rest are counted). */
	checks?: number;
	/** Show the step's note (where the lab corrects the article). */
	note?: boolean;
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
export function StepPanel({step, state, index, total, lang, width, textLines, commands = 4, checks = 99, note = true}: StepPanelProps) {
	const text = (value: {en: string; zh?: string}) => (value[lang] ?? value.en).trim();
	const full = text(step.text).replace(/\s*\n\s*/g, ' ');
	// Wrap by hand to a fixed number of lines: text taller than its region would push the screen down.
	const narrative = wrapLines(full, Math.max(20, width - 2), textLines);
	const status = state.status === 'running' ? 'running…' : state.status === 'watching' ? 'watching the servers' : state.status;
	const shownCommands = state.commands.slice(0, commands);
	const hiddenCommands = state.commands.length - shownCommands.length;
	// Unsettled and failed checks first: they are what the learner is waiting for.
	const order = {failed: 0, pending: 1, passed: 2} as const;
	const sorted = state.checks.length > checks ? [...state.checks].sort((a, b) => order[a.status] - order[b.status]) : state.checks;
	const shownChecks = sorted.slice(0, checks);
	const hiddenChecks = state.checks.length - shownChecks.length;
	const passed = state.checks.filter((check) => check.status === 'passed').length;
	return (
		<Section width={width} color="blue" title={[
			{text: `Step ${index + 1}/${total}: ${text(step.title)}`, color: 'blue', bold: true},
			{text: ` · ${status}${state.checks.length > 0 ? ` · ${passed}/${state.checks.length} checks` : ''}`, color: state.status === 'failed' ? 'red' : state.status === 'passed' ? 'green' : 'gray'},
		]}>
			{narrative.map((line, i) => (
				<Text key={`t${i}`} wrap="truncate">{line}</Text>
			))}
			{step.note && note ? <Text wrap="truncate" color="yellow">note: {text(step.note).replace(/\s*\n\s*/g, ' ')}</Text> : null}
			{shownCommands.map((command, i) => (
				<Text key={i} wrap="truncate">
					<Text color="cyan">$ {command.split('\n')[0]}</Text>
					{i === shownCommands.length - 1 && hiddenCommands > 0 ? <Text color="gray"> (+{hiddenCommands} more in the command log)</Text> : null}
				</Text>
			))}
			{shownChecks.map((check, i) => (
				<Text key={i} wrap="truncate" color={COLOR[check.status]}>
					{MARK[check.status]} {check.label}
					{check.detail && check.status !== 'pending' ? <Text color="gray"> ({check.detail})</Text> : null}
					{i === shownChecks.length - 1 && hiddenChecks > 0 ? <Text color="gray"> (+{hiddenChecks} more)</Text> : null}
				</Text>
			))}
			{state.error ? <Text wrap="truncate" color="red">! {state.error}</Text> : null}
			{state.status === 'failed' && step.hint ? <Text wrap="truncate" color="yellow">hint: {text(step.hint).replace(/\s*\n\s*/g, ' ')}</Text> : null}
		</Section>
	);
}
