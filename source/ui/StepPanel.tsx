import React from 'react';
import type {Lang, Step} from '../engine/lab/format/types.js';
import type {StepState} from '../engine/lab/run/state.js';
import {Section} from './Section.js';
import {Text} from './Text.js';
import {cut, joinLines, width as displayWidth, wrap, wrapLines} from './presentation/text.js';
import {CHECK_COLOR, CHECK_MARK, localText, statusText} from './presentation/step.js';
import {t} from '../i18n/index.js';
import {UI} from '../i18n/ui.js';

export {wrapLines} from './presentation/text.js';

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

/**
 * The step on screen: title, narrative, note, commands, checks as they settle, hint on failure.
 * What does not fit is cut with … and the title says `e` opens the whole step.
 */
export function StepPanel({step, state, index, total, lang, width, textLines, commands = 4, checks = 99, note = true}: StepPanelProps) {
	const flat = (value: {en: string; zh?: string}) => joinLines(localText(value, lang));
	const full = flat(step.text);
	// Wrap by hand to a fixed number of lines: text taller than its region would push the screen down.
	const narrative = wrapLines(full, Math.max(20, width - 1), textLines);
	let cutSomething = wrap(full, Math.max(20, width - 1)).length > textLines;
	const line = (text: string) => {
		if (displayWidth(text) > width) cutSomething = true;
		return cut(text, width);
	};
	const shownCommands = state.commands.slice(0, commands);
	const hiddenCommands = state.commands.length - shownCommands.length;
	// Unsettled and failed checks first: they are what the learner is waiting for.
	const order = {failed: 0, pending: 1, passed: 2} as const;
	const sorted = state.checks.length > checks ? [...state.checks].sort((a, b) => order[a.status] - order[b.status]) : state.checks;
	const shownChecks = sorted.slice(0, checks);
	const hiddenChecks = state.checks.length - shownChecks.length;
	if (hiddenChecks > 0 || hiddenCommands > 0 || (step.note && !note)) cutSomething = true;
	const passed = state.checks.filter((check) => check.status === 'passed').length;
	const body = {
		note: step.note && note ? line(`${t(lang, UI.note)}${flat(step.note)}`) : undefined,
		commands: shownCommands.map((command, i) => line(`$ ${command.split('\n')[0]}${i === shownCommands.length - 1 && hiddenCommands > 0 ? ` ${t(lang, UI.moreCommands, {n: hiddenCommands})}` : ''}`)),
		checks: shownChecks.map((check, i) => line(`${CHECK_MARK[check.status]} ${check.label}${check.detail && check.status !== 'pending' ? ` (${check.detail})` : ''}${i === shownChecks.length - 1 && hiddenChecks > 0 ? ` ${t(lang, UI.moreChecks, {n: hiddenChecks})}` : ''}`)),
		error: state.error ? line(`! ${state.error}`) : state.skipped ? line(`• ${state.skipped}`) : undefined,
		hint: state.status === 'failed' && step.hint ? line(`${t(lang, UI.hint)}${flat(step.hint)}`) : undefined,
	};
	const status = state.skipped ? t(lang, UI.statusSkipped) : statusText(state.status, lang);
	const suffix = ` · ${status}${state.checks.length > 0 ? ` · ${t(lang, UI.checksCount, {passed, total: state.checks.length})}` : ''}`;
	const heading = t(lang, UI.stepTitle, {n: index + 1, total, title: localText(step.title, lang)});
	const more = cutSomething ? ` · ${t(lang, UI.moreText)}` : '';
	return (
		<Section width={width} color="blue" title={[
			// The step's title gives way first (down to half the line): the status and "e: read all" should show.
			{text: cut(heading, Math.max(Math.min(displayWidth(heading), Math.floor(width / 2)), width - 5 - displayWidth(suffix + more))), color: 'blue', bold: true},
			{text: suffix, color: state.status === 'failed' ? 'red' : state.status === 'passed' ? 'green' : 'gray'},
			...(more ? [{text: more, color: 'yellow'}] : []),
		]}>
			{narrative.map((text, i) => (
				<Text key={`t${i}`} wrap="truncate">{text}</Text>
			))}
			{body.note ? <Text wrap="truncate" color="yellow">{body.note}</Text> : null}
			{body.commands.map((text, i) => (
				<Text key={`c${i}`} wrap="truncate" color="cyan">{text}</Text>
			))}
			{body.checks.map((text, i) => (
				<Text key={`k${i}`} wrap="truncate" color={CHECK_COLOR[shownChecks[i]!.status]}>{text}</Text>
			))}
			{body.error ? <Text wrap="truncate" color={state.error ? 'red' : 'yellow'}>{body.error}</Text> : null}
			{body.hint ? <Text wrap="truncate" color="yellow">{body.hint}</Text> : null}
		</Section>
	);
}
