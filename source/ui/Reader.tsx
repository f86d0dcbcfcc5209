import React from 'react';
import type {Lang} from '../i18n/index.js';
import type {ReaderLine} from './presentation/step.js';
import {BlankLines, Section} from './Section.js';
import {Text} from './Text.js';
import {t} from '../i18n/index.js';
import {UI} from '../i18n/ui.js';

export interface ReaderProps {
	title: string;
	/** Lines already wrapped to `width`. */
	lines: readonly ReaderLine[];
	/** First line shown (clamped). */
	scroll: number;
	/** Lines under the title. */
	height: number;
	width: number;
	lang: Lang;
	color?: string;
}

/** Largest first line that still fills the page. */
export function maxScroll(total: number, height: number): number {
	return Math.max(0, total - height);
}

/** Long text read a page at a time: the expanded step, a zoomed node. */
export function Reader({title, lines, scroll, height, width, lang, color = 'blue'}: ReaderProps) {
	const first = Math.min(Math.max(0, scroll), maxScroll(lines.length, height));
	const shown = lines.slice(first, first + height);
	// The position first: the title may be cut at narrow widths, where the way down matters most.
	const position = lines.length > height ? `${t(lang, UI.readerLines, {from: first + 1, to: first + shown.length, total: lines.length})} · ` : '';
	return (
		<Section width={width} color={color} title={[{text: position, color: 'yellow'}, {text: title, bold: true, color}]}>
			{shown.map((line, index) => (
				<Text key={first + index} wrap="truncate" color={line.color} bold={line.bold}>{line.text || ' '}</Text>
			))}
			<BlankLines count={height - shown.length} />
		</Section>
	);
}
