import {Text} from 'ink';
import {BlankLines, Section} from './Section.js';
import React from 'react';

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
}

/** A redis-cli prompt on one node, with the latest replies (errors shown as replies). */
export function Console({node, input, lines, busy, height, width}: ConsoleProps) {
	const shown: Array<{key: string; text: string; color?: string}> = [];
	lines.forEach((line, i) => {
		shown.push({key: `${i}i`, text: `${line.node}> ${line.input}`, color: 'cyan'});
		line.reply.split('\n').forEach((text, j) => shown.push({key: `${i}r${j}`, text, color: line.isError ? 'red' : undefined}));
	});
	return (
		<Section width={width} color="cyan" title={[{text: `console: redis-cli on ${node}`, bold: true}, {text: ' (tab: next node, ↑/↓ history, esc: leave)', color: 'gray'}]}>
			<BlankLines count={height - 1 - shown.length} />
			{shown.slice(-Math.max(0, height - 1)).map((line) => (
				<Text key={line.key} wrap="truncate" color={line.color}>{line.text}</Text>
			))}
			<Text wrap="truncate">
				<Text color="cyan">{node}&gt; </Text>
				{input}
				<Text inverse>{busy ? '…' : ' '}</Text>
			</Text>
		</Section>
	);
}
