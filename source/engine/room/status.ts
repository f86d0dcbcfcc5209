// What a learner publishes, and nothing else: no console command, no transcript, no key or value of a lab.

/** One learner as the room sees it (one hash per learner). */
export interface LearnerStatus {
	/** Stable across restarts: made from the name, the account and the machine. */
	id: string;
	name: string;
	/** `app` (the interactive app) or `run` (headless). */
	mode: 'app' | 'run';
	lab?: string;
	/** 1-based step on screen, and the lab's step count. */
	step?: number;
	steps?: number;
	stepId?: string;
	/** pending, running, watching, passed, failed; `menu` when no lab is open. */
	stepState: string;
	checksPassed: number;
	checksTotal: number;
	/** The last failed check of the step (its label), why it failed, and how many times in a row. */
	failedCheck?: string;
	failReason?: string;
	failCount: number;
	/** Date.now() when the learner arrived on this step. */
	stepStartedAt?: number;
	/** docker or local, and the image or server version. */
	runtime?: string;
	server?: string;
	nodesUp: number;
	nodesTotal: number;
	/** Names of nodes that are down or paused. */
	nodesDown: string[];
	/** Every step of the lab passed. */
	finished: boolean;
	joinedAt: number;
	updatedAt: number;
	/** The learner quit (the hash then lives until its TTL). */
	left?: boolean;
}

/** What a lab run contributes; the publisher adds id, name, mode, times and counts. */
export type LabProgressStatus = Pick<LearnerStatus, 'lab' | 'step' | 'steps' | 'stepId' | 'stepState' | 'checksPassed' | 'checksTotal' | 'failedCheck' | 'failReason' | 'runtime' | 'server' | 'nodesUp' | 'nodesTotal' | 'nodesDown' | 'finished'>;

export const MENU_STATUS: LabProgressStatus = {stepState: 'menu', checksPassed: 0, checksTotal: 0, nodesUp: 0, nodesTotal: 0, nodesDown: [], finished: false};

const NUMBERS = ['step', 'steps', 'checksPassed', 'checksTotal', 'failCount', 'stepStartedAt', 'nodesUp', 'nodesTotal', 'joinedAt', 'updatedAt'] as const;
const TEXTS = ['id', 'name', 'lab', 'stepId', 'stepState', 'failedCheck', 'failReason', 'runtime', 'server'] as const;
/** Long texts are cut: a hash field stays small whatever a check said. */
const MAX_TEXT = 300;

/** The hash fields (HSET) of a status; absent values are empty strings, so HSET clears them. */
export function toHash(status: LearnerStatus): Record<string, string> {
	const hash: Record<string, string> = {};
	for (const key of TEXTS) hash[key] = (status[key] ?? '').slice(0, MAX_TEXT);
	for (const key of NUMBERS) hash[key] = status[key] === undefined ? '' : String(status[key]);
	hash.mode = status.mode;
	hash.nodesDown = status.nodesDown.join(',');
	hash.finished = status.finished ? '1' : '0';
	hash.left = status.left ? '1' : '0';
	return hash;
}

function numberOf(value: string | undefined): number | undefined {
	if (value === undefined || value === '') return undefined;
	const number = Number(value);
	return Number.isFinite(number) ? number : undefined;
}

/** A hash (HGETALL) back to a status; undefined when it is empty or not a learner's. */
export function fromHash(hash: Record<string, string>): LearnerStatus | undefined {
	if (!hash.id || !hash.name) return undefined;
	const text = (key: string) => (hash[key] ? hash[key] : undefined);
	return {
		id: hash.id,
		name: hash.name,
		mode: hash.mode === 'run' ? 'run' : 'app',
		lab: text('lab'),
		step: numberOf(hash.step),
		steps: numberOf(hash.steps),
		stepId: text('stepId'),
		stepState: hash.stepState || 'menu',
		checksPassed: numberOf(hash.checksPassed) ?? 0,
		checksTotal: numberOf(hash.checksTotal) ?? 0,
		failedCheck: text('failedCheck'),
		failReason: text('failReason'),
		failCount: numberOf(hash.failCount) ?? 0,
		stepStartedAt: numberOf(hash.stepStartedAt),
		runtime: text('runtime'),
		server: text('server'),
		nodesUp: numberOf(hash.nodesUp) ?? 0,
		nodesTotal: numberOf(hash.nodesTotal) ?? 0,
		nodesDown: hash.nodesDown ? hash.nodesDown.split(',') : [],
		finished: hash.finished === '1',
		joinedAt: numberOf(hash.joinedAt) ?? 0,
		updatedAt: numberOf(hash.updatedAt) ?? 0,
		left: hash.left === '1',
	};
}

/** Whether two statuses differ in anything but their times (a heartbeat changes nothing else). */
export function sameProgress(a: LabProgressStatus, b: LabProgressStatus): boolean {
	const keys = Object.keys({...a, ...b}) as Array<keyof LabProgressStatus>;
	return keys.every((key) => (key === 'nodesDown' ? a.nodesDown.join(',') === b.nodesDown.join(',') : a[key] === b[key]));
}
