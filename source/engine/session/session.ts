import {maskForDemo} from '../base/demo-mask.js';
import {randomBytes} from 'node:crypto';
import {RedisLabError, saidOf, type Said} from '../base/errors.js';
import {DEFAULT_POLL_MS} from '../redis/probe/poller.js';
import {realClock, withTimeout, type Clock} from '../base/wait.js';
import {NodeActions, type ShowOptions} from './nodes.js';
import {Observers, type EventSourceFactory, type ProbeFactory} from './observers.js';
import {StateStore} from './store.js';
import {planStart, withKnownReplicas} from '../topology/start-plan.js';
import {currentMaster, healthTest, replicasLinked, waitForState} from './health.js';
import type {ExecResult, Runtime} from '../runtime/types.js';
import type {NodeSpec} from '../topology/topology.js';
import type {NodeView, SessionState, TranscriptEntry, TranscriptKind} from './state.js';
import {both} from '../../i18n/index.js';
import {ENGINE} from '../../i18n/engine.js';

export interface SessionOptions {
	runtime: Runtime;
	pollMs?: number;
	password?: string;
	/** Makes each node's probe (default: INFO over ioredis); tests feed NodeView snapshots. */
	probe?: ProbeFactory;
	/** Makes the sentinel event stream (default: PSUBSCRIBE over ioredis). */
	events?: EventSourceFactory;
	/** Time for waits (tests pass a FakeClock). */
	clock?: Clock;
	/** Masks what changes from run to run in the transcript and logs (`--demo`). */
	demo?: boolean;
}

/** Probe interval while a start-up wait runs. */
const READINESS_POLL_MS = 100;

/** Like Promise.all, but rejects only once every promise has settled (so clean-up sees no start in flight). */
async function settleAll(promises: Array<Promise<unknown>>): Promise<void> {
	const results = await Promise.allSettled(promises);
	const failed = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
	if (failed) throw failed.reason;
}

export function newSessionId(): string {
	return `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
}

/**
 * One running lab environment: a runtime, its nodes, a probe per node, the sentinel event
 * stream, followed logs and a transcript. Its state is an immutable snapshot, replaced on change.
 */
export class Session {
	readonly runtime: Runtime;
	private readonly store: StateStore;
	private readonly observers: Observers;
	private readonly nodes: NodeActions;
	private readonly specs = new Map<string, NodeSpec>();
	private readonly clock: Clock;
	private closed = false;
	private stopWatchingEngine = () => {};
	private engineLost = false;
	private closing?: Promise<void>;

	constructor(options: SessionOptions) {
		this.runtime = options.runtime;
		this.clock = options.clock ?? realClock;
		this.store = new StateStore(this.runtime);
		if (options.demo) {
			this.store.mask = (text) => maskForDemo(text, this.runtime.sessionId);
			this.store.update((state) => ({...state, demo: true}));
		}
		this.observers = new Observers({runtime: this.runtime, store: this.store, pollMs: options.pollMs ?? DEFAULT_POLL_MS, password: options.password, probe: options.probe, events: options.events});
		this.nodes = new NodeActions({
			runtime: this.runtime,
			store: this.store,
			observers: this.observers,
			spec: (name) => this.spec(name),
			setSpec: (spec) => this.specs.set(spec.name, spec),
			closed: () => this.closed,
		});
	}

	// --- store ---

	getState = (): SessionState => this.store.getState();

	subscribe = (listener: () => void): (() => void) => this.store.subscribe(listener);

	/** Replaces the snapshot now; listeners hear of it once per tick. */
	update(change: (state: SessionState) => SessionState): void {
		this.store.update(change);
	}

	record(kind: TranscriptKind, text: string, extra: Partial<TranscriptEntry> = {}): void {
		this.store.record(kind, text, extra);
	}

	// --- lifecycle ---

	async prepare(): Promise<void> {
		this.update((state) => ({...state, phase: 'preparing'}));
		try {
			await this.runtime.prepare((pull) => this.update((state) => ({...state, phase: 'pulling', pull})));
			this.update((state) => ({...state, phase: 'starting', pull: undefined, runtimeLabel: this.runtime.label}));
			this.store.learnServer(this.runtime.server);
			this.stopWatchingEngine = this.runtime.watchEngine?.((error) => this.loseEngine(error)) ?? (() => {});
		} catch (error) {
			this.fail(error);
			throw error;
		}
	}

	/** The engine went away: stop probing and streaming, and say so; the nodes' fate is the engine's. */
	private loseEngine(error: Error): void {
		this.engineLost = true;
		this.observers.stop();
		this.fail(error);
	}

	fail(error: unknown): void {
		this.update((state) => ({...state, phase: 'failed', error: saidOf(error)}));
	}

	ready(): void {
		this.update((state) => ({...state, phase: 'ready'}));
	}

	// --- nodes declared ---

	/** Declares the nodes a lab may use; they show as absent until started. */
	declare(nodes: NodeSpec[]): void {
		for (const node of nodes) {
			this.specs.set(node.name, node);
			if (!this.getState().nodes.some((view) => view.name === node.name)) {
				const view: NodeView = {name: node.name, kind: node.kind, address: `127.0.0.1:${node.port}`, health: 'absent', changedAt: {}, names: {}};
				this.update((state) => ({...state, nodes: [...state.nodes, view]}));
			}
		}
	}

	spec(name: string): NodeSpec {
		const spec = this.specs.get(name);
		if (!spec) throw new RedisLabError('BAD_INPUT', both(ENGINE.unknownNode, {name}), {hint: both(ENGINE.nodesHere, {names: [...this.specs.keys()].join(', ')})});
		return spec;
	}

	nodeNames(): string[] {
		return [...this.specs.keys()];
	}

	view(name: string): NodeView | undefined {
		return this.getState().nodes.find((node) => node.name === name);
	}

	// --- node operations (each shows its command, then does it) ---

	startNode(name: string, options: {quiet?: boolean} = {}): Promise<void> {
		return this.nodes.start(name, options);
	}

	/** Starts several nodes in the order `planStart` gives. */
	async startNodes(names: string[], options: {quiet?: boolean} = {}): Promise<void> {
		const spec = (name: string) => this.spec(name);
		const plan = planStart(names, spec, (name) => this.runtime.addressBeforeStart(name) !== undefined);
		const created = new Set(this.runtime.nodes().map((node) => node.name));
		for (const sentinel of plan.expectReplicas.sentinels) {
			if (!created.has(sentinel)) this.specs.set(sentinel, withKnownReplicas(spec(sentinel), plan.expectReplicas.replicas, spec));
		}
		for (const stage of plan.stages) {
			if ('start' in stage) await settleAll(stage.start.map((name) => this.nodes.start(name, options)));
			else await this.waitReplicasLinked(stage.waitLinked);
		}
	}

	/**
	 * Sentinels learn replicas from the master's INFO, which they re-read only every 10 s:
	 * starting them after the replicas have linked makes the first read complete.
	 */
	private async waitReplicasLinked(names: string[]): Promise<void> {
		const replicas = names.filter((name) => this.spec(name).replicaOf);
		if (replicas.length === 0) return;
		await this.pollingFast(this.waitFor(replicasLinked(replicas), 10_000, 'the replicas to link up', 50)).catch(() => undefined); // a replica that does not link shows it in its pane and fails its lab's checks
	}

	/** While a start-up wait runs (up, a lab's setup checks), every node is polled often, not only at the probe interval. */
	async pollingFast<T>(wait: Promise<T>): Promise<T> {
		const timer = setInterval(() => void this.refresh(), READINESS_POLL_MS);
		const release = this.holdFullRate();
		try {
			return await wait;
		} finally {
			clearInterval(timer);
			release();
		}
	}

	stopNode(name: string, how: 'shutdown' | 'kill', options: {quiet?: boolean} = {}): Promise<void> {
		return this.nodes.stop(name, how, options);
	}

	pauseNode(name: string, options: {quiet?: boolean} = {}): Promise<void> {
		return this.nodes.pause(name, options);
	}

	resumeNode(name: string, options: {quiet?: boolean} = {}): Promise<void> {
		return this.nodes.resume(name, options);
	}

	restartNode(name: string, options: {quiet?: boolean} = {}): Promise<void> {
		return this.nodes.restart(name, options);
	}

	isolateNode(name: string, options: {quiet?: boolean} = {}): Promise<void> {
		return this.nodes.isolate(name, options);
	}

	healNode(name: string, options: {quiet?: boolean} = {}): Promise<void> {
		return this.nodes.heal(name, options);
	}

	/** Runs redis-cli next to a node, recording the command and its real output. */
	cli(name: string, args: string[], options: ShowOptions = {}): Promise<ExecResult> {
		return this.nodes.cli(name, args, options);
	}

	/** Merges directives into a node's config and rewrites its file. */
	writeConfig(name: string, set: Record<string, string | number>, options: {quiet?: boolean} = {}): Promise<string> {
		return this.nodes.writeConfig(name, set, options);
	}

	/** The node's config file as it is now (or as it will be written). */
	showConfig(name: string, options: {quiet?: boolean} = {}): Promise<string> {
		return this.nodes.showConfig(name, options);
	}

	// --- observers ---

	/** Polls every node now. */
	refresh(): Promise<void> {
		return this.observers.refresh();
	}

	/** Keeps polling every node at the full rate until the returned function is called (quiet nodes are otherwise polled less often). */
	holdFullRate(): () => void {
		return this.observers.holdFullRate();
	}

	/** Marks now as the moment of the injected fault (event times are shown relative to it). */
	markFault(at = Date.now()): void {
		this.update((state) => ({...state, faultAt: at}));
	}

	/** Follows a node's log into state.logs. */
	followLogs(name: string): void {
		this.observers.followLogs(name);
	}

	unfollowLogs(name?: string): void {
		this.observers.unfollowLogs(name);
	}

	// --- waiting ---

	/**
	 * Resolves when `test` passes on a state snapshot; re-tests on every state change and at least
	 * every `everyMs`. Rejects with TIMEOUT after `timeoutMs`.
	 */
	waitFor<T>(test: (state: SessionState) => T | undefined | false, timeoutMs: number, what: string | Said, everyMs = 250): Promise<T> {
		return waitForState(this.store, test, {timeoutMs, what, everyMs, clock: this.clock});
	}

	/** The node the running sentinels report as master, when they agree. */
	currentMaster(state = this.getState()): string | undefined {
		return currentMaster(state, (host, port) => this.runtime.resolve(host, port));
	}

	/** Waits until every started sentinel reports the master ok with all replicas and sentinels. */
	async waitHealthy(timeoutMs = 30_000): Promise<void> {
		const {test, what} = healthTest([...this.specs.values()].filter((spec) => this.observers.watching(spec.name)));
		await this.pollingFast(this.waitFor(test, timeoutMs, what));
	}

	/** Brings a topology up: create and start in parallel, then wait until healthy. */
	async up(nodes: NodeSpec[], options: {timeoutMs?: number; quiet?: boolean} = {}): Promise<void> {
		this.declare(nodes);
		await this.startNodes(nodes.map((node) => node.name), options);
		await this.waitHealthy(options.timeoutMs);
		this.ready();
	}

	// --- end ---

	/** Stops probes, streams and followers; tears the runtime down unless `keep`. A second call waits for the first. */
	close(options: {keep?: boolean} = {}): Promise<void> {
		this.closing ??= this.closeNow(options);
		return this.closing;
	}

	private async closeNow(options: {keep?: boolean}): Promise<void> {
		this.closed = true;
		this.stopWatchingEngine();
		this.update((state) => ({...state, phase: 'closing'}));
		this.observers.stop(true);
		try {
			if (!options.keep) {
				await (this.engineLost
					? withTimeout(this.runtime.teardown(), 3000, both(ENGINE.dockerGaveUp), {hint: both(ENGINE.dockerBackDown), clock: this.clock})
					: this.runtime.teardown());
			}
		} finally {
			this.update((state) => ({...state, phase: 'closed'}));
		}
	}

	/** Forgets all nodes (after a teardown) so a lab can start again from a clean slate. */
	async reset(): Promise<void> {
		this.observers.stop();
		await this.runtime.teardown();
		this.specs.clear();
		this.update((state) => ({...state, nodes: [], events: [], logs: [], faultAt: undefined}));
	}
}
