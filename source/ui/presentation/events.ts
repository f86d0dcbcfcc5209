import {meaningOf, phaseProgress} from '../../engine/redis/sentinel/catalogue.js';
import type {FailoverPhase, SentinelEvent, Severity} from '../../engine/redis/sentinel/types.js';
import type {Lang} from '../../i18n/index.js';
import type {UiKey} from '../../i18n/ui.js';
import type {Tone} from './nodes.js';
import {fit, padStart, width as displayWidth} from './text.js';
import {t} from '../../i18n/index.js';
import {UI} from '../../i18n/ui.js';

export const SEVERITY_TONE: Record<Severity, Tone> = {info: 'gray', notice: 'white', warning: 'yellow', critical: 'red', success: 'green'};

export interface EventRow {
	key: number;
	time: string;
	source: string;
	type: string;
	subject: string;
	meaning: string;
	tone: Tone;
}

/** `+1.23s` relative to the fault when there is one, else the wall clock. */
export function eventTime(event: SentinelEvent, faultAt?: number): string {
	if (faultAt !== undefined) {
		const delta = (event.receivedAt - faultAt) / 1000;
		return `${delta >= 0 ? '+' : '-'}${Math.abs(delta).toFixed(2)}s`;
	}
	return new Date(event.receivedAt).toISOString().slice(11, 19);
}

function subject(event: SentinelEvent): string {
	if (event.switchMaster) return `${event.oldMasterNode ?? event.switchMaster.oldHost} → ${event.newMasterNode ?? `${event.switchMaster.newHost}:${event.switchMaster.newPort}`}`;
	if (event.quorum) return `${event.instanceNode ?? event.instanceName ?? ''} #quorum ${event.quorum.count}/${event.quorum.needed}`;
	if (event.type === '+new-epoch') return `epoch ${event.epoch ?? ''}`;
	if (event.type === '+vote-for-leader' && event.leader) return `leader ${event.leader.slice(0, 8)} epoch ${event.epoch ?? ''}`;
	if (event.instanceRole === 'sentinel') return `sentinel ${event.instanceNode ?? event.instanceName?.slice(0, 8) ?? ''}`;
	return event.instanceNode ?? event.instanceName ?? event.payload;
}

export function eventRows(events: readonly SentinelEvent[], lang: Lang, faultAt?: number): EventRow[] {
	return events.map((event) => {
		const meaning = meaningOf(event.type);
		return {key: event.seq, time: eventTime(event, faultAt), source: event.source, type: event.type, subject: subject(event), meaning: meaning[lang] ?? meaning.en, tone: SEVERITY_TONE[meaning.severity]};
	});
}

/** Display widths of the timeline's columns, the meaning taking what is left. */
export interface EventColumns {
	time: number;
	source: number;
	type: number;
	subject: number;
	meaning: number;
}

/**
 * Columns wide enough for the widest cell shown (the longest event name is 34 columns), shrinking
 * the subject, then the type, when the meaning would get less than a third of the line.
 */
export function eventColumns(rows: readonly EventRow[], columns: number): EventColumns {
	const widest = (pick: (row: EventRow) => string, floor: number) => Math.max(floor, ...rows.map((row) => displayWidth(pick(row))));
	const cols = {time: widest((row) => row.time, 8), source: widest((row) => row.source, 9), type: widest((row) => row.type, 8), subject: widest((row) => row.subject, 6), meaning: 0};
	const fixed = () => cols.time + cols.source + cols.type + cols.subject + 4;
	const meaningFloor = Math.floor(columns / 3);
	while (columns - fixed() < meaningFloor && cols.subject > 12) cols.subject--;
	while (columns - fixed() < meaningFloor && cols.type > 16) cols.type--;
	cols.meaning = Math.max(0, columns - fixed());
	return cols;
}

/** One event as aligned cells: every cell padded or cut (with …) to its column. */
export function eventCells(row: EventRow, cols: EventColumns): {time: string; source: string; type: string; subject: string; meaning: string} {
	return {time: padStart(row.time, cols.time), source: fit(row.source, cols.source), type: fit(row.type, cols.type), subject: fit(row.subject, cols.subject), meaning: fit(row.meaning, cols.meaning).trimEnd()};
}

/** The window of events shown: `height` events ending `scroll` events before the newest. */
export function eventWindow<T>(events: readonly T[], height: number, scroll: number): {shown: T[]; first: number; scroll: number} {
	const bounded = Math.min(Math.max(0, scroll), Math.max(0, events.length - height));
	const end = events.length - bounded;
	const first = Math.max(0, end - height);
	return {shown: events.slice(first, end), first, scroll: bounded};
}

const PHASE_KEY: Record<FailoverPhase, UiKey> = {detect: 'phaseDetect', agree: 'phaseAgree', elect: 'phaseElect', promote: 'phasePromote', reconfigure: 'phaseReconfigure', done: 'phaseDone'};

/** A failover phase's name in `lang`. */
export const phaseName = (phase: FailoverPhase, lang: Lang): string => t(lang, UI[PHASE_KEY[phase]]);

/** `detect ✓ → agree ✓ → elect … ` for the events since the fault. */
export function phaseLine(events: readonly SentinelEvent[], faultAt?: number, lang: Lang = 'en'): Array<{phase: string; reached: boolean}> {
	const since = faultAt === undefined ? events : events.filter((event) => event.receivedAt >= faultAt);
	return phaseProgress(since.map((event) => event.type)).map(({phase, reached}) => ({phase: t(lang, UI[PHASE_KEY[phase]]), reached}));
}

/** Timeline keys: a page older or newer, the first event, the newest (follow). */
export type EventMove = 'older' | 'newer' | 'first' | 'last';

/**
 * Where the timeline stands: the seq of its last shown event, or undefined to follow the newest.
 * Anchoring to an event keeps the window still while new events arrive.
 */
export function moveEvents(events: ReadonlyArray<{seq: number}>, anchor: number | undefined, height: number, move: EventMove): number | undefined {
	if (events.length <= height || move === 'last') return undefined;
	const end = anchor === undefined ? events.length : Math.max(1, events.findIndex((event) => event.seq === anchor) + 1 || height);
	const target = move === 'first' ? height : move === 'older' ? Math.max(height, end - height) : end + height;
	return target >= events.length ? undefined : events[target - 1]!.seq;
}

/**
 * The anchor that keeps the picked event in a window of `height`: the current one when it already
 * shows it, else the window moved just far enough (undefined when that is the newest page).
 */
export function anchorShowing(events: ReadonlyArray<{seq: number}>, anchor: number | undefined, height: number, picked: number): number | undefined {
	const index = events.findIndex((event) => event.seq === picked);
	if (index === -1) return anchor;
	const end = events.length - eventScroll(events, anchor);
	if (index >= end - height && index < end) return anchor;
	const last = index < end - height ? Math.min(events.length - 1, index + height - 1) : index;
	return last >= events.length - 1 ? undefined : events[last]!.seq;
}

/** Events hidden below the window for an anchor (0 when following). */
export function eventScroll(events: ReadonlyArray<{seq: number}>, anchor: number | undefined): number {
	if (anchor === undefined) return 0;
	const index = events.findIndex((event) => event.seq === anchor);
	return index === -1 ? Math.max(0, events.length - 1) : events.length - 1 - index;
}
