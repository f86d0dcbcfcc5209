import {Text} from 'ink';
import React from 'react';
import type {SentinelEvent} from '../engine/sentinel/types.js';
import type {Lang} from '../engine/lab/types.js';
import {eventRows, phaseLine} from './presentation/events.js';
import {BlankLines, Section} from './Section.js';

export interface EventTimelineProps {
	events: readonly SentinelEvent[];
	faultAt?: number;
	lang: Lang;
	/** Event lines shown under the title (the newest events). */
	height: number;
	width: number;
}

/** The newest sentinel events, coloured by severity, with the failover phases above them. */
export const EventTimeline = React.memo(function EventTimeline({events, faultAt, lang, height, width}: EventTimelineProps) {
	const rows = eventRows(events.slice(-height), lang, faultAt);
	const phases = phaseLine(events, faultAt);
	return (
		<Section width={width} title={[
			{text: 'sentinel events ', bold: true},
			...phases.map(({phase, reached}, index) => ({text: `${index > 0 ? ' → ' : ''}${phase}${reached ? ' ✓' : ''}`, color: reached ? 'green' : 'gray'})),
		]}>
			{rows.length === 0 ? <Text color="gray" wrap="truncate">no events yet: they appear here the moment a sentinel publishes one</Text> : null}
			{rows.map((row) => (
				<Text key={row.key} wrap="truncate">
					<Text color="gray">{row.time.padStart(8)} </Text>
					<Text>{row.source.padEnd(10)}</Text>
					<Text color={row.tone === 'white' ? undefined : row.tone} bold>{row.type.padEnd(16)}</Text>
					<Text> {row.subject.padEnd(18)} </Text>
					<Text color="gray">{row.meaning}</Text>
				</Text>
			))}
			<BlankLines count={height - Math.max(1, rows.length)} />
		</Section>
	);
});
