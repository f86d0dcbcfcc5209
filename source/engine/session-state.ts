import type {ReplicationInfo, SentinelInfo} from './probe/types.js';
import type {NodeKind} from './topology.js';
import type {SentinelEvent} from './sentinel/types.js';
import type {PullProgress, RuntimeKind} from './runtime/types.js';
import type {Lab} from './lab/types.js';
import type {Said} from './errors.js';

/** How a node looks from the app. */
export type NodeHealth = 'absent' | 'starting' | 'up' | 'down' | 'paused';

/** One node as the live panes show it. */
export interface NodeView {
	name: string;
	kind: NodeKind;
	/** 127.0.0.1:<port> */
	address: string;
	health: NodeHealth;
	/** Date.now() of the last successful INFO. */
	lastSeenAt?: number;
	/** Why it is down (last error), one line. */
	error?: string;
	replication?: ReplicationInfo;
	sentinel?: SentinelInfo;
	/** Raw INFO field name -> Date.now() when its value last changed. */
	changedAt: Record<string, number>;
	/** Node names for reported addresses: "ip:port" -> node. */
	names: Record<string, string>;
	/** Last log lines, kept when the node exited on its own. */
	lastLogs?: string[];
}

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

export type CheckStatus = 'pending' | 'passed' | 'failed';

export interface CheckState {
	/** e.g. "replica1 role is slave". */
	label: string;
	status: CheckStatus;
	/** Why it failed, or the value seen. */
	detail?: string;
}

export type StepStatus = 'pending' | 'running' | 'watching' | 'passed' | 'failed';

export interface StepState {
	index: number;
	status: StepStatus;
	checks: CheckState[];
	/** Commands this step runs, as the learner would type them (for the current runtime). */
	commands: string[];
	error?: string;
	/** Why the step was not run on this runtime (a docker-only step on local): shown instead of its checks. */
	skipped?: string;
}

export interface LabRunState {
	lab: Lab;
	/** Index of the step on screen. */
	current: number;
	steps: StepState[];
	/** Setup (clean slate) progress. */
	setup: 'pending' | 'running' | 'done' | 'failed';
	/** Set while earlier steps are replayed to open step `to` with its state (LabRunner.catchUp). */
	catchingUp?: {to: number};
	/** Set while the lab plays itself (`--autoplay`). */
	autoplay?: AutoplayState;
}

export interface AutoplayState {
	status: 'playing' | 'passed' | 'failed';
	/** The command being typed, as far as it has been typed. */
	typing?: string;
	/** Why it stopped, when it failed. */
	reason?: string;
}

export type SessionPhase = 'idle' | 'preparing' | 'pulling' | 'starting' | 'ready' | 'failed' | 'closing' | 'closed';

/** An immutable snapshot of everything the UI shows. */
export interface SessionState {
	id: string;
	runtime: RuntimeKind;
	/** e.g. "redis:7.2" or "redis-server 7.0.15". */
	runtimeLabel: string;
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
	lab?: LabRunState;
}

/** What a UI may ask of a session. */
export interface SessionIntents {
	runStep(): Promise<void>;
	goToStep(index: number): void;
	next(): void;
	back(): void;
	resetLab(): Promise<void>;
	/** Runs a redis-cli command on a node, as typed in the console. */
	console(node: string, commandLine: string): Promise<{reply: string; isError: boolean}>;
	followLogs(on: boolean): void;
	close(options?: {keep?: boolean}): Promise<void>;
}

export interface SessionStore {
	getState: () => SessionState;
	subscribe: (listener: () => void) => () => void;
}
