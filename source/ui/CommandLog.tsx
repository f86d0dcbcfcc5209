import React from 'react';
import type {TranscriptEntry} from '../engine/session/state.js';
import type {Lang} from '../i18n/index.js';
import {width as displayWidth, wrap} from './presentation/text.js';
import {BlankLines, Lines, Section, type Line} from './Section.js';
import {t} from '../i18n/index.js';
import {UI} from '../i18n/ui.js';

export interface CommandLogProps {
	transcript: readonly TranscriptEntry[];
	/** Lines under the title. */
	height: number;
	width: number;
	lang?: Lang;
	/** A command being typed by autoplay, shown with a cursor after the log. */
	typing?: string;
}

/** Wraps `text` under `first`, later lines indented as far. */
export function hangingLines(key: string, first: string, text: string, width: number, color?: string): Line[] {
	const indent = ' '.repeat(displayWidth(first));
	return wrap(text, Math.max(10, width - indent.length)).map((line, index) => ({key: `${key}.${index}`, text: `${index === 0 ? first : indent}${line}`, color}));
}

/** Every command the app ran, in order, exactly as you would type it (wrapped, never cut), with short output. */
export const CommandLog = React.memo(function CommandLog({transcript, height, width, lang = 'en', typing}: CommandLogProps) {
	const lines: Line[] = [];
	// Only the newest entries can show: wrap those, not the whole session.
	const shownKinds = new Set(['command', 'output', 'error', 'note']);
	for (const entry of transcript.filter((candidate) => shownKinds.has(candidate.kind)).slice(-height * 2)) {
		if (entry.kind === 'command') lines.push(...hangingLines(`${entry.seq}`, '$ ', entry.text.split('\n')[0]!, width, entry.byUser ? 'magenta' : 'cyan'));
		else if (entry.kind === 'output') entry.text.split('\n').slice(0, 3).forEach((line, i) => lines.push(...hangingLines(`${entry.seq}.${i}`, '  ', line, width, 'gray')));
		else if (entry.kind === 'error') lines.push(...hangingLines(`${entry.seq}`, '! ', entry.text, width, 'red'));
		else if (entry.kind === 'note') lines.push(...hangingLines(`${entry.seq}`, '• ', entry.text, width, 'yellow'));
	}
	if (typing !== undefined) lines.push(...hangingLines('typing', '$ ', `${typing}▌`, width, 'cyan'));
	const shown = lines.slice(-height);
	return (
		<Section width={width} title={[{text: t(lang, UI.commandLogTitle), bold: true}, {text: t(lang, UI.commandLogNote), color: 'gray'}]}>
			<Lines lines={shown} />
			<BlankLines count={height - shown.length} />
		</Section>
	);
});
