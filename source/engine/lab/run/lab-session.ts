import {messageOf} from '../../base/errors.js';
import {LabRunner, type RunnerOptions} from './runner.js';
import {normaliseReply} from '../checks/registry.js';
import {splitCommandLine} from '../../base/shell.js';
import type {Lab} from '../format/types.js';
import type {Session} from '../../session/session.js';
import type {SessionState} from '../../session/state.js';
import type {LabRunState, LabSessionIntents, LabSessionState, LabSessionStore} from './state.js';

export const MAX_CONSOLE_INPUT = 500;

/** Called when a step's checks all pass, however the learner got there. */
export type StepDoneListener = (labId: string, stepId: string, index: number) => void;

/**
 * A session running one lab, as the interactive app drives it: the store the UI renders and
 * the intents its keys call. Checks of the step on screen are watched continuously, so a step
 * also passes when the learner does it by hand.
 */
export class LabSession implements LabSessionStore, LabSessionIntents {
	runner: LabRunner;
	private busy = false;
	private readonly listeners = new Set<() => void>();
	private notifyScheduled = false;
	private leaveRunner: () => void = () => undefined;
	private merged?: {session: SessionState; run: LabRunState; state: LabSessionState};

	constructor(
		readonly session: Session,
		lab: Lab,
		private readonly options: RunnerOptions & {onStepDone?: StepDoneListener; startAt?: number} = {},
	) {
		this.runner = this.follow(new LabRunner(session, lab, options));
		session.subscribe(this.notify);
	}

	/** The session's servers and the lab run in one snapshot, the same object until either changes. */
	getState = (): LabSessionState => {
		const session = this.session.getState();
		const run = this.runner.getState();
		if (this.merged?.session !== session || this.merged.run !== run) this.merged = {session, run, state: {...session, lab: run}};
		return this.merged.state;
	};

	subscribe = (listener: () => void): (() => void) => {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	};

	/** Listeners hear once per tick, however many changes the session and the runner made. */
	private readonly notify = (): void => {
		if (this.notifyScheduled) return;
		this.notifyScheduled = true;
		setImmediate(() => {
			this.notifyScheduled = false;
			for (const listener of [...this.listeners]) listener();
		});
	};

	private follow(runner: LabRunner): LabRunner {
		this.leaveRunner();
		this.leaveRunner = runner.subscribe(this.notify);
		return runner;
	}

	/** Prepares the runtime, builds the lab's starting state, and opens the first step (or `startAt`, caught up). */
	async open(): Promise<void> {
		this.prepared = this.prepare();
		if (await this.prepared) await this.moveTo(this.options.startAt ?? 0);
	}

	/** Resolves true once the runtime is prepared and the setup ran; a step asked for meanwhile waits for it. */
	private prepared: Promise<boolean> = Promise.resolve(true);

	private async prepare(): Promise<boolean> {
		try {
			await this.session.prepare();
			await this.runner.setup();
			this.session.ready();
			return true;
		} catch (error) {
			this.session.fail(error);
			return false;
		}
	}

	private watch(): void {
		const index = this.runner.current;
		void this.runner.watchStep(index).then((ok) => this.passed(index, ok));
	}

	private passed(index: number, ok: boolean): void {
		const step = this.runner.lab.steps[index];
		if (ok && step) this.options.onStepDone?.(this.runner.lab.id, step.id, index);
	}

	async runStep(): Promise<void> {
		if (this.busy) return;
		this.busy = true;
		const index = this.runner.current;
		try {
			this.runner.stopWatching();
			this.passed(index, await this.runner.runStep(index));
		} catch (error) {
			this.session.record('error', messageOf(error, this.runner.lang));
		} finally {
			this.busy = false;
		}
	}

	/**
	 * Opens a step with the servers in the state it expects: the earlier steps that have not passed
	 * are replayed first ("catching up"); going back over a step that ran rebuilds the lab from its
	 * starting state and replays up to the step.
	 */
	goToStep(index: number): void {
		void this.moveTo(index);
	}

	private async moveTo(index: number): Promise<void> {
		if (!(await this.prepared) || this.busy) return;
		const steps = this.runner.getState().steps;
		const target = Math.max(0, Math.min(steps.length - 1, index));
		this.runner.stopWatching();
		const ranFrom = (from: number) => steps.slice(from).some((step) => step.status === 'passed' || step.status === 'failed' || step.status === 'running');
		const behind = steps.slice(0, target).some((step) => step.status !== 'passed');
		if (!ranFrom(target) && !behind) {
			this.runner.goTo(target);
			this.watch();
			return;
		}
		this.busy = true;
		try {
			if (ranFrom(target)) await this.rebuild();
			await this.runner.catchUp(target);
		} catch (error) {
			this.session.record('error', messageOf(error, this.runner.lang));
		} finally {
			this.busy = false;
		}
		this.watch();
	}

	/** A fresh runner on freshly built nodes, at step 1. */
	private async rebuild(): Promise<void> {
		this.runner.dispose();
		await this.session.reset();
		this.runner = this.follow(new LabRunner(this.session, this.runner.lab, this.options));
		this.notify();
		await this.runner.setup();
		this.session.ready();
	}

	next(): void {
		this.goToStep(this.runner.current + 1);
	}

	back(): void {
		this.goToStep(this.runner.current - 1);
	}

	/** Tears the lab's nodes down and builds its starting state again. */
	async resetLab(): Promise<void> {
		if (this.busy) return;
		this.busy = true;
		try {
			await this.rebuild();
			this.runner.goTo(0);
		} catch (error) {
			this.session.fail(error);
		} finally {
			this.busy = false;
		}
		this.watch();
	}

	/** A redis-cli command typed by the learner; Redis errors come back as replies, never as crashes. */
	async console(node: string, commandLine: string): Promise<{reply: string; isError: boolean}> {
		const line = commandLine.trim();
		if (line.length === 0) return {reply: '', isError: false};
		if (line.length > MAX_CONSOLE_INPUT) return {reply: `Command too long (${line.length} characters; at most ${MAX_CONSOLE_INPUT})`, isError: true};
		if (/[\u0000-\u0008\u000E-\u001F\u007F]/.test(line)) return {reply: 'Control characters are not allowed; type the command as text', isError: true};
		let args: string[];
		try {
			args = splitCommandLine(line);
		} catch (error) {
			return {reply: messageOf(error), isError: true};
		}
		if (!this.session.nodeNames().includes(node)) return {reply: `Unknown node ${node}`, isError: true};
		if (this.session.view(node)?.health === 'absent') return {reply: `${node} is not running yet: a step of this lab starts it (r runs the current step)`, isError: true};
		try {
			const result = await this.session.cli(node, args, {byUser: true});
			const reply = normaliseReply(result.stdout || result.stderr);
			const raw = (result.stdout || result.stderr).trimEnd();
			return {reply: raw || '(no reply)', isError: reply.isError || (result.exitCode !== 0 && !result.stdout)};
		} catch (error) {
			return {reply: messageOf(error), isError: true};
		}
	}

	followLogs(on: boolean): void {
		for (const node of this.session.nodeNames().filter((name) => name.startsWith('sentinel'))) {
			if (on) this.session.followLogs(node);
			else this.session.unfollowLogs(node);
		}
	}

	async close(options: {keep?: boolean} = {}): Promise<void> {
		this.runner.dispose();
		await this.session.close(options);
	}
}
