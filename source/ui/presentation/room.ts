// The host's screen as lines: a summary per lab, then one row per learner, who needs help first.
import type {Lang} from '../../engine/lab/format/types.js';
import type {RoomView} from '../../engine/room/watcher.js';
import {labSummaries, triage, type HelpReason, type LearnerRow, type TriageOptions} from '../../engine/room/triage.js';
import {t} from '../../i18n/index.js';
import {ROOM} from '../../i18n/room.js';
import {UI} from '../../i18n/ui.js';
import {cut, fit, pad} from './text.js';

export interface RoomLine {
	text: string;
	color?: 'red' | 'yellow' | 'green' | 'gray';
	bold?: boolean;
}

/** 1m05s, 42s, 1h02m. */
export function duration(ms: number | undefined): string {
	if (ms === undefined) return '-';
	const seconds = Math.round(ms / 1000);
	if (seconds < 60) return `${seconds}s`;
	const minutes = Math.floor(seconds / 60);
	if (minutes < 60) return `${minutes}m${String(seconds % 60).padStart(2, '0')}s`;
	return `${Math.floor(minutes / 60)}h${String(minutes % 60).padStart(2, '0')}m`;
}

function reasonSaid(reason: HelpReason, lang: Lang): string {
	if (reason.kind === 'stuck') return t(lang, ROOM.reasonStuck, {minutes: reason.minutes});
	if (reason.kind === 'failing') return t(lang, ROOM.reasonFailing, {count: reason.count});
	if (reason.kind === 'nodes-down') return t(lang, ROOM.reasonNodesDown, {nodes: reason.nodes.join(' ')});
	return t(lang, ROOM.reasonQuiet, {seconds: reason.seconds});
}

const STATE: Record<string, Parameters<typeof t>[1]> = {pending: UI.statusPending, running: UI.statusRunning, watching: UI.statusWatching, passed: UI.statusPassed, failed: UI.statusFailed};

function stateSaid(row: LearnerRow, lang: Lang): string {
	if (row.learner.finished) return t(lang, ROOM.stateFinished);
	if (row.learner.left) return t(lang, ROOM.stateLeft);
	if (!row.learner.lab) return t(lang, ROOM.stateMenu);
	const message = STATE[row.learner.stepState];
	return message ? t(lang, message) : row.learner.stepState;
}

/** One learner: name, lab, step, state, checks, time on step, then why they may need help and the failing check's reason. */
export function learnerLine(row: LearnerRow, lang: Lang, width: number): RoomLine {
	const {learner} = row;
	const help = [...row.reasons.map((reason) => reasonSaid(reason, lang)), ...(learner.failReason || learner.failedCheck ? [[learner.failedCheck, learner.failReason].filter(Boolean).join(': ')] : [])].join(' · ');
	const step = learner.step === undefined ? '-' : `${learner.step}/${learner.steps ?? '?'}`;
	const checks = learner.checksTotal > 0 ? `${learner.checksPassed}/${learner.checksTotal}` : '-';
	const mark = row.reasons.length > 0 ? '!' : learner.finished ? '✓' : ' ';
	const text = `${mark} ${fit(learner.name, 16)} ${fit(learner.lab ?? '', 20)} ${pad(step, 6)} ${fit(stateSaid(row, lang), 9)} ${pad(checks, 7)} ${pad(duration(row.onStepMs), 8)} ${help}`;
	const color = learner.left ? 'gray' : row.reasons.some((reason) => reason.kind !== 'quiet') ? 'red' : row.reasons.length > 0 ? 'yellow' : learner.finished ? 'green' : undefined;
	return {text: cut(text, width), color};
}

/** A line per lab: how many are on it, finished, the median time per step. */
export function labLines(view: RoomView, lang: Lang, width: number): RoomLine[] {
	return labSummaries(view.learners, view.events).map((lab) => ({text: cut(t(lang, ROOM.labSummary, {lab: lab.lab, count: lab.learners, finished: lab.finished, median: duration(lab.medianStepMs)}), width), color: 'gray'}));
}

/**
 * The learner rows in `window`, who needs help first: every learner is sorted, only the rows on
 * screen are formatted (a room of 200 draws the 40 that fit).
 */
export function learnerRows(view: RoomView, now: number, options: TriageOptions, lang: Lang, width: number, window: {first: number; count: number}): {rows: RoomLine[]; total: number; first: number} {
	const sorted = triage(view.learners, now, options);
	const first = Math.max(0, Math.min(window.first, sorted.length - window.count));
	return {rows: sorted.slice(first, first + window.count).map((row) => learnerLine(row, lang, width)), total: sorted.length, first};
}
