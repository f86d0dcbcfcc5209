import type {Step} from '../../engine/lab/format/types.js';
import type {StepState, StepStatus} from '../../engine/lab/run/state.js';
import type {Lang} from '../../i18n/index.js';
import {sourceLines} from './sources.js';
import {joinLines, width, wrap, wrapParagraphs} from './text.js';
import {t} from '../../i18n/index.js';
import {UI} from '../../i18n/ui.js';

export const CHECK_MARK = {pending: '…', passed: '✓', failed: '✗'} as const;
export const CHECK_COLOR = {pending: 'gray', passed: 'green', failed: 'red'} as const;

/** Lab text in `lang`, English when it has no translation. */
export function localText(value: {en: string; zh?: string}, lang: Lang): string {
	return (value[lang] ?? value.en).trim();
}

export function statusText(status: StepStatus, lang: Lang): string {
	const key = ({pending: 'statusPending', running: 'statusRunning', watching: 'statusWatching', passed: 'statusPassed', failed: 'statusFailed'} as const)[status];
	return t(lang, UI[key]);
}

/** A line of the reader: text already wrapped to the width, and how it looks. */
export interface ReaderLine {
	text: string;
	color?: string;
	bold?: boolean;
}

/** Wraps `text` with `first` before its first line and the same width of spaces before the others. */
function hanging(first: string, text: string, columns: number, color?: string): ReaderLine[] {
	const indent = ' '.repeat(width(first));
	return wrap(text, Math.max(10, columns - indent.length)).map((line, index) => ({text: `${index === 0 ? first : indent}${line}`, color}));
}

/** The whole step for the reader: narrative, note, hint, its sources, every command and every check, wrapped to `columns`. */
export function stepLines(step: Step, state: StepState | undefined, lang: Lang, columns: number): ReaderLine[] {
	const lines: ReaderLine[] = wrapParagraphs(localText(step.text, lang), columns).map((text) => ({text}));
	const flat = (value: {en: string; zh?: string}) => joinLines(localText(value, lang));
	if (step.note) lines.push({text: ''}, ...hanging(t(lang, UI.note), flat(step.note), columns, 'yellow'));
	if (step.hint) lines.push({text: ''}, ...hanging(t(lang, UI.hint), flat(step.hint), columns, 'yellow'));
	lines.push(...sourceLines(step.sources, lang, columns));
	if (state && state.commands.length > 0) {
		lines.push({text: ''}, {text: t(lang, UI.readerCommands), bold: true});
		for (const command of state.commands) for (const part of command.split('\n')) lines.push(...hanging('$ ', part, columns, 'cyan'));
	}
	if (state && state.checks.length > 0) {
		lines.push({text: ''}, {text: t(lang, UI.readerChecks), bold: true});
		for (const check of state.checks) lines.push(...hanging(`${CHECK_MARK[check.status]} `, `${check.label}${check.detail && check.status !== 'pending' ? ` (${check.detail})` : ''}`, columns, CHECK_COLOR[check.status]));
		if (state.error) lines.push(...hanging('! ', state.error, columns, 'red'));
	}
	return lines;
}
