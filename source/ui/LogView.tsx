import React from 'react';
import type {LogLine} from '../engine/session/state.js';
import type {Lang} from '../i18n/index.js';
import {pad, wrap} from './presentation/text.js';
import {BlankLines, Section} from './Section.js';
import {Text} from './Text.js';
import {t} from '../i18n/index.js';
import {UI} from '../i18n/ui.js';

export interface LogViewProps {
	logs: readonly LogLine[];
	/** Lines under the title. */
	height: number;
	width: number;
	lang?: Lang;
}

export const LOG_KEYWORDS = /([+-](sdown|odown|new-epoch|try-failover|vote-for-leader|elected-leader|selected-slave|promoted-slave|switch-master|config-update-from|convert-to-slave|failover-end)\b)/;

/** The sentinels' own log lines, following and wrapped, with the failover key words highlighted. */
export const LogView = React.memo(function LogView({logs, height, width, lang = 'en'}: LogViewProps) {
	const lines = logs.slice(-height).flatMap((line) => wrap(line.text, Math.max(10, width - 10)).map((text, part) => ({key: `${line.seq}.${part}`, node: part === 0 ? line.node : '', text})));
	const shown = lines.slice(-height);
	return (
		<Section width={width} color="magenta" title={[{text: t(lang, UI.logsTitle), bold: true}, {text: t(lang, UI.logsNote), color: 'gray'}]}>
			{logs.length === 0 ? <Text color="gray" wrap="truncate">{t(lang, UI.logsWaiting)}</Text> : null}
			{shown.map((line) => {
				const [before, keyword, , ...rest] = line.text.split(LOG_KEYWORDS);
				return (
					<Text key={line.key} wrap="truncate">
						<Text color="gray">{pad(line.node, 10)}</Text>
						{before}
						{keyword ? <Text bold color="yellow" inverse>{keyword}</Text> : null}
						{rest.join('')}
					</Text>
				);
			})}
			<BlankLines count={height - Math.max(1, shown.length)} />
		</Section>
	);
});
