import {meaningOf, phaseProgress} from '../../engine/sentinel/catalogue.js';
import type {SentinelEvent, Severity} from '../../engine/sentinel/types.js';
import type {Lang} from '../../engine/lab/types.js';
import type {Tone} from './nodes.js';

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

/** `detect ✓ → agree ✓ → elect … ` for the events since the fault. */
export function phaseLine(events: readonly SentinelEvent[], faultAt?: number): Array<{phase: string; reached: boolean}> {
	const since = faultAt === undefined ? events : events.filter((event) => event.receivedAt >= faultAt);
	return phaseProgress(since.map((event) => event.type));
}
