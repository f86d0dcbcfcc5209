import {Text} from 'ink';
import React from 'react';
import type {TranscriptEntry} from '../engine/session-state.js';
import {BlankLines, Section} from './Section.js';

export interface CommandLogProps {
	transcript: readonly TranscriptEntry[];
	/** Lines under the title. */
	height: number;
	width: number;
}

/** Every command the app ran, in order, exactly as you would type it, with short output. */
export const CommandLog = React.memo(function CommandLog({transcript, height, width}: CommandLogProps) {
	const lines: Array<{key: string; text: string; color?: string}> = [];
	for (const entry of transcript) {
		if (entry.kind === 'command') lines.push({key: `${entry.seq}`, text: `$ ${entry.text.split('\n')[0]}`, color: entry.byUser ? 'magenta' : 'cyan'});
		else if (entry.kind === 'output') entry.text.split('\n').slice(0, 3).forEach((line, i) => lines.push({key: `${entry.seq}.${i}`, text: `  ${line}`, color: 'gray'}));
		else if (entry.kind === 'error') lines.push({key: `${entry.seq}`, text: `! ${entry.text}`, color: 'red'});
	}
	return (
		<Section width={width} title={[{text: 'command log', bold: true}, {text: ' (every command run for you, as you would type it)', color: 'gray'}]}>
			{lines.slice(-height).map((line) => (
				<Text key={line.key} wrap="truncate" color={line.color}>{line.text}</Text>
			))}
			<BlankLines count={height - lines.length} />
		</Section>
	);
});
