import {Text} from 'ink';
import React from 'react';
import type {LogLine} from '../engine/session-state.js';
import {BlankLines, Section} from './Section.js';

export interface LogViewProps {
	logs: readonly LogLine[];
	/** Lines under the title. */
	height: number;
	width: number;
}

export const LOG_KEYWORDS = /([+-](sdown|odown|new-epoch|try-failover|vote-for-leader|elected-leader|selected-slave|promoted-slave|switch-master|config-update-from|convert-to-slave|failover-end)\b)/;

/** The sentinels' own log lines, following, with the failover key words highlighted. */
export const LogView = React.memo(function LogView({logs, height, width}: LogViewProps) {
	return (
		<Section width={width} color="magenta" title={[{text: 'sentinel logs', bold: true}, {text: ' (following; l: back to the command log)', color: 'gray'}]}>
			{logs.length === 0 ? <Text color="gray" wrap="truncate">waiting for the sentinels' log lines…</Text> : null}
			{logs.slice(-height).map((line) => {
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
			<BlankLines count={height - Math.max(1, logs.length)} />
		</Section>
	);
});
