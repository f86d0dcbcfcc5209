import type {Lab, Lang} from '../engine/lab/format/types.js';
import type {LabSessionIntents, LabSessionStore} from '../engine/lab/run/state.js';
import type {LabProgress} from '../engine/lab/run/progress.js';
import type {RoomStore} from './RoomBadge.js';

/** A running lab, as the UI sees it: a store to render and intents to call. */
export type LabHandle = LabSessionStore & LabSessionIntents;

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
	/** The workshop room joined with --room (or remembered), if any. */
	room?: RoomStore;
}
