import {randomBytes} from 'node:crypto';
import {RedisLabError, messageOf} from './errors.js';
import {NodeProbe, DEFAULT_POLL_MS} from './probe/poller.js';
import {SentinelEventStream} from './sentinel/stream.js';
import {parseLogLine} from './sentinel/events.js';
import type {ExecResult, Runtime, RuntimeOp} from './runtime/types.js';
import type {NodeSpec} from './topology.js';
import type {LogLine, NodeView, SessionState, TranscriptEntry, TranscriptKind} from './session-state.js';
import type {SentinelEvent} from './sentinel/types.js';

export interface SessionOptions {
	runtime: Runtime;
	pollMs?: number;
	password?: string;
}

const MAX_EVENTS = 500;
/** Delay before polling every node after a sentinel event (events come in bursts). */
const REFRESH_AFTER_EVENT_MS = 20;
/** Probe interval while `up` waits for the topology to be ready. */
const READINESS_POLL_MS = 100;
const MAX_LOGS = 1000;
const MAX_TRANSCRIPT = 2000;

/** Like Promise.all, but rejects only once every promise has settled (so clean-up sees no start in flight). */
async function settleAll(promises: Array<Promise<unknown>>): Promise<void> {
	const results = await Promise.allSettled(promises);
	const failed = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
	if (failed) throw failed.reason;
}

export function newSessionId(): string {
	return `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
}

/** Rejects with a TIMEOUT error when `work` takes longer than `ms`. */
function withinMs<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
	let timer: NodeJS.Timeout | undefined;
	const timeout = new Promise<never>((_, reject) => {
		timer = setTimeout(() => reject(new RedisLabError('TIMEOUT', `Gave up ${what} after ${ms / 1000}s`, {hint: 'Once Docker runs again: redis-lab down'})), ms);
	});
	return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * One running lab environment: a runtime, its nodes, a probe per node, the sentinel event
 * stream, followed logs and a transcript. Its state is an immutable snapshot, replaced on change.
 */
export class Session {
	readonly runtime: Runtime;
	private state: SessionState;
	private readonly listeners = new Set<() => void>();
	private readonly specs = new Map<string, NodeSpec>();
	private readonly probes = new Map<string, NodeProbe>();
	private readonly stream: SentinelEventStream;
	private readonly logFollowers = new Map<string, AbortController>();
	private readonly pollMs: number;
	private readonly password?: string;
	private notifyScheduled = false;
	private seq = 0;
	private closed = false;

	constructor(options: SessionOptions) {
		this.runtime = options.runtime;
		this.pollMs = options.pollMs ?? DEFAULT_POLL_MS;
		this.password = options.password;
		this.state = {
			id: this.runtime.sessionId,
			runtime: this.runtime.kind,
			runtimeLabel: this.runtime.label,
			phase: 'idle',
			nodes: [],
			events: [],
			logs: [],
			transcript: [],
		};
		this.stream = new SentinelEventStream((host, port) => this.runtime.resolve(host, port), (event) => this.addEvent(event), this.password);
	}

	// --- store ---

	getState = (): SessionState => this.state;

	subscribe = (listener: () => void): (() => void) => {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	};

	/** Replaces the snapshot now; listeners hear of it once per tick. */
	update(change: (state: SessionState) => SessionState): void {
		this.state = change(this.state);
		if (this.notifyScheduled) return;
		this.notifyScheduled = true;
		setImmediate(() => {
			this.notifyScheduled = false;
			for (const listener of [...this.listeners]) listener();
		});
	}

	// --- lifecycle ---

	async prepare(): Promise<void> {
		this.update((state) => ({...state, phase: 'preparing'}));
		try {
			await this.runtime.prepare((pull) => this.update((state) => ({...state, phase: 'pulling', pull})));
			this.update((state) => ({...state, phase: 'starting', pull: undefined, runtimeLabel: this.runtime.label}));
			this.stopWatchingEngine = this.runtime.watchEngine?.((error) => this.loseEngine(error)) ?? (() => {});
		} catch (error) {
			this.fail(error);
			throw error;
		}
	}

	private stopWatchingEngine = () => {};
	private engineLost = false;

	/** The engine went away: stop probing and streaming, and say so; the nodes' fate is the engine's. */
	private loseEngine(error: Error): void {
		this.engineLost = true;
		this.stopObserving();
		this.fail(error);
	}

	fail(error: unknown): void {
		const known = error instanceof RedisLabError ? error : undefined;
		this.update((state) => ({...state, phase: 'failed', error: {message: messageOf(error), hint: known?.hint}}));
	}

	ready(): void {
		this.update((state) => ({...state, phase: 'ready'}));
	}

	/** Declares the nodes a lab may use; they show as absent until started. */
	declare(nodes: NodeSpec[]): void {
		for (const node of nodes) {
			this.specs.set(node.name, node);
			if (!this.state.nodes.some((view) => view.name === node.name)) {
				const view: NodeView = {name: node.name, kind: node.kind, address: `127.0.0.1:${node.port}`, health: 'absent', changedAt: {}, names: {}};
				this.update((state) => ({...state, nodes: [...state.nodes, view]}));
			}
		}
	}

	spec(name: string): NodeSpec {
		const spec = this.specs.get(name);
		if (!spec) throw new RedisLabError('BAD_INPUT', `Unknown node "${name}"`, {hint: `Nodes here: ${[...this.specs.keys()].join(', ')}`});
		return spec;
	}

	nodeNames(): string[] {
		return [...this.specs.keys()];
	}

	view(name: string): NodeView | undefined {
		return this.state.nodes.find((node) => node.name === name);
	}

	// --- transcript ---

	record(kind: TranscriptKind, text: string, extra: Partial<TranscriptEntry> = {}): void {
		const entry: TranscriptEntry = {seq: ++this.seq, at: Date.now(), kind, text, ...extra};
		this.update((state) => ({...state, transcript: [...state.transcript, entry].slice(-MAX_TRANSCRIPT)}));
	}

	commandFor(op: RuntimeOp): string {
		return this.runtime.commandFor(op);
	}

	private show(op: RuntimeOp, options: {byUser?: boolean; quiet?: boolean} = {}): void {
		if (!options.quiet) this.record('command', this.runtime.commandFor(op), {node: 'node' in op ? op.node : undefined, byUser: options.byUser});
	}

	// --- node operations (each shows its command, then does it) ---

	async startNode(name: string, options: {quiet?: boolean} = {}): Promise<void> {
		if (this.closed) throw new RedisLabError('INTERNAL', 'The session is closing');
		const spec = this.spec(name);
		const state = await this.runtime.state(name);
		if (state === 'missing') {
			await this.runtime.create(spec);
			this.show({op: 'create', node: name, spec}, options);
		} else if (state === 'running') {
			return;
		} else {
			this.show({op: state === 'paused' ? 'resume' : 'start', node: name}, options);
			if (state === 'paused') {
				await this.runtime.resume(name);
				return;
			}
		}
		this.setHealth(name, 'starting');
		await this.runtime.start(name);
		this.ensureWatched(spec);
		await this.probes.get(name)?.poll();
	}

	/**
	 * Starts several nodes. Sentinels meet through hello messages every 2 s from their start, so when
	 * the runtime knows every address in advance they go first, told which replicas to expect; then
	 * the servers they monitor, then the replicas, which start during the sentinels' first hello
	 * cycle. Otherwise the servers start and link first (a sentinel then resolves its master's name
	 * and reads its replicas from the master's first INFO).
	 */
	async startNodes(names: string[], options: {quiet?: boolean} = {}): Promise<void> {
		const servers = names.filter((name) => this.spec(name).kind === 'redis');
		const sentinels = names.filter((name) => this.spec(name).kind === 'sentinel');
		const start = (group: string[]) => settleAll(group.map((name) => this.startNode(name, options)));
		const monitored = new Set(sentinels.flatMap((name) => this.spec(name).monitor?.node ?? []));
		const replicas = servers.filter((name) => monitored.has(this.spec(name).replicaOf ?? ''));
		const addressesKnown = [...monitored, ...replicas].every((name) => this.runtime.addressBeforeStart(name));
		if (sentinels.length === 0 || replicas.length === 0 || !addressesKnown) {
			await start(servers);
			if (sentinels.length > 0) await this.waitReplicasLinked(servers);
			await start(sentinels);
			return;
		}
		for (const name of sentinels) this.expectReplicas(name, replicas);
		await start(sentinels);
		await start(servers.filter((name) => !replicas.includes(name)));
		await start(replicas);
		await this.waitReplicasLinked(replicas);
	}

	/** Adds `known-replica` lines for the given replicas of its master to a sentinel not created yet. */
	private expectReplicas(sentinel: string, replicas: string[]): void {
		const spec = this.spec(sentinel);
		const monitor = spec.monitor;
		if (!monitor || this.runtime.nodes().some((node) => node.name === sentinel)) return;
		const knownReplicas = replicas.filter((name) => this.spec(name).replicaOf === monitor.node);
		this.specs.set(sentinel, {...spec, monitor: {...monitor, knownReplicas}});
	}

	/**
	 * Sentinels learn replicas from the master's INFO, which they re-read only every 10 s:
	 * starting them after the replicas have linked makes the first read complete.
	 */
	private async waitReplicasLinked(names: string[]): Promise<void> {
		const replicas = names.filter((name) => this.spec(name).replicaOf);
		if (replicas.length === 0) return;
		await this.pollingFast(this.waitFor((state) => replicas.every((name) => state.nodes.find((node) => node.name === name)?.replication?.masterLinkStatus === 'up') || undefined, 10_000, 'the replicas to link up', 50)).catch(() => undefined);
	}

	/** While a start-up wait runs, every node is polled often, not only at the probe interval. */
	private async pollingFast<T>(wait: Promise<T>): Promise<T> {
		const timer = setInterval(() => void this.refresh(), READINESS_POLL_MS);
		try {
			return await wait;
		} finally {
			clearInterval(timer);
		}
	}

	async stopNode(name: string, how: 'shutdown' | 'kill', options: {quiet?: boolean} = {}): Promise<void> {
		this.show({op: how === 'kill' ? 'kill' : 'stop', node: name}, options);
		await this.runtime.stop(name, how);
		await this.probes.get(name)?.poll();
	}

	async pauseNode(name: string, options: {quiet?: boolean} = {}): Promise<void> {
		this.show({op: 'pause', node: name}, options);
		await this.runtime.pause(name);
		this.setHealth(name, 'paused');
	}

	async resumeNode(name: string, options: {quiet?: boolean} = {}): Promise<void> {
		this.show({op: 'resume', node: name}, options);
		await this.runtime.resume(name);
		await this.probes.get(name)?.poll();
	}

	async restartNode(name: string, options: {quiet?: boolean} = {}): Promise<void> {
		this.show({op: 'restart', node: name}, options);
		await this.runtime.restart(name);
		this.ensureWatched(this.spec(name));
		await this.probes.get(name)?.poll();
	}

	async isolateNode(name: string, options: {quiet?: boolean} = {}): Promise<void> {
		await this.runtime.isolate(name);
		this.show({op: 'isolate', node: name}, options);
	}

	async healNode(name: string, options: {quiet?: boolean} = {}): Promise<void> {
		this.show({op: 'heal', node: name}, options);
		await this.runtime.heal(name);
	}

	/** Runs redis-cli next to a node, recording the command and its real output. */
	async cli(name: string, args: string[], options: {byUser?: boolean; quiet?: boolean} = {}): Promise<ExecResult> {
		this.show({op: 'cli', node: name, args}, options);
		const result = await this.runtime.exec(name, args);
		if (!options.quiet) {
			const output = (result.stdout + result.stderr).trimEnd();
			if (output) this.record('output', output, {node: name, byUser: options.byUser});
		}
		void this.probes.get(name)?.poll();
		return result;
	}

	/** Merges directives into a node's config and rewrites its file. */
	async writeConfig(name: string, set: Record<string, string | number>, options: {quiet?: boolean} = {}): Promise<string> {
		const spec = this.spec(name);
		const extra = [...(spec.extra ?? [])];
		for (const [key, value] of Object.entries(set)) {
			const index = extra.findIndex(([existing]) => existing === key);
			if (index === -1) extra.push([key, String(value)]);
			else extra[index] = [key, String(value)];
		}
		const next: NodeSpec = {...spec, extra};
		this.specs.set(name, next);
		const text = this.runtime.renderConfig(next);
		if ((await this.runtime.state(name)) !== 'missing') await this.runtime.writeConfig(name, text);
		this.show({op: 'write-config', node: name, text}, options);
		return text;
	}

	/** The node's config file as it is now (or as it will be written). */
	async showConfig(name: string, options: {quiet?: boolean} = {}): Promise<string> {
		const state = await this.runtime.state(name);
		const text = state === 'missing' ? this.runtime.renderConfig(this.spec(name)) : await this.runtime.readConfig(name);
		this.show({op: 'show-config', node: name}, options);
		if (!options.quiet) this.record('output', text.trimEnd(), {node: name});
		return text;
	}

	private setHealth(name: string, health: NodeView['health']): void {
		this.update((state) => ({...state, nodes: state.nodes.map((node) => (node.name === name ? {...node, health, changedAt: {...node.changedAt, health: Date.now()}} : node))}));
	}

	// --- probes and events ---

	private ensureWatched(spec: NodeSpec): void {
		if (!this.probes.has(spec.name)) {
			const probe = new NodeProbe(
				{name: spec.name, kind: spec.kind, port: this.runtime.hostAddress(spec.name).port, password: this.password},
				{
					resolve: (host, port) => this.runtime.resolve(host, port),
					classify: async (name) => this.classify(name),
				},
				(view) => this.update((state) => ({...state, nodes: state.nodes.map((node) => (node.name === view.name ? view : node))})),
				this.pollMs,
			);
			this.probes.set(spec.name, probe);
			probe.start();
		}
		if (spec.kind === 'sentinel') void this.stream.add(spec.name, this.runtime.hostAddress(spec.name).port);
	}

	private async classify(name: string): Promise<{health: 'down' | 'paused'; lastLogs?: string[]} | undefined> {
		const state = await this.runtime.state(name);
		if (state === 'paused') return {health: 'paused'};
		if (state === 'exited' || state === 'missing') {
			const tail = this.runtime.tailLogs ? await this.runtime.tailLogs(name, 5) : '';
			return {health: 'down', lastLogs: tail ? tail.split('\n') : undefined};
		}
		return {health: 'down'};
	}

	/** Polls every node now. */
	async refresh(): Promise<void> {
		await Promise.all([...this.probes.values()].map((probe) => probe.poll()));
	}

	private addEvent(event: SentinelEvent): void {
		this.update((state) => ({...state, events: [...state.events, event].slice(-MAX_EVENTS)}));
		this.refreshSoon();
	}

	private refreshTimer?: NodeJS.Timeout;

	/** A sentinel event means roles, links or counts just changed: poll every node now, once per burst. */
	private refreshSoon(): void {
		if (this.refreshTimer || this.closed) return;
		this.refreshTimer = setTimeout(() => {
			this.refreshTimer = undefined;
			if (!this.closed) void this.refresh();
		}, REFRESH_AFTER_EVENT_MS);
		this.refreshTimer.unref?.();
	}

	/** Marks now as the moment of the injected fault (event times are shown relative to it). */
	markFault(at = Date.now()): void {
		this.update((state) => ({...state, faultAt: at}));
	}

	/** Follows a node's log into state.logs. */
	followLogs(name: string): void {
		if (this.logFollowers.has(name)) return;
		const controller = new AbortController();
		this.logFollowers.set(name, controller);
		void (async () => {
			try {
				for await (const text of this.runtime.logs(name, {tail: 200, signal: controller.signal})) {
					const line: LogLine = {seq: ++this.seq, node: name, text, receivedAt: Date.now()};
					this.update((state) => ({...state, logs: [...state.logs, line].slice(-MAX_LOGS)}));
				}
			} catch {
				// The node went away; following stops.
			} finally {
				this.logFollowers.delete(name);
			}
		})();
	}

	unfollowLogs(name?: string): void {
		for (const [node, controller] of this.logFollowers) {
			if (name === undefined || node === name) controller.abort();
		}
	}

	/** Sentinel events parsed from log lines already followed (for the logs lab). */
	logEvents(node?: string): Array<{node: string; line: string; type: string}> {
		const found: Array<{node: string; line: string; type: string}> = [];
		for (const log of this.state.logs) {
			if (node && log.node !== node) continue;
			const parsed = parseLogLine(log.text);
			if (parsed?.event) found.push({node: log.node, line: log.text, type: parsed.event.type});
		}
		return found;
	}

	// --- waiting ---

	/**
	 * Resolves when `test` passes on a state snapshot; re-tests on every state change and at least
	 * every `everyMs`. Rejects with TIMEOUT after `timeoutMs`.
	 */
	waitFor<T>(test: (state: SessionState) => T | undefined | false, timeoutMs: number, what: string, everyMs = 250): Promise<T> {
		return new Promise((resolve, reject) => {
			let timer: NodeJS.Timeout | undefined;
			let interval: NodeJS.Timeout | undefined;
			let unsubscribe = () => {};
			const finish = (error?: Error, value?: T) => {
				clearTimeout(timer);
				clearInterval(interval);
				unsubscribe();
				if (error) reject(error);
				else resolve(value as T);
			};
			const check = () => {
				try {
					const value = test(this.state);
					if (value !== undefined && value !== false) finish(undefined, value);
				} catch (error) {
					finish(error as Error);
				}
			};
			unsubscribe = this.subscribe(check);
			interval = setInterval(check, everyMs);
			timer = setTimeout(() => finish(new RedisLabError('TIMEOUT', `Timed out after ${Math.round(timeoutMs / 100) / 10}s waiting for ${what}`)), timeoutMs);
			check();
		});
	}

	/** The node the running sentinels report as master, when they agree. */
	currentMaster(state = this.state): string | undefined {
		let found: string | undefined;
		for (const node of state.nodes) {
			if (node.kind !== 'sentinel' || node.health !== 'up' || !node.sentinel) continue;
			const master = node.sentinel.masters[0];
			if (!master) continue;
			const name = this.runtime.resolve(master.host, master.port);
			if (!name) continue;
			if (found && found !== name) return undefined;
			found = name;
		}
		if (found) return found;
		// Without sentinels: the only server whose role is master and that has replicas.
		const masters = state.nodes.filter((node) => node.health === 'up' && node.replication?.role === 'master' && node.replication.connectedSlaves > 0);
		return masters.length === 1 ? masters[0]!.name : undefined;
	}

	/** Waits until every started sentinel reports the master ok with all replicas and sentinels. */
	async waitHealthy(timeoutMs = 30_000): Promise<void> {
		const sentinels = [...this.specs.values()].filter((spec) => spec.kind === 'sentinel' && this.probes.has(spec.name));
		const replicas = [...this.specs.values()].filter((spec) => spec.kind === 'redis' && this.probes.has(spec.name)).length - 1;
		await this.pollingFast(this.waitFor((state) => {
			// Linked replicas are the proof: a sentinel may count replicas from its config before they run.
			const linked = state.nodes.filter((node) => node.replication?.role === 'slave' && node.replication.masterLinkStatus === 'up').length >= replicas;
			return (linked && sentinels.every((spec) => {
				const master = state.nodes.find((node) => node.name === spec.name)?.sentinel?.masters[0];
				return master && master.status === 'ok' && master.slaves >= replicas && master.sentinels >= sentinels.length;
			})) || undefined;
		}, timeoutMs, sentinels.length > 0 ? `the replicas to link up and the sentinels to report status=ok, slaves=${replicas}, sentinels=${sentinels.length}` : 'the replicas to link up'));
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

	private closing?: Promise<void>;

	private async closeNow(options: {keep?: boolean}): Promise<void> {
		this.closed = true;
		this.stopWatchingEngine();
		this.update((state) => ({...state, phase: 'closing'}));
		this.stopObserving();
		try {
			if (!options.keep) await (this.engineLost ? withinMs(this.runtime.teardown(), 3000, 'removing the nodes without the Docker daemon') : this.runtime.teardown());
		} finally {
			this.update((state) => ({...state, phase: 'closed'}));
		}
	}

	/** Stops following logs, the event stream and every probe. */
	private stopObserving(): void {
		this.unfollowLogs();
		this.stream.close();
		clearTimeout(this.refreshTimer);
		this.refreshTimer = undefined;
		for (const probe of this.probes.values()) probe.stop();
		this.probes.clear();
	}

	/** Forgets all nodes (after a teardown) so a lab can start again from a clean slate. */
	async reset(): Promise<void> {
		this.stopObserving();
		await this.runtime.teardown();
		this.specs.clear();
		this.update((state) => ({...state, nodes: [], events: [], logs: [], faultAt: undefined}));
	}
}
