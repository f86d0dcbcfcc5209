import {Box, Text} from 'ink';
import React from 'react';
import type {NodeView} from '../engine/session-state.js';
import {NodePane} from './NodePane.js';
import {paneModel} from './presentation/nodes.js';
import {Section} from './Section.js';

export interface NodeGridProps {
	nodes: readonly NodeView[];
	now: number;
	columns: number;
	/** Bordered panes side by side (wide terminals), or one line per node. */
	mode: 'panes' | 'lines';
	/** Content rows per pane, title included. */
	paneHeight: number;
	focused?: string;
}

/** Every node, side by side in panes when the terminal is wide enough, else one line each. */
export function NodeGrid({nodes, now, columns, mode, paneHeight, focused}: NodeGridProps) {
	if (mode === 'lines') {
		return (
			<Section width={columns} title={[{text: 'nodes', bold: true}, {text: ' (INFO every 0.5 s; changes highlighted)', color: 'gray'}]}>
				{nodes.map((view) => <NodeLine key={view.name} view={view} now={now} focused={view.name === focused} />)}
			</Section>
		);
	}
	const width = Math.floor(columns / Math.max(1, nodes.length));
	return (
		<Box>
			{nodes.map((view) => <NodePane key={view.name} view={view} now={now} width={width} height={paneHeight} focused={view.name === focused} />)}
		</Box>
	);
}

/** One node on one line: name, role, then its key fields; what changed in the last 2 s highlighted. */
export const NodeLine = React.memo(function NodeLine({view, now, focused}: {view: NodeView; now: number; focused?: boolean}) {
	const model = paneModel(view, now, true);
	return (
		<Text wrap="truncate">
			<Text inverse={focused} bold>{view.name.padEnd(10)}</Text>
			<Text color={model.tone}> {model.status.padEnd(11)}</Text>
			{model.rows.map((row, index) => (
				<Text key={index}>
					<Text color="gray">{index > 0 ? ' · ' : ' '}</Text>
					<Text color={row.changed ? 'yellow' : row.tone === 'white' ? undefined : row.tone} bold={row.changed} inverse={row.changed}>{row.text}</Text>
				</Text>
			))}
		</Text>
	);
});
