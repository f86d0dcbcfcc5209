// The room as data for scripts (`room --json`) and a spreadsheet (`room --export FILE.csv`).
import {labSummaries, triage, type HelpReason, type LabSummary, type TriageOptions} from './triage.js';
import type {RoomView} from './watcher.js';

export interface LearnerReport {
	name: string;
	lab: string | null;
	step: number | null;
	steps: number | null;
	stepId: string | null;
	state: string;
	checks: {passed: number; total: number};
	failedCheck: string | null;
	reason: string | null;
	failCount: number;
	needsHelp: HelpReason[];
	secondsOnStep: number | null;
	finished: boolean;
	left: boolean;
	runtime: string | null;
	server: string | null;
	nodes: {up: number; total: number; down: string[]};
	secondsSinceUpdate: number;
}

export interface RoomReport {
	room: string;
	at: string;
	generatedAt: string;
	stuckMinutes: number;
	learners: LearnerReport[];
	labs: Array<{lab: string; learners: number; finished: number; medianStepSeconds: number | null; stepMedianSeconds: Record<string, number>}>;
}

const seconds = (ms: number | undefined) => (ms === undefined ? null : Math.round(ms / 100) / 10);

function labReport(summary: LabSummary): RoomReport['labs'][number] {
	return {lab: summary.lab, learners: summary.learners, finished: summary.finished, medianStepSeconds: seconds(summary.medianStepMs), stepMedianSeconds: Object.fromEntries(Object.entries(summary.stepMedians).map(([step, ms]) => [step, seconds(ms)!]))};
}

/** The learners, who needs help first, and a summary per lab. */
export function roomReport(view: RoomView, now: number, options: TriageOptions): RoomReport {
	const learners = triage(view.learners, now, options).map(({learner, reasons, onStepMs}): LearnerReport => ({
		name: learner.name,
		lab: learner.lab ?? null,
		step: learner.step ?? null,
		steps: learner.steps ?? null,
		stepId: learner.stepId ?? null,
		state: learner.finished ? 'finished' : learner.left ? 'left' : learner.stepState,
		checks: {passed: learner.checksPassed, total: learner.checksTotal},
		failedCheck: learner.failedCheck ?? null,
		reason: learner.failReason ?? null,
		failCount: learner.failCount,
		needsHelp: reasons,
		secondsOnStep: seconds(onStepMs),
		finished: learner.finished,
		left: Boolean(learner.left),
		runtime: learner.runtime ?? null,
		server: learner.server ?? null,
		nodes: {up: learner.nodesUp, total: learner.nodesTotal, down: learner.nodesDown},
		secondsSinceUpdate: seconds(Math.max(0, now - learner.updatedAt))!,
	}));
	return {room: view.room, at: view.at, generatedAt: new Date(now).toISOString(), stuckMinutes: options.stuckMs / 60_000, learners, labs: labSummaries(view.learners, view.events).map(labReport)};
}

/** A help reason in a few English words (the CSV and the JSON's readers). */
export function reasonText(reason: HelpReason): string {
	if (reason.kind === 'stuck') return `stuck ${reason.minutes} min`;
	if (reason.kind === 'failing') return `same check failed ${reason.count}x`;
	if (reason.kind === 'nodes-down') return `down: ${reason.nodes.join(' ')}`;
	return `quiet ${reason.seconds}s`;
}

function cell(value: string | number | boolean | null): string {
	const raw = value === null ? '' : String(value);
	// A name like =HYPERLINK(...) would run as a formula in a spreadsheet: it is kept as text.
	const text = typeof value === 'string' && /^[=+\-@\t\r]/.test(raw) ? `'${raw}` : raw;
	return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const CSV_HEADER = ['name', 'lab', 'step', 'steps', 'step_id', 'state', 'checks_passed', 'checks_total', 'failed_check', 'reason', 'fail_count', 'needs_help', 'seconds_on_step', 'finished', 'left', 'runtime', 'server', 'nodes_up', 'nodes_total', 'nodes_down'];

/** One line per learner (RFC 4180 quoting; a text a spreadsheet would read as a formula starts with '). */
export function reportCsv(report: RoomReport): string {
	const rows = report.learners.map((learner) => [learner.name, learner.lab, learner.step, learner.steps, learner.stepId, learner.state, learner.checks.passed, learner.checks.total, learner.failedCheck, learner.reason, learner.failCount, learner.needsHelp.map(reasonText).join('; '), learner.secondsOnStep, learner.finished, learner.left, learner.runtime, learner.server, learner.nodes.up, learner.nodes.total, learner.nodes.down.join(' ')]);
	return [CSV_HEADER, ...rows].map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}
