import {Box} from 'ink';
import React from 'react';
import type {NodeView} from '../engine/session/state.js';
import type {Lang} from '../i18n/index.js';
import {paint} from './colour.js';
import {paneModel} from './presentation/nodes.js';
import {wrap} from './presentation/text.js';
import {Text} from './Text.js';

export interface NodePaneProps {
	/** The node as the probes last saw it. */
	view: NodeView;
	/** Date.now() used for ages and change highlights. */
	now: number;
	width: number;
	/** Rows of content, title included (the pane is this tall plus its border). */
	height: number;
	focused?: boolean;
	lang?: Lang;
}

/** One node: role, key INFO fields (wrapped, never cut mid-field when the pane is wide enough), recent changes highlighted. */
export const NodePane = React.memo(function NodePane({view, now, width, height, focused, lang = 'en'}: NodePaneProps) {
	const model = paneModel(view, now, false, lang);
	const inner = Math.max(1, width - 2);
	const rows = model.rows.flatMap((row, index) => wrap(row.text, inner).map((text, part) => ({...row, text, key: `${index}.${part}`}))).slice(0, Math.max(0, height - 1));
	return (
		<Box flexDirection="column" width={width} height={height + 2} borderStyle={focused ? 'double' : 'round'} borderColor={paint(model.tone)} paddingX={0}>
			<Text wrap="truncate">
				<Text bold>{model.title}</Text> <Text color={model.tone}>{model.status}</Text>
			</Text>
			{rows.map((row) => (
				<Text key={row.key} wrap="truncate" color={row.changed ? 'yellow' : row.tone === 'white' ? undefined : row.tone} bold={row.changed} inverse={row.changed}>
					{row.text}
				</Text>
			))}
		</Box>
	);
});
