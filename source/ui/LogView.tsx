import {Box, Text} from 'ink';
import React from 'react';
import type {LogLine} from '../engine/session-state.js';

export interface LogViewProps {
	logs: readonly LogLine[];
	height: number;
	width: number;
}

export const LOG_KEYWORDS = /([+-](sdown|odown|new-epoch|try-failover|vote-for-leader|elected-leader|selected-slave|promoted-slave|switch-master|config-update-from|convert-to-slave|failover-end)\b)/;

/** The sentinels' own log lines, following, with the failover key words highlighted. */
export const LogView = React.memo(function LogView({logs, height, width}: LogViewProps) {
	return (
		<Box flexDirection="column" width={width} height={height + 2} borderStyle="round" borderColor="magenta" paddingX={1}>
			<Text bold>sentinel logs (following)</Text>
			{logs.slice(-(height - 1)).map((line) => {
				const [before, keyword, , ...rest] = line.text.split(LOG_KEYWORDS);
				return (
					<Text key={line.seq} wrap="truncate">
						<Text color="gray">{line.node.padEnd(10)}</Text>
						{before}
						{keyword ? <Text bold color="yellow" inverse>{keyword}</Text> : null}
						{rest.join('')}
					</Text>
				);
			})}
		</Box>
	);
});
