import {Box, Text} from 'ink';
import React from 'react';
import type {TranscriptEntry} from '../engine/session-state.js';

export interface CommandLogProps {
	transcript: readonly TranscriptEntry[];
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
		<Box flexDirection="column" width={width} height={height + 2} borderStyle="round" borderColor="gray" paddingX={1}>
			<Text bold>command log</Text>
			{lines.slice(-(height - 1)).map((line) => (
				<Text key={line.key} wrap="truncate" color={line.color}>{line.text}</Text>
			))}
		</Box>
	);
});
