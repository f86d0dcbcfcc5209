import React from 'react';
import type {SentinelEvent} from '../engine/redis/sentinel/types.js';
import type {Lang} from '../i18n/index.js';
import {eventCells, eventColumns, eventRows, eventWindow, phaseLine} from './presentation/events.js';
import {BlankLines, Section} from './Section.js';
import {Text} from './Text.js';
import {t} from '../i18n/index.js';
import {UI} from '../i18n/ui.js';

export interface EventTimelineProps {
	/** Every event of the session, oldest first. */
	events: readonly SentinelEvent[];
	faultAt?: number;
	lang: Lang;
	/** Event lines shown under the title. */
	height: number;
	width: number;
	/** Events hidden below the window (0: follow the newest). */
	scroll?: number;
	/** The seq of the event picked with v, shown inverted. */
	picked?: number;
}

/** A window on the session's sentinel events, coloured by severity, with the failover phases above them. */
export const EventTimeline = React.memo(function EventTimeline({events, faultAt, lang, height, width, scroll = 0, picked}: EventTimelineProps) {
	const window = eventWindow(events, height, scroll);
	const rows = eventRows(window.shown, lang, faultAt);
	// While picking (v), a gutter column marks the picked event with ▸ (seen without colour too).
	const picking = picked !== undefined;
	const cols = eventColumns(rows, picking ? width - 1 : width);
	const phases = phaseLine(events, faultAt, lang);
	const position = events.length > height ? t(lang, UI.eventsOlder, {from: window.first + 1, to: window.first + rows.length, total: events.length}) : undefined;
	return (
		<Section width={width} title={[
			{text: t(lang, UI.eventsTitle), bold: true},
			...phases.map(({phase, reached}, index) => ({text: `${index > 0 ? ' → ' : ''}${phase}${reached ? ' ✓' : ''}`, color: reached ? 'green' : 'gray'})),
			...(position ? [{text: ` · ${position}`, color: window.scroll > 0 ? 'yellow' : 'gray'}] : []),
		]}>
			{rows.length === 0 ? <Text color="gray" wrap="truncate">{t(lang, UI.noEvents)}</Text> : null}
			{rows.map((row) => {
				const cells = eventCells(row, cols);
				return (
					<Text key={row.key} wrap="truncate" inverse={row.key === picked}>
						{picking ? <Text color="yellow" bold>{row.key === picked ? '▸' : ' '}</Text> : null}
						<Text color="gray">{cells.time} </Text>
						<Text>{cells.source} </Text>
						<Text color={row.tone === 'white' ? undefined : row.tone} bold>{cells.type}</Text>
						<Text> {cells.subject} </Text>
						<Text color="gray">{cells.meaning}</Text>
					</Text>
				);
			})}
			<BlankLines count={height - Math.max(1, rows.length)} />
		</Section>
	);
});
