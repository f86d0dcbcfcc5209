import React from 'react';
import type {Lang} from '../i18n/index.js';
import {hangingLines} from './CommandLog.js';
import {BlankLines, Lines, Section, type Line} from './Section.js';
import {Text} from './Text.js';
import {t} from '../i18n/index.js';
import {UI} from '../i18n/ui.js';

export interface ConsoleLine {
	node: string;
	input: string;
	reply: string;
	isError: boolean;
}

export interface ConsoleProps {
	node: string;
	input: string;
	lines: readonly ConsoleLine[];
	busy: boolean;
	/** Lines under the title, the prompt included. */
	height: number;
	width: number;
	lang?: Lang;
}

/** A redis-cli prompt on one node, with the latest replies wrapped (errors shown as replies). */
export function Console({node, input, lines, busy, height, width, lang = 'en'}: ConsoleProps) {
	const shown: Line[] = [];
	lines.slice(-height).forEach((line, i) => {
		shown.push(...hangingLines(`${i}i`, `${line.node}> `, line.input, width, 'cyan'));
		line.reply.split('\n').forEach((text, j) => shown.push(...hangingLines(`${i}r${j}`, '', text, width, line.isError ? 'red' : undefined)));
	});
	const room = Math.max(0, height - 1);
	const visible = shown.slice(-room);
	return (
		<Section width={width} color="cyan" title={[{text: t(lang, UI.consoleTitle, {node}), bold: true}, {text: t(lang, UI.consoleNote), color: 'gray'}]}>
			<BlankLines count={room - visible.length} />
			<Lines lines={visible} />
			<Text wrap="truncate-start">
				<Text color="cyan">{node}&gt; </Text>
				{input}
				<Text inverse>{busy ? '…' : ' '}</Text>
			</Text>
		</Section>
	);
}
