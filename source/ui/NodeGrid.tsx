import {Box} from 'ink';
import React from 'react';
import type {NodeView} from '../engine/session-state.js';
import {NodePane} from './NodePane.js';

export interface NodeGridProps {
	nodes: readonly NodeView[];
	now: number;
	columns: number;
	/** Content rows per pane. */
	paneHeight: number;
	focused?: string;
}

/** Panes side by side, wrapping onto a second row when the terminal is narrow. */
export function NodeGrid({nodes, now, columns, paneHeight, focused}: NodeGridProps) {
	const perRow = Math.max(1, Math.min(nodes.length, Math.floor(columns / 22)));
	const width = Math.floor(columns / perRow);
	const lines: NodeView[][] = [];
	for (let i = 0; i < nodes.length; i += perRow) lines.push(nodes.slice(i, i + perRow));
	return (
		<Box flexDirection="column">
			{lines.map((line, index) => (
				<Box key={index}>
					{line.map((view) => <NodePane key={view.name} view={view} now={now} width={width} height={paneHeight} focused={view.name === focused} />)}
				</Box>
			))}
		</Box>
	);
}
