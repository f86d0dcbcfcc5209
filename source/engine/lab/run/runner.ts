import {RedisLabError, messageOf} from '../../base/errors.js';
import type {Session} from '../../session/session.js';
import type {CheckState, LabRunState, StepState} from './state.js';
import {realClock, waitFor, type Clock} from '../../base/wait.js';
import {actionOf} from '../actions/registry.js';
import {checkOf, describeCheck} from '../checks/registry.js';
import type {ActionContext, CheckContext, LabMemory, PreviewContext} from '../define/define.js';
import {CURRENT_MASTER} from '../define/fields.js';
import {labNodeSpecs, type RunnerOptions as NodeOptions} from '../format/node-specs.js';
import {resolveLab} from '../format/resolve-lab.js';
import {settle} from './settle.js';
import {fillTemplates, templateNodes} from '../define/templates.js';
import type {Action, Check, Lab, Lang, Step} from '../format/types.js';
import {both} from '../../../i18n/index.js';
import {ENGINE} from '../../../i18n/engine.js';

/** How long an action on `current-master` waits for the sentinels to agree on one. */
const AGREEMENT_WAIT_MS = 30_000;

export {labNodeSpecs} from '../format/node-specs.js';

export interface RunnerOptions extends NodeOptions {
	/** Time as the runner sees it (tests pass a fake clock). */
	clock?: Clock;
}

/** How long a step the learner does by hand is watched. */
const WATCH_MS = 10 * 60_000;

/** Runs a lab's steps on a session and keeps the lab run's own state (the session knows nothing of labs). */
export class LabRunner {
	readonly lab: Lab;
	private readonly session: Session;
	private readonly options: RunnerOptions;
	private readonly memory: LabMemory = {writes: new Map(), clients: new Map(), figures: new Map()};
	/** Index of the next action to run, per step: a step run again goes on where it stopped. */
	private readonly actionsDone = new Map<number, number>();
	/** The run or watch whose verdicts count; aborted when another starts or the learner moves away. */
	private active = new AbortController();
	private run: LabRunState;
	private readonly listeners = new Set<() => void>();

	constructor(session: Session, lab: Lab, options: RunnerOptions = {}) {
		this.session = session;
		// Texts and `within` filled with the sentinel settings this run uses (`{{sentinel.down-after}}`).
		this.lab = resolveLab(lab, options);
		this.options = options;
		session.declare(labNodeSpecs(lab, options));
		const steps: StepState[] = this.lab.steps.map((step, index) => ({index, status: 'pending', checks: this.pendingChecks(step), commands: this.commandsOf(step)}));
		this.run = {lab: this.lab, current: 0, steps, setup: lab.setup?.length ? 'pending' : 'done'};
	}

	/** The lab run's snapshot, replaced on change. */
	getState = (): LabRunState => this.run;

	subscribe = (listener: () => void): (() => void) => {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	};

	get lang(): Lang {
		return this.options.lang ?? 'en';
	}

	private get clock(): Clock {
		return this.options.clock ?? realClock;
	}

	private pendingChecks(step: Step): CheckState[] {
		return step.expect.map((check) => ({label: describeCheck(check, this.lang), status: 'pending'}));
	}

	/** Replaces the snapshot; listeners hear of it at once (the session's store batches per tick). */
	patch(change: (run: LabRunState) => LabRunState): void {
		this.run = change(this.run);
		for (const listener of [...this.listeners]) listener();
	}

	private patchStep(index: number, change: (step: StepState) => StepState): void {
		this.patch((run) => ({...run, steps: run.steps.map((step) => (step.index === index ? change(step) : step))}));
	}

	private bounded(index: number): number {
		return Math.max(0, Math.min(this.lab.steps.length - 1, index));
	}

	/** Moves the cursor (the UI's current step). */
	goTo(index: number): void {
		this.patch((run) => ({...run, current: this.bounded(index)}));
	}

	get current(): number {
		return this.run.current;
	}

	/** Node name for a reference; `current-master` asks the sentinels' view. */
	resolveNode = (ref: string): string => {
		if (ref !== CURRENT_MASTER) return ref;
		const master = this.session.currentMaster();
		if (!master) throw new RedisLabError('CHECK_FAILED', both(ENGINE.noAgreedMaster));
		return master;
	};

	/** Expands `{{node.host}}` and `{{node.port}}` to the address nodes use for each other. */
	expand(text: string): string {
		return fillTemplates(text, (node, part) => String(this.session.runtime.peerAddress(this.resolveNode(node))[part]));
	}

	private previewContext(): PreviewContext {
		const {session} = this;
		return {
			shell: session.runtime.shell,
			node: (ref) => (ref === CURRENT_MASTER ? session.currentMaster() ?? ref : ref),
			spec: (name) => (session.nodeNames().includes(name) ? session.spec(name) : undefined),
			expand: (text) => {
				try {
					return this.expand(text);
				} catch {
					return text;
				}
			},
			hostPort: (name) => session.runtime.hostAddress(name).port,
			lang: this.lang,
		};
	}

	/** The shell commands of a step's actions, as a learner would type them on this runtime. */
	commandsOf(step: Step): string[] {
		const context = this.previewContext();
		return step.do.flatMap((action) => {
			const {definition, body} = actionOf(action);
			try {
				return definition.preview(body, context);
			} catch {
				return [];
			}
		});
	}

	private actionContext(): ActionContext {
		return {session: this.session, shell: this.session.runtime.shell, lang: this.lang, memory: this.memory, resolveNode: this.resolveNode, expand: (text) => this.expand(text)};
	}

	private checkContext(since: number, baseline: Map<string, number>): CheckContext {
		return {session: this.session, since, baseline, writes: this.memory.writes, clients: this.memory.figures, resolveNode: this.resolveNode, expand: (text) => this.expand(text), lang: this.lang};
	}

	/** Performs one action, recording the commands as the learner would type them. */
	private async perform(action: Action): Promise<void> {
		const {definition, body} = actionOf(action);
		const usesCurrentMaster = (definition.nodes?.(body) ?? []).some((use) => use.ref === CURRENT_MASTER)
			|| (definition.templates?.(body) ?? []).some((template) => templateNodes(template.text).includes(CURRENT_MASTER));
		if (usesCurrentMaster) await this.agreedMaster();
		await definition.perform(body, this.actionContext());
	}

	/**
	 * Waits (up to AGREEMENT_WAIT_MS) until the sentinels agree on a master: right after a node
	 * restarts, their answers and the probes of them take a moment to settle again.
	 */
	private async agreedMaster(): Promise<void> {
		try {
			await waitFor(() => this.session.currentMaster(), {timeoutMs: AGREEMENT_WAIT_MS, intervalMs: 250, what: 'the sentinels to agree on a master', clock: this.clock});
		} catch (error) {
			if (error instanceof RedisLabError && error.code === 'TIMEOUT') throw new RedisLabError('CHECK_FAILED', both(ENGINE.noAgreedMaster));
			throw error;
		}
	}

	// --- running ---

	/** Runs the setup blocks (the state this lab starts from). */
	async setup(): Promise<void> {
		// The runtime is prepared now and knows more (Docker: the network, so fixed addresses): show commands as they will run.
		this.patch((run) => ({...run, steps: run.steps.map((state) => ({...state, commands: this.commandsOf(this.lab.steps[state.index]!)}))}));
		if (!this.lab.setup?.length) return;
		this.patch((run) => ({...run, setup: 'running'}));
		this.session.record('step', 'Setup: building the starting state');
		try {
			for (const block of this.lab.setup) {
				for (const action of block.do) await this.perform(action);
				const context = this.checkContext(this.clock.now(), new Map());
				const results = await this.session.pollingFast(Promise.all((block.expect ?? []).map((check) => settle(check, context, {clock: this.clock}))));
				const failed = results.find((result) => !result.ok);
				if (failed) throw new RedisLabError('CHECK_FAILED', both(ENGINE.setupFailed, {lab: this.lab.id, detail: failed.detail}));
			}
			this.patch((run) => ({...run, setup: 'done'}));
		} catch (error) {
			this.patch((run) => ({...run, setup: 'failed'}));
			throw error;
		}
	}

	/** A new run or watch: the previous one stops counting. */
	private begin(): AbortSignal {
		this.active.abort();
		this.active = new AbortController();
		return this.active.signal;
	}

	/**
	 * Runs the step's remaining actions, then waits for its checks. Resolves true when all pass.
	 * `beforeAction` sees each action's commands before it runs (autoplay types them).
	 */
	async runStep(index = this.current, options: {beforeAction?: (commands: string[]) => Promise<void>} = {}): Promise<boolean> {
		const step = this.lab.steps[index];
		if (!step) throw new RedisLabError('BAD_INPUT', both(ENGINE.noStep, {number: index + 1, lab: this.lab.id}));
		const signal = this.begin();
		this.session.record('step', `Step ${index + 1}/${this.lab.steps.length}: ${step.title[this.lang] ?? step.title.en}`);
		const skipped = this.skipReason(step);
		if (skipped) {
			this.session.record('note', skipped);
			this.patchStep(index, (state) => ({...state, status: 'passed', skipped, error: undefined}));
			return true;
		}
		this.patchStep(index, (state) => ({...state, status: 'running', error: undefined, checks: this.pendingChecks(step), commands: this.commandsOf(step)}));
		await this.session.refresh();
		const context = await this.startChecks(step);
		try {
			for (let done = this.actionsDone.get(index) ?? 0; done < step.do.length; done++) {
				await options.beforeAction?.(this.commandsOf({...step, do: [step.do[done]!]}));
				await this.perform(step.do[done]!);
				this.actionsDone.set(index, done + 1);
			}
		} catch (error) {
			const message = messageOf(error, this.lang);
			this.session.record('error', message);
			this.patchStep(index, (state) => ({...state, status: 'failed', error: message}));
			return false;
		}
		return this.settleStep(index, step, context, signal);
	}

	/** Why a step does not run on this runtime (`runtimes: [docker]` on local), or undefined. */
	skipReason(step: Step): string | undefined {
		const kind = this.session.runtime.kind;
		if (!step.runtimes || step.runtimes.includes(kind)) return undefined;
		const needed = step.runtimes.join(', ');
		return this.lang === 'zh' ? `已跳过：这一步只能在 ${needed} 运行时上演示（当前是 ${kind}）。` : `Skipped: this step needs the ${needed} runtime (this session runs on ${kind}).`;
	}

	/** Watches a step's checks without running its actions (the learner does them by hand). */
	async watchStep(index = this.current): Promise<boolean> {
		const step = this.lab.steps[index];
		if (!step) return false;
		const skipped = this.skipReason(step);
		if (skipped) {
			this.patchStep(index, (state) => ({...state, status: 'passed', skipped}));
			return true;
		}
		const signal = this.begin();
		this.patchStep(index, (state) => ({...state, status: 'watching', checks: this.pendingChecks(step)}));
		await this.session.refresh();
		return this.settleStep(index, step, await this.startChecks(step), signal, WATCH_MS);
	}

	/** Stops watching (the learner moved away). */
	stopWatching(): void {
		this.active.abort();
	}

	/**
	 * Opens step `toIndex` with its state: replays, in order, every earlier step that has not
	 * passed in this session (actions and checks, in the transcript like any run; the cursor
	 * follows the replay), then makes `toIndex` current. A failed step is marked and the replay
	 * goes on. `state.lab.catchingUp` is set meanwhile. Resolves true when every replayed step passed.
	 */
	async catchUp(toIndex: number): Promise<boolean> {
		const to = this.bounded(toIndex);
		this.stopWatching();
		this.patch((run) => ({...run, catchingUp: {to}}));
		let ok = true;
		try {
			if (this.run.setup === 'pending') await this.setup();
			for (let index = 0; index < to; index++) {
				if (this.run.steps[index]?.status === 'passed') continue;
				this.goTo(index);
				if (!(await this.runStep(index))) ok = false;
			}
		} finally {
			this.patch((run) => ({...run, catchingUp: undefined, current: to}));
		}
		return ok;
	}

	/** The check context of a step about to start: now, and what its checks compare with (read before the actions run). */
	private async startChecks(step: Step): Promise<CheckContext> {
		const context = this.checkContext(this.clock.now(), new Map());
		// A starting value comes from every node's INFO as of now, not the last probe tick: a node
		// started by the step before may not have been polled yet.
		if (step.expect.some((check) => checkOf(check).definition.baseline !== undefined)) await this.session.refresh();
		await Promise.all(step.expect.map(async (check) => {
			const {definition, body} = checkOf(check);
			await definition.baseline?.(body, context);
		}));
		return context;
	}

	private async settleStep(index: number, step: Step, context: CheckContext, signal: AbortSignal, withinMs?: number): Promise<boolean> {
		const release = this.session.holdFullRate();
		try {
			return await this.settleChecks(index, step, context, signal, withinMs);
		} finally {
			release();
		}
	}

	private async settleChecks(index: number, step: Step, context: CheckContext, signal: AbortSignal, withinMs?: number): Promise<boolean> {
		const results = await Promise.all(step.expect.map(async (check: Check, checkIndex) => {
			const verdict = await settle(check, context, {withinMs, signal, clock: this.clock});
			if (!signal.aborted) {
				this.patchStep(index, (state) => ({...state, checks: state.checks.map((entry, i) => (i === checkIndex ? {...entry, status: verdict.ok ? 'passed' : 'failed', detail: verdict.detail} : entry))}));
				this.session.record('check', `${verdict.ok ? '✓' : '✗'} ${describeCheck(check, this.lang)}${verdict.detail ? ` (${verdict.detail})` : ''}`, {ok: verdict.ok});
			}
			return verdict;
		}));
		const ok = results.every((result) => result.ok);
		if (!signal.aborted) this.patchStep(index, (state) => ({...state, status: ok ? 'passed' : 'failed'}));
		return ok;
	}

	/** Stops clients and watchers (the session itself is closed by its owner). */
	dispose(): void {
		this.active.abort();
		for (const client of this.memory.clients.values()) client.close();
		this.memory.clients.clear();
	}
}
