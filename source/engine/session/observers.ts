import {NodeProbe, type ProbeHooks, type ProbeTarget} from '../redis/probe/poller.js';
import {SentinelEventStream} from '../redis/sentinel/stream.js';
import type {Runtime} from '../runtime/types.js';
import type {StateStore} from './store.js';
import type {LogLine, NodeView} from './state.js';
import type {SentinelEvent} from '../redis/sentinel/types.js';
import type {NodeSpec} from '../topology/topology.js';

const MAX_EVENTS = 500;
const MAX_LOGS = 1000;
/** Delay before polling every node after a sentinel event (events come in bursts). */
const REFRESH_AFTER_EVENT_MS = 20;

/** What the session needs of a node's probe. */
export interface Probe {
	start(): void;
	/** Polls now instead of waiting for the next tick. */
	poll(): Promise<unknown>;
	stop(): void;
}

/** Makes a node's probe; tests pass one that feeds NodeView snapshots instead of asking Redis. */
export type ProbeFactory = (target: ProbeTarget, hooks: ProbeHooks, onChange: (view: NodeView) => void, intervalMs: number) => Probe;

/** What the session needs of the sentinel event stream. */
export interface EventSource {
	add(name: string, port: number): Promise<void>;
	close(): void;
}

export type EventSourceFactory = (resolve: (host: string, port: number) => string | undefined, onEvent: (event: SentinelEvent) => void, password?: string) => EventSource;

export const redisProbe: ProbeFactory = (target, hooks, onChange, intervalMs) => new NodeProbe(target, hooks, onChange, intervalMs);
export const sentinelEvents: EventSourceFactory = (resolve, onEvent, password) => new SentinelEventStream(resolve, onEvent, password);

export interface ObserverOptions {
	runtime: Runtime;
	store: StateStore;
	pollMs: number;
	password?: string;
	probe?: ProbeFactory;
	events?: EventSourceFactory;
}

/** Everything that watches the nodes: a probe per node, the sentinel event stream, followed logs. */
export class Observers {
	private readonly probes = new Map<string, Probe>();
	private readonly stream: EventSource;
	private readonly logFollowers = new Map<string, AbortController>();
	private refreshTimer?: NodeJS.Timeout;
	private stopped = false;
	private holds = 0;

	constructor(private readonly options: ObserverOptions) {
		this.stream = (options.events ?? sentinelEvents)((host, port) => options.runtime.resolve(host, port), (event) => this.addEvent(event), options.password);
	}

	/** Whether the node has a probe (it was started in this session). */
	watching(name: string): boolean {
		return this.probes.has(name);
	}

	/** Starts probing a node (and, for a sentinel, listening to its events), once. */
	watch(spec: NodeSpec): void {
		const {runtime, store} = this.options;
		if (!this.probes.has(spec.name)) {
			const probe = (this.options.probe ?? redisProbe)(
				{name: spec.name, kind: spec.kind, port: runtime.hostAddress(spec.name).port, password: this.options.password},
				{resolve: (host, port) => runtime.resolve(host, port), classify: async (name) => this.classify(name), busy: () => this.holds > 0},
				(view) => store.setNode(view),
				this.options.pollMs,
			);
			this.probes.set(spec.name, probe);
			probe.start();
		}
		if (spec.kind === 'sentinel') void this.stream.add(spec.name, runtime.hostAddress(spec.name).port);
	}

	/** Polls one node now (no-op for a node not probed). */
	async poll(name: string): Promise<void> {
		await this.probes.get(name)?.poll();
	}

	/** Keeps every probe at its full rate until the returned function is called (a step's checks wait on the views). */
	holdFullRate(): () => void {
		this.holds++;
		let released = false;
		return () => {
			if (!released) this.holds--;
			released = true;
		};
	}

	/** Polls every node now. */
	async refresh(): Promise<void> {
		await Promise.all([...this.probes.values()].map((probe) => probe.poll()));
	}

	/** Tells a paused or exited node from a slow one, after a failed poll. */
	private async classify(name: string): Promise<{health: 'down' | 'paused'; lastLogs?: string[]} | undefined> {
		const {runtime} = this.options;
		const state = await runtime.state(name);
		if (state === 'paused') return {health: 'paused'};
		if (state === 'exited' || state === 'missing') {
			const tail = runtime.tailLogs ? await runtime.tailLogs(name, 5) : '';
			return {health: 'down', lastLogs: tail ? tail.split('\n') : undefined};
		}
		return {health: 'down'};
	}

	private addEvent(event: SentinelEvent): void {
		this.options.store.update((state) => ({...state, events: [...state.events, event].slice(-MAX_EVENTS)}));
		this.refreshSoon();
	}

	/** A sentinel event means roles, links or counts just changed: poll every node now, once per burst. */
	private refreshSoon(): void {
		if (this.refreshTimer || this.stopped) return;
		this.refreshTimer = setTimeout(() => {
			this.refreshTimer = undefined;
			if (!this.stopped) void this.refresh();
		}, REFRESH_AFTER_EVENT_MS);
		this.refreshTimer.unref?.();
	}

	/** Follows a node's log into state.logs. */
	followLogs(name: string): void {
		if (this.logFollowers.has(name)) return;
		const controller = new AbortController();
		this.logFollowers.set(name, controller);
		const {runtime, store} = this.options;
		void (async () => {
			try {
				for await (const text of runtime.logs(name, {tail: 200, signal: controller.signal})) {
					const line: LogLine = {seq: store.nextSeq(), node: name, text: store.mask(text), receivedAt: Date.now()};
					store.update((state) => ({...state, logs: [...state.logs, line].slice(-MAX_LOGS)}));
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

	/** Stops following logs, the event stream and every probe (for good when `final`). */
	stop(final = false): void {
		if (final) this.stopped = true;
		this.unfollowLogs();
		this.stream.close();
		clearTimeout(this.refreshTimer);
		this.refreshTimer = undefined;
		for (const probe of this.probes.values()) probe.stop();
		this.probes.clear();
	}
}
