import {Box} from 'ink';
import React from 'react';
import type {NodeView} from '../engine/session/state.js';
import type {Lang} from '../i18n/index.js';
import {NodePane} from './NodePane.js';
import {paneModel} from './presentation/nodes.js';
import {pad} from './presentation/text.js';
import {Section} from './Section.js';
import {Text} from './Text.js';
import {t} from '../i18n/index.js';
import {UI} from '../i18n/ui.js';

export interface NodeGridProps {
	nodes: readonly NodeView[];
	now: number;
	columns: number;
	/** Bordered panes in rows (wide terminals), or one line per node. */
	mode: 'panes' | 'lines';
	/** Panes: node indexes of each row of panes (default: all in one row). */
	groups?: readonly number[][];
	/** Panes: content rows per pane of each row, title included. */
	paneHeights?: readonly number[];
	/** Content rows per pane when `paneHeights` is not given. */
	paneHeight?: number;
	focused?: string;
	lang?: Lang;
}

/** Every node, in rows of panes when the terminal is wide enough, else one line each. */
export function NodeGrid({nodes, now, columns, mode, groups, paneHeights, paneHeight = 5, focused, lang = 'en'}: NodeGridProps) {
	if (mode === 'lines') {
		return (
			<Section width={columns} title={[{text: t(lang, UI.nodesTitle), bold: true}, {text: t(lang, UI.nodesNote), color: 'gray'}]}>
				{nodes.map((view) => <NodeLine key={view.name} view={view} now={now} focused={view.name === focused} lang={lang} />)}
			</Section>
		);
	}
	const rows = groups ?? [nodes.map((_, index) => index)];
	return (
		<Box flexDirection="column">
			{rows.map((row, rowIndex) => {
				const width = Math.floor(columns / Math.max(1, row.length));
				return (
					<Box key={rowIndex}>
						{row.map((index) => nodes[index]).filter((view) => view !== undefined).map((view) => (
							<NodePane key={view.name} view={view} now={now} width={width} height={paneHeights?.[rowIndex] ?? paneHeight} focused={view.name === focused} lang={lang} />
						))}
					</Box>
				);
			})}
		</Box>
	);
}

/** One node on one line: name, role, then its key fields; what changed in the last 2 s highlighted. */
export const NodeLine = React.memo(function NodeLine({view, now, focused, lang = 'en'}: {view: NodeView; now: number; focused?: boolean; lang?: Lang}) {
	const model = paneModel(view, now, true, lang);
	return (
		<Text wrap="truncate">
			<Text inverse={focused} bold>{pad(view.name, 10)}</Text>
			<Text color={model.tone}> {pad(model.status, 11)}</Text>
			{model.rows.map((row, index) => (
				<Text key={index}>
					<Text color="gray">{index > 0 ? ' · ' : ' '}</Text>
					<Text color={row.changed ? 'yellow' : row.tone === 'white' ? undefined : row.tone} bold={row.changed} inverse={row.changed}>{row.text}</Text>
				</Text>
			))}
		</Text>
	);
});
