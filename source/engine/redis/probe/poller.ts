import type {Redis} from 'ioredis';
import {messageOf} from '../../base/errors.js';
import {closeClient, connectNode} from '../client.js';
import type {NodeKind} from '../../topology/topology.js';
import type {NodeView} from './types.js';
import {parseInfo, parseReplicationInfo, parseSentinelInfo} from './info.js';
import {serverFromInfo, type ServerKind} from '../server-kind.js';

export const DEFAULT_POLL_MS = 500;
/** A node with no news for QUIET_MS, that no step is waiting on, is polled every IDLE_POLL_MS instead. */
export const IDLE_POLL_MS = 1500;
export const QUIET_MS = 10_000;

export interface ProbeTarget {
	name: string;
	kind: NodeKind;
	port: number;
	password?: string;
}

/** Names for addresses Redis and Sentinel report, and what to do when a node stops answering. */
export interface ProbeHooks {
	resolve(host: string, port: number): string | undefined;
	/** Called after a failed poll, to tell a paused or exited node from a slow one. */
	classify?(name: string): Promise<{health: 'down' | 'paused'; lastLogs?: string[]} | undefined>;
	/** Whether something waits on the views now (a step's checks): then every node is polled at the full rate. */
	busy?(): boolean;
}

/** Polls one node's INFO on its own connection and keeps a NodeView of it. */
export class NodeProbe {
	private readonly client: Redis;
	private timer?: NodeJS.Timeout;
	private view: NodeView;
	private previousRaw: Record<string, string> = {};
	private inFlight = false;
	private lastError?: string;
	private lastSeenAt?: number;
	private stopped = false;
	private newsAt = Date.now();

	constructor(
		private readonly target: ProbeTarget,
		private readonly hooks: ProbeHooks,
		private readonly onChange: (view: NodeView) => void,
		private readonly intervalMs = DEFAULT_POLL_MS,
	) {
		this.view = {name: target.name, kind: target.kind, address: `127.0.0.1:${target.port}`, health: 'starting', changedAt: {}, names: {}};
		this.client = connectNode(target.port, {
			password: target.password,
			onError: (error) => {
				this.lastError = messageOf(error);
			},
		});
	}

	get current(): NodeView {
		return this.view;
	}

	start(): void {
		void this.pollNow().finally(() => this.schedule());
	}

	/** Polls now (e.g. right after an action) instead of waiting for the next tick, and at the full rate for a while. */
	async poll(): Promise<NodeView> {
		this.newsAt = Date.now();
		const view = await this.pollNow();
		if (this.timer) this.schedule();
		return view;
	}

	/** The next tick: at the full rate while anything moves, slower on a node that has been quiet. */
	private schedule(): void {
		clearTimeout(this.timer);
		if (this.stopped) return;
		const quiet = !this.hooks.busy?.() && Date.now() - this.newsAt > QUIET_MS;
		this.timer = setTimeout(() => void this.pollNow().finally(() => this.schedule()), quiet ? Math.max(this.intervalMs, IDLE_POLL_MS) : this.intervalMs);
		this.timer.unref?.();
	}

	private async pollNow(): Promise<NodeView> {
		if (this.inFlight || this.stopped) return this.view;
		this.inFlight = true;
		try {
			const text = await this.client.info(this.target.kind === 'sentinel' ? 'sentinel' : 'replication');
			// Once per start: which server this is (a restart may run another build, so it is read again).
			const server = this.view.health === 'up' && this.view.server ? this.view.server : serverFromInfo(await this.client.info('server'));
			if (!this.stopped) this.accept(text, server);
		} catch (error) {
			if (!this.stopped) await this.reject(error);
		} finally {
			this.inFlight = false;
		}
		return this.view;
	}

	private accept(text: string, server: ServerKind): void {
		const now = Date.now();
		this.lastSeenAt = now;
		const raw = parseInfo(text);
		const first = Object.keys(this.previousRaw).length === 0;
		if (!first && this.view.health === 'up' && this.view.server === server && sameRaw(raw, this.previousRaw)) return;
		const changedAt = {...this.view.changedAt};
		for (const [key, value] of Object.entries(raw)) {
			if (!first && notable(key, value, this.previousRaw[key])) changedAt[key] = now;
		}
		for (const key of Object.keys(this.previousRaw)) if (!(key in raw)) changedAt[key] = now;
		if (first || Object.keys(changedAt).some((key) => changedAt[key] === now)) this.newsAt = now;
		this.previousRaw = raw;
		const names: Record<string, string> = {};
		const name = (host: string | undefined, port: number | undefined) => {
			if (!host || !port) return;
			const node = this.hooks.resolve(host, port);
			if (node) names[`${host}:${port}`] = node;
		};
		const next: NodeView = {...this.view, health: 'up', lastSeenAt: now, error: undefined, lastLogs: undefined, changedAt, names, server};
		if (this.target.kind === 'sentinel') {
			next.sentinel = parseSentinelInfo(text);
			for (const master of next.sentinel.masters) name(master.host, master.port);
		} else {
			next.replication = parseReplicationInfo(text);
			name(next.replication.masterHost, next.replication.masterPort);
			for (const replica of next.replication.replicas) name(replica.ip, replica.port);
		}
		this.publish(next);
	}

	private async reject(error: unknown): Promise<void> {
		const message = this.lastError && /Stream isn't writeable|Connection is closed/.test(messageOf(error)) ? this.lastError : messageOf(error);
		const classified = await this.hooks.classify?.(this.target.name).catch(() => undefined); // the probe's own error is shown instead
		if (this.stopped) return;
		const health = classified?.health ?? (this.view.health === 'starting' && this.view.lastSeenAt === undefined ? 'starting' : 'down');
		const next: NodeView = {...this.view, health, lastSeenAt: this.lastSeenAt, error: message, lastLogs: classified?.lastLogs ?? this.view.lastLogs};
		if (health !== this.view.health) {
			next.changedAt = {...this.view.changedAt, health: Date.now()};
			this.newsAt = Date.now();
		}
		this.publish(next);
	}

	private publish(next: NodeView): void {
		if (sameView(this.view, next)) return;
		this.view = next;
		this.onChange(next);
	}

	stop(): void {
		this.stopped = true;
		clearTimeout(this.timer);
		closeClient(this.client);
	}
}

/** Fields that move on every poll of an idle server and that nothing shows or checks: no update for them alone. */
const RESTLESS = new Set(['master_last_io_seconds_ago', 'repl_backlog_histlen', 'repl_backlog_first_byte_offset', 'slave_read_repl_offset']);

/** Counters that grow on a healthy idle server (sentinel hellos are replicated): shown, never highlighted. */
const STEADY = new Set(['master_repl_offset', 'slave_repl_offset']);

/** Whether a field's new value is news: a replica line counts only when its address or state moved, not its offset or lag. */
export function notable(key: string, value: string, before: string | undefined): boolean {
	if (value === before || STEADY.has(key) || RESTLESS.has(key)) return false;
	if (before !== undefined && /^slave\d+$/.test(key)) return replicaIdentity(value) !== replicaIdentity(before);
	return true;
}

function replicaIdentity(line: string): string {
	return line.split(',').filter((part) => /^(ip|port|state)=/.test(part)).join(',');
}

function sameRaw(a: Record<string, string>, b: Record<string, string>): boolean {
	const keys = Object.keys(a);
	return keys.length === Object.keys(b).length && keys.every((key) => RESTLESS.has(key) || a[key] === b[key]);
}

function sameView(a: NodeView, b: NodeView): boolean {
	return a.health === b.health && a.error === b.error && a.lastLogs === b.lastLogs && a.changedAt === b.changedAt;
}
