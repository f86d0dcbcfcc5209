import React from 'react';
import type {SentinelEvent} from '../engine/sentinel/types.js';
import type {Lang} from '../i18n/index.js';
import {eventCells, eventColumns, eventRows, eventWindow, phaseLine} from './presentation/events.js';
import {say} from './presentation/text.js';
import {BlankLines, Section} from './Section.js';
import {Text} from './Text.js';

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
}

/** A window on the session's sentinel events, coloured by severity, with the failover phases above them. */
export const EventTimeline = React.memo(function EventTimeline({events, faultAt, lang, height, width, scroll = 0}: EventTimelineProps) {
	const window = eventWindow(events, height, scroll);
	const rows = eventRows(window.shown, lang, faultAt);
	const cols = eventColumns(rows, width);
	const phases = phaseLine(events, faultAt, lang);
	const position = events.length > height ? say(lang, 'eventsOlder', {from: window.first + 1, to: window.first + rows.length, total: events.length}) : undefined;
	return (
		<Section width={width} title={[
			{text: say(lang, 'eventsTitle'), bold: true},
			...phases.map(({phase, reached}, index) => ({text: `${index > 0 ? ' → ' : ''}${phase}${reached ? ' ✓' : ''}`, color: reached ? 'green' : 'gray'})),
			...(position ? [{text: ` · ${position}`, color: window.scroll > 0 ? 'yellow' : 'gray'}] : []),
		]}>
			{rows.length === 0 ? <Text color="gray" wrap="truncate">{say(lang, 'noEvents')}</Text> : null}
			{rows.map((row) => {
				const cells = eventCells(row, cols);
				return (
					<Text key={row.key} wrap="truncate">
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
