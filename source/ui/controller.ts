import type {Lab, Lang} from '../engine/lab/types.js';
import type {SessionIntents, SessionStore} from '../engine/session-state.js';
import type {LabProgress} from '../engine/progress.js';

/** A running lab, as the UI sees it: a store to render and intents to call. */
export type LabHandle = SessionStore & SessionIntents;

/** What the CLI hands the app. */
export interface AppController {
	labs: Lab[];
	runtime: 'docker' | 'local';
	/** e.g. "redis:7.2" or "redis-server 7.0.15". */
	runtimeLabel: string;
	lang: Lang;
	progress: {get(labId: string): LabProgress; setLast(labId: string, index: number): void};
	/** Starts a lab (a fresh session); resolves once the session exists, before setup ends. */
	openLab(labId: string): Promise<LabHandle>;
	/** Set when the app cannot start labs at all (e.g. Docker unreachable). */
	startupError?: {message: string; hint?: string};
	/** Open this lab directly instead of the menu. */
	initialLab?: string;
	/** What an earlier session (a crash, a kill) left in the way: the app offers to remove it. */
	leftovers?: string[];
	removeLeftovers?(): Promise<void>;
}
