import {RedisLabError} from '../base/errors.js';
import {both} from '../../i18n/index.js';
import {ENGINE} from '../../i18n/engine.js';

export type NodeKind = 'redis' | 'sentinel';

/** What a sentinel watches. */
export interface MonitorSpec {
	/** The name sentinels know the master by (`sentinel monitor <masterName> ...`). */
	masterName: string;
	/** The node that is master when the sentinel starts. */
	node: string;
	quorum: number;
	downAfterMs: number;
	failoverTimeoutMs: number;
	parallelSyncs: number;
	/**
	 * Replicas written as `sentinel known-replica` lines, for sentinels that start before their
	 * replicas have linked (otherwise the master's INFO, read every 10 s, is how they learn them).
	 */
	knownReplicas?: string[];
}

/** One Redis server or Sentinel of a lab. */
export interface NodeSpec {
	/** Short name, e.g. `master`, `replica1`, `sentinel1`. */
	name: string;
	kind: NodeKind;
	/** The port it listens on, inside its container and on 127.0.0.1. */
	port: number;
	/** Node this server replicates from at boot (`replicaof` line). */
	replicaOf?: string;
	/** For sentinels: the master they monitor. */
	monitor?: MonitorSpec;
	/** Extra directives written to the config file, in order. */
	extra?: Array<[string, string]>;
}

/** Default ports, as in the article. */
export const DEFAULT_PORTS: Readonly<Record<string, number>> = {
	master: 6379,
	replica1: 6380,
	replica2: 6381,
	sentinel1: 16379,
	sentinel2: 16380,
	sentinel3: 16381,
};

export const DEFAULT_BASE_PORT = 6379;
export const MASTER_NAME = 'master';

export function portFor(name: string, basePort = DEFAULT_BASE_PORT): number {
	const port = DEFAULT_PORTS[name];
	if (port === undefined) throw new RedisLabError('BAD_INPUT', both(ENGINE.unknownNode, {name}), {hint: both(ENGINE.nodesHere, {names: Object.keys(DEFAULT_PORTS).join(', ')})});
	return port + (basePort - DEFAULT_BASE_PORT);
}

export function validateBasePort(value: string | number): number {
	const basePort = Number(value);
	const highest = Math.max(...Object.values(DEFAULT_PORTS)) - DEFAULT_BASE_PORT;
	if (!Number.isInteger(basePort) || basePort < 1024 || basePort + highest > 65535) {
		throw new RedisLabError('BAD_INPUT', both(ENGINE.badBasePort, {value, highest: 65535 - highest}), {hint: both(ENGINE.defaultPorts)});
	}
	return basePort;
}

export function kindOf(name: string): NodeKind {
	return name.startsWith('sentinel') ? 'sentinel' : 'redis';
}

export interface TopologyOptions {
	basePort?: number;
	/** How many sentinels (0, 2 or 3). */
	sentinels?: number;
	/** Whether replicas boot with a `replicaof` line. */
	replicate?: boolean;
	quorum?: number;
	downAfterMs?: number;
	failoverTimeoutMs?: number;
}

export const DEFAULT_DOWN_AFTER_MS = 5000;
export const DEFAULT_FAILOVER_TIMEOUT_MS = 15000;

export function monitorSpec(options: TopologyOptions = {}): MonitorSpec {
	return {
		masterName: MASTER_NAME,
		node: 'master',
		quorum: options.quorum ?? 2,
		downAfterMs: options.downAfterMs ?? DEFAULT_DOWN_AFTER_MS,
		failoverTimeoutMs: options.failoverTimeoutMs ?? DEFAULT_FAILOVER_TIMEOUT_MS,
		parallelSyncs: 1,
	};
}

/** The article's topology: one master, two replicas, and 0, 2 or 3 sentinels. */
export function standardTopology(options: TopologyOptions = {}): NodeSpec[] {
	const basePort = options.basePort ?? DEFAULT_BASE_PORT;
	const replicate = options.replicate ?? true;
	const nodes: NodeSpec[] = [
		{name: 'master', kind: 'redis', port: portFor('master', basePort)},
		{name: 'replica1', kind: 'redis', port: portFor('replica1', basePort), replicaOf: replicate ? 'master' : undefined},
		{name: 'replica2', kind: 'redis', port: portFor('replica2', basePort), replicaOf: replicate ? 'master' : undefined},
	];
	const sentinels = options.sentinels ?? 2;
	for (let i = 1; i <= sentinels; i++) {
		const name = `sentinel${i}`;
		nodes.push({name, kind: 'sentinel', port: portFor(name, basePort), monitor: monitorSpec(options)});
	}
	return nodes;
}

/** How config text refers to other nodes and where files live, per runtime. */
export interface RenderContext {
	/** The address other nodes use to reach `name` (a container name, or 127.0.0.1). */
	peerAddress(name: string): {host: string; port: number};
	/** `bind` line value, or undefined to keep Redis's default. */
	bind?: string;
	/** Working directory for RDB files and the sentinel's state. */
	dir?: string;
	/** Log file path, or undefined for stdout (containers). */
	logfile?: string;
	pidfile?: string;
	/** When set: requirepass / masterauth / sentinel auth-pass. */
	password?: string;
	/**
	 * The numeric address a node will have, known before it starts (Sentinel resolves names in
	 * `known-replica` lines at boot); undefined when the runtime cannot tell in advance.
	 */
	addressBeforeStart?(name: string): {host: string; port: number} | undefined;
}

function line(key: string, ...values: Array<string | number>): string {
	return [key, ...values].join(' ');
}

function quoted(value: string): string {
	return /^[\w.@/:-]+$/.test(value) ? value : `"${value.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;
}

function commonLines(node: NodeSpec, context: RenderContext): string[] {
	const lines = [`# redis-lab: ${node.name} (${node.kind})`, line('port', node.port)];
	if (context.bind) lines.push(line('bind', context.bind));
	lines.push('protected-mode no');
	if (context.dir) lines.push(line('dir', quoted(context.dir)));
	if (context.logfile) lines.push(line('logfile', quoted(context.logfile)));
	if (context.pidfile) lines.push(line('pidfile', quoted(context.pidfile)));
	return lines;
}

/** redis.conf text for a server node. */
export function renderRedisConf(node: NodeSpec, context: RenderContext): string {
	const lines = commonLines(node, context);
	if (context.password) lines.push(line('requirepass', quoted(context.password)), line('masterauth', quoted(context.password)));
	// Redis 7 waits 5 s for more replicas before a diskless full sync; a lab has no reason to.
	lines.push('repl-diskless-sync-delay 0');
	if (node.replicaOf) {
		const master = context.peerAddress(node.replicaOf);
		lines.push(line('replicaof', master.host, master.port));
	}
	for (const [key, value] of node.extra ?? []) lines.push(line(key, value));
	return lines.join('\n') + '\n';
}

/** sentinel.conf text; never contains `sentinel myid` (each sentinel must generate its own). */
export function renderSentinelConf(node: NodeSpec, context: RenderContext): string {
	const monitor = node.monitor;
	if (!monitor) throw new RedisLabError('INTERNAL', `Sentinel ${node.name} has no master to monitor`);
	const master = context.peerAddress(monitor.node);
	const lines = commonLines(node, context);
	if (context.password) lines.push(line('requirepass', quoted(context.password)));
	lines.push(
		'sentinel resolve-hostnames yes',
		line('sentinel monitor', monitor.masterName, master.host, master.port, monitor.quorum),
		line('sentinel down-after-milliseconds', monitor.masterName, monitor.downAfterMs),
		line('sentinel failover-timeout', monitor.masterName, monitor.failoverTimeoutMs),
		line('sentinel parallel-syncs', monitor.masterName, monitor.parallelSyncs),
	);
	if (context.password) lines.push(line('sentinel auth-pass', monitor.masterName, quoted(context.password)));
	for (const replica of monitor.knownReplicas ?? []) {
		const address = context.addressBeforeStart?.(replica);
		if (address) lines.push(line('sentinel known-replica', monitor.masterName, address.host, address.port));
	}
	for (const [key, value] of node.extra ?? []) lines.push(line(key, value));
	return lines.join('\n') + '\n';
}

export function renderConf(node: NodeSpec, context: RenderContext): string {
	return node.kind === 'sentinel' ? renderSentinelConf(node, context) : renderRedisConf(node, context);
}

/** The file name a node's config is written to. */
export function confFileName(node: Pick<NodeSpec, 'kind'>): string {
	return node.kind === 'sentinel' ? 'sentinel.conf' : 'redis.conf';
}
