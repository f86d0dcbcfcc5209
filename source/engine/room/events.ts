// From one status to the next: when the step started, how often the same check failed, and the step events for the stream.
import type {LabProgressStatus, LearnerStatus} from './status.js';

export type StepEventType = 'joined' | 'step' | 'passed' | 'failed' | 'finished' | 'left';

/** One entry of the room's stream (XADD). */
export interface StepEvent {
	type: StepEventType;
	learner: string;
	name: string;
	at: number;
	lab?: string;
	step?: number;
	stepId?: string;
	/** For `passed`: milliseconds from arriving on the step to passing it. */
	ms?: number;
	/** For `failed`: the check and why. */
	reason?: string;
}

/** The fields the publisher keeps from one status to the next. */
export type Tracked = Pick<LearnerStatus, 'stepStartedAt' | 'failCount' | 'failedCheck' | 'failReason'>;

function sameStep(previous: LearnerStatus | undefined, next: LabProgressStatus): previous is LearnerStatus {
	return previous !== undefined && previous.lab === next.lab && previous.step === next.step && previous.stepId === next.stepId;
}

/** Times and failure counts of `next`, given the status published before it (or read back after a restart). */
export function track(previous: LearnerStatus | undefined, next: LabProgressStatus, now: number): Tracked {
	const same = sameStep(previous, next);
	const stepStartedAt = same ? previous.stepStartedAt ?? now : next.lab ? now : undefined;
	if (next.stepState === 'passed' || !next.lab) return {stepStartedAt, failCount: 0};
	if (next.failedCheck) {
		// The count belongs to one check; it grows each time the step ends failed on that check again.
		const sameCheck = same && previous.failedCheck === next.failedCheck;
		const counted = sameCheck ? previous.failCount : 0;
		const entering = next.stepState === 'failed' && (!sameCheck || previous.stepState !== 'failed');
		return {stepStartedAt, failCount: entering ? counted + 1 : counted, failedCheck: next.failedCheck, failReason: next.failReason};
	}
	// Running the step again: the last failure stays shown (and counted) until the step passes.
	if (same) return {stepStartedAt, failCount: previous.failCount, failedCheck: previous.failedCheck, failReason: previous.failReason};
	return {stepStartedAt, failCount: 0};
}

/** The stream events between two statuses of one learner. */
export function stepEvents(previous: LearnerStatus | undefined, next: LearnerStatus): StepEvent[] {
	const base = {learner: next.id, name: next.name, at: next.updatedAt, lab: next.lab, step: next.step, stepId: next.stepId};
	const events: StepEvent[] = [];
	const same = sameStep(previous, next);
	if (!previous) events.push({...base, type: 'joined'});
	if (next.lab && !same) events.push({...base, type: 'step'});
	if (next.lab && next.stepState === 'passed' && (!same || previous.stepState !== 'passed')) {
		events.push({...base, type: 'passed', ms: next.stepStartedAt === undefined ? undefined : next.updatedAt - next.stepStartedAt});
	}
	if (next.failedCheck && next.stepState === 'failed' && (!same || previous.stepState !== 'failed' || previous.failedCheck !== next.failedCheck)) {
		events.push({...base, type: 'failed', reason: [next.failedCheck, next.failReason].filter(Boolean).join(': ')});
	}
	if (next.finished && !(previous?.finished && previous.lab === next.lab)) events.push({...base, type: 'finished'});
	return events;
}

/** An event as stream fields (XADD key * field value ...). */
export function eventFields(event: StepEvent): string[] {
	const fields: string[] = ['type', event.type, 'learner', event.learner, 'name', event.name, 'at', String(event.at)];
	if (event.lab) fields.push('lab', event.lab);
	if (event.step !== undefined) fields.push('step', String(event.step));
	if (event.stepId) fields.push('stepId', event.stepId);
	if (event.ms !== undefined) fields.push('ms', String(event.ms));
	if (event.reason) fields.push('reason', event.reason.slice(0, 300));
	return fields;
}

/** Stream fields (XRANGE reply) back to an event; undefined for an entry that is not one. */
export function eventOf(fields: string[]): StepEvent | undefined {
	const map = new Map<string, string>();
	for (let index = 0; index + 1 < fields.length; index += 2) map.set(fields[index]!, fields[index + 1]!);
	const type = map.get('type') as StepEventType | undefined;
	const learner = map.get('learner');
	if (!type || !learner) return undefined;
	const number = (key: string) => (map.has(key) ? Number(map.get(key)) : undefined);
	return {type, learner, name: map.get('name') ?? learner, at: number('at') ?? 0, lab: map.get('lab'), step: number('step'), stepId: map.get('stepId'), ms: number('ms'), reason: map.get('reason')};
}
