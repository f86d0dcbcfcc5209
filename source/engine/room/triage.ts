// Who needs help first, and how each lab goes: pure functions of the learners' statuses and the step events.
import type {StepEvent} from './events.js';
import type {LearnerStatus} from './status.js';

/** Why a learner may need the host, most urgent first. */
export type HelpReason =
	| {kind: 'stuck'; minutes: number}
	| {kind: 'failing'; count: number}
	| {kind: 'nodes-down'; nodes: string[]}
	| {kind: 'quiet'; seconds: number};

const RANK: Record<HelpReason['kind'], number> = {stuck: 0, failing: 1, 'nodes-down': 2, quiet: 3};

export interface TriageOptions {
	/** On the same step longer than this (not passed) is stuck. */
	stuckMs: number;
	/** No refresh for this long is quiet (default: three heartbeats). */
	quietMs: number;
	/** The same check failing this many times in a row (default 2). */
	failures?: number;
}

export interface LearnerRow {
	learner: LearnerStatus;
	reasons: HelpReason[];
	/** Milliseconds on the current step. */
	onStepMs?: number;
}

/** The reasons a learner may need help, now. */
export function reasonsOf(learner: LearnerStatus, now: number, options: TriageOptions): HelpReason[] {
	const reasons: HelpReason[] = [];
	// A learner who quit the app needs nobody now (the row stays, greyed, until its TTL).
	if (learner.left) return reasons;
	const onStep = learner.stepStartedAt === undefined ? undefined : now - learner.stepStartedAt;
	const working = learner.lab !== undefined && !learner.finished && learner.stepState !== 'passed';
	if (working && onStep !== undefined && onStep > options.stuckMs) reasons.push({kind: 'stuck', minutes: Math.round(onStep / 6000) / 10});
	if (working && learner.failCount >= (options.failures ?? 2)) reasons.push({kind: 'failing', count: learner.failCount});
	if (learner.nodesDown.length > 0 && !learner.finished) reasons.push({kind: 'nodes-down', nodes: learner.nodesDown});
	const silent = now - learner.updatedAt;
	// Who finished may close the app: silence then says nothing.
	if (!learner.finished && silent > options.quietMs) reasons.push({kind: 'quiet', seconds: Math.round(silent / 1000)});
	return reasons;
}

function rankOf(row: LearnerRow): number {
	return row.reasons.length === 0 ? Object.keys(RANK).length : Math.min(...row.reasons.map((reason) => RANK[reason.kind]));
}

/** One row per learner, who needs help first (then the longest on their step, then by name). */
export function triage(learners: readonly LearnerStatus[], now: number, options: TriageOptions): LearnerRow[] {
	const rows = learners.map((learner) => ({learner, reasons: reasonsOf(learner, now, options), onStepMs: learner.stepStartedAt === undefined ? undefined : Math.max(0, now - learner.stepStartedAt)}));
	return rows.sort((a, b) => rankOf(a) - rankOf(b)
		|| Number(a.learner.left ?? false) - Number(b.learner.left ?? false)
		|| (b.onStepMs ?? -1) - (a.onStepMs ?? -1)
		|| (a.learner.name < b.learner.name ? -1 : a.learner.name > b.learner.name ? 1 : 0));
}

export interface LabSummary {
	lab: string;
	/** Learners in the room on this lab now. */
	learners: number;
	/** Learners who finished it (in the room now, or by the stream). */
	finished: number;
	/** Median milliseconds from arriving on a step to passing it, over every passed step of the lab. */
	medianStepMs?: number;
	/** The same, per step id. */
	stepMedians: Record<string, number>;
}

export function median(values: readonly number[]): number | undefined {
	if (values.length === 0) return undefined;
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** One summary per lab seen (on a learner now, or in the stream), in name order. */
export function labSummaries(learners: readonly LearnerStatus[], events: readonly StepEvent[]): LabSummary[] {
	const labs = new Set([...learners.flatMap((learner) => (learner.lab ? [learner.lab] : [])), ...events.flatMap((event) => (event.lab ? [event.lab] : []))]);
	return [...labs].sort().map((lab) => {
		const passed = events.filter((event) => event.lab === lab && event.type === 'passed' && event.ms !== undefined);
		const finishers = new Set([...events.filter((event) => event.lab === lab && event.type === 'finished').map((event) => event.learner), ...learners.filter((learner) => learner.lab === lab && learner.finished).map((learner) => learner.id)]);
		const bySteps = new Map<string, number[]>();
		for (const event of passed) bySteps.set(event.stepId ?? String(event.step), [...(bySteps.get(event.stepId ?? String(event.step)) ?? []), event.ms!]);
		return {
			lab,
			learners: learners.filter((learner) => learner.lab === lab && !learner.left).length,
			finished: finishers.size,
			medianStepMs: median(passed.map((event) => event.ms!)),
			stepMedians: Object.fromEntries([...bySteps].map(([step, values]) => [step, median(values)!])),
		};
	});
}
