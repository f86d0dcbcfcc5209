import type {Lab} from '../format/types.js';
import type {SessionState, Store} from '../../session/state.js';

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

/** What the lab screen renders: the session's servers and the lab run, merged by LabSession. */
export interface LabSessionState extends SessionState {
	lab?: LabRunState;
}

export type LabSessionStore = Store<LabSessionState>;

/** What a UI may ask of a session. */
export interface LabSessionIntents {
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
