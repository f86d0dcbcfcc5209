import {FAILOVER_PHASES, meaningOf} from '../../engine/redis/sentinel/catalogue.js';
import {sourcesOfEvent} from '../../engine/redis/sentinel/event-sources.js';
import type {SentinelEvent} from '../../engine/redis/sentinel/types.js';
import type {Lang} from '../../i18n/index.js';
import {eventTime, phaseName} from './events.js';
import {sourceLines} from './sources.js';
import type {ReaderLine} from './step.js';
import {wrap} from './text.js';
import {t} from '../../i18n/index.js';
import {UI} from '../../i18n/ui.js';

/** The reader's title and lines for one event: what the sentinel sent, its meaning, its failover phase, where Redis emits it. */
export function eventDetail(event: SentinelEvent, lang: Lang, columns: number, faultAt?: number): {title: string; lines: ReaderLine[]} {
	const meaning = meaningOf(event.type);
	const time = eventTime(event, faultAt);
	const phases = FAILOVER_PHASES.map((phase) => phaseName(phase, lang));
	const phase = meaning.phase === undefined
		? t(lang, UI.eventNoPhase)
		: t(lang, UI.eventPhase, {phase: phaseName(meaning.phase, lang), n: FAILOVER_PHASES.indexOf(meaning.phase) + 1, total: FAILOVER_PHASES.length, phases: phases.join(' → ')});
	const lines: ReaderLine[] = [
		...wrap(`${event.type} ${event.payload}`.trim(), columns).map((text) => ({text, color: 'gray'})),
		{text: ''},
		{text: t(lang, UI.eventMeaning), bold: true},
		...wrap(meaning[lang] ?? meaning.en, columns).map((text) => ({text})),
		{text: ''},
		...wrap(phase, columns).map((text) => ({text, color: meaning.phase ? 'green' : 'gray'})),
	];
	const places = sourcesOfEvent(event.type);
	if (places.length > 0) lines.push(...sourceLines(places, lang, columns));
	else lines.push({text: ''}, {text: t(lang, UI.eventNoSource), color: 'gray'});
	return {title: t(lang, UI.readerEvent, {type: event.type, source: event.source, time}), lines};
}
