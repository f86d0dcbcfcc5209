import {Box, Text} from 'ink';
import React from 'react';
import type {NodeView} from '../engine/session-state.js';
import {paneModel} from './presentation/nodes.js';

export interface NodePaneProps {
	/** The node as the probes last saw it. */
	view: NodeView;
	/** Date.now() used for ages and change highlights. */
	now: number;
	width: number;
	/** Rows of content, title included (the pane is this tall plus its border). */
	height: number;
	focused?: boolean;
}

/** One node: role, key INFO fields, recent changes highlighted. */
export const NodePane = React.memo(function NodePane({view, now, width, height, focused}: NodePaneProps) {
	const model = paneModel(view, now);
	const rows = model.rows.slice(0, Math.max(0, height - 1));
	return (
		<Box flexDirection="column" width={width} height={height + 2} borderStyle={focused ? 'double' : 'round'} borderColor={model.tone} paddingX={0}>
			<Text wrap="truncate">
				<Text bold>{model.title}</Text> <Text color={model.tone}>{model.status}</Text>
			</Text>
			{rows.map((row, index) => (
				<Text key={index} wrap="truncate" color={row.changed ? 'yellow' : row.tone === 'white' ? undefined : row.tone} bold={row.changed} inverse={row.changed}>
					{row.text}
				</Text>
			))}
		</Box>
	);
});
