import type {ServerKind} from '../redis/server-kind.js';
import type {SentinelEvent} from '../redis/sentinel/types.js';
import type {PullProgress, RuntimeKind} from '../runtime/types.js';
import type {Said} from '../base/errors.js';
import type {NodeView} from '../redis/probe/types.js';

export type {NodeHealth, NodeView} from '../redis/probe/types.js';

export interface LogLine {
	seq: number;
	node: string;
	text: string;
	receivedAt: number;
}

export type TranscriptKind = 'step' | 'command' | 'output' | 'check' | 'note' | 'error';

/** One line of what the app did, in order, as the learner would have typed it. */
export interface TranscriptEntry {
	seq: number;
	at: number;
	kind: TranscriptKind;
	text: string;
	node?: string;
	/** For checks: passed or failed. */
	ok?: boolean;
	/** true when the user typed it in the console. */
	byUser?: boolean;
}

export type SessionPhase = 'idle' | 'preparing' | 'pulling' | 'starting' | 'ready' | 'failed' | 'closing' | 'closed';

/** An immutable snapshot of everything the UI shows. */
export interface SessionState {
	id: string;
	runtime: RuntimeKind;
	/** e.g. "redis:7.2" or "redis-server 7.0.15". */
	runtimeLabel: string;
	/** Which server the nodes run (Redis 7.2.6, Valkey 8.0.1): from the binaries, else the first INFO server. */
	server?: ServerKind;
	/** One line when the server is not in the support table (unknown flavour, or a major version redis-lab was not written for). */
	serverWarning?: Said;
	phase: SessionPhase;
	pull?: PullProgress;
	error?: {message: Said; hint?: Said};
	nodes: NodeView[];
	events: SentinelEvent[];
	/** Date.now() of the last injected fault, for relative event times. */
	faultAt?: number;
	/** `--demo`: nothing that changes from run to run is shown (event times are relative, never the clock). */
	demo?: boolean;
	logs: LogLine[];
	transcript: TranscriptEntry[];
}

/** A snapshot store a UI can render: `useSyncExternalStore` takes these two. */
export interface Store<T> {
	getState: () => T;
	subscribe: (listener: () => void) => () => void;
}

export type SessionStore = Store<SessionState>;
