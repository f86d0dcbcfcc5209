import type {Redis} from 'ioredis';
import {messageOf} from '../errors.js';
import {closeClient, connectNode} from '../redis-client.js';
import type {NodeKind} from '../topology.js';
import type {NodeView} from '../session-state.js';
import {parseInfo, parseReplicationInfo, parseSentinelInfo} from './info.js';

export const DEFAULT_POLL_MS = 500;

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
		void this.poll();
		this.timer = setInterval(() => void this.poll(), this.intervalMs);
		this.timer.unref?.();
	}

	/** Polls now (e.g. right after an action) instead of waiting for the next tick. */
	async poll(): Promise<NodeView> {
		if (this.inFlight || this.stopped) return this.view;
		this.inFlight = true;
		try {
			const text = await this.client.info(this.target.kind === 'sentinel' ? 'sentinel' : 'replication');
			if (!this.stopped) this.accept(text);
		} catch (error) {
			if (!this.stopped) await this.reject(error);
		} finally {
			this.inFlight = false;
		}
		return this.view;
	}

	private accept(text: string): void {
		const now = Date.now();
		this.lastSeenAt = now;
		const raw = parseInfo(text);
		const first = Object.keys(this.previousRaw).length === 0;
		if (!first && this.view.health === 'up' && sameRaw(raw, this.previousRaw)) return;
		const changedAt = {...this.view.changedAt};
		for (const [key, value] of Object.entries(raw)) {
			if (!first && this.previousRaw[key] !== value) changedAt[key] = now;
		}
		for (const key of Object.keys(this.previousRaw)) if (!(key in raw)) changedAt[key] = now;
		this.previousRaw = raw;
		const names: Record<string, string> = {};
		const name = (host: string | undefined, port: number | undefined) => {
			if (!host || !port) return;
			const node = this.hooks.resolve(host, port);
			if (node) names[`${host}:${port}`] = node;
		};
		const next: NodeView = {...this.view, health: 'up', lastSeenAt: now, error: undefined, lastLogs: undefined, changedAt, names};
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
		const classified = await this.hooks.classify?.(this.target.name).catch(() => undefined);
		if (this.stopped) return;
		const health = classified?.health ?? (this.view.health === 'starting' && this.view.lastSeenAt === undefined ? 'starting' : 'down');
		const next: NodeView = {...this.view, health, lastSeenAt: this.lastSeenAt, error: message, lastLogs: classified?.lastLogs ?? this.view.lastLogs};
		if (health !== this.view.health) next.changedAt = {...this.view.changedAt, health: Date.now()};
		this.publish(next);
	}

	private publish(next: NodeView): void {
		if (sameView(this.view, next)) return;
		this.view = next;
		this.onChange(next);
	}

	stop(): void {
		this.stopped = true;
		if (this.timer) clearInterval(this.timer);
		closeClient(this.client);
	}
}

/** Fields that move on every poll of an idle server and that nothing shows or checks: no update for them alone. */
const RESTLESS = new Set(['master_last_io_seconds_ago', 'repl_backlog_histlen', 'repl_backlog_first_byte_offset', 'slave_read_repl_offset']);

function sameRaw(a: Record<string, string>, b: Record<string, string>): boolean {
	const keys = Object.keys(a);
	return keys.length === Object.keys(b).length && keys.every((key) => RESTLESS.has(key) || a[key] === b[key]);
}

function sameView(a: NodeView, b: NodeView): boolean {
	return a.health === b.health && a.error === b.error && a.lastLogs === b.lastLogs && a.changedAt === b.changedAt;
}
