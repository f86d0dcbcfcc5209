import type {NodeKind} from '../../topology/topology.js';
import type {ServerKind} from '../server-kind.js';

/** One `slaveN:` line of a master's INFO replication. */
export interface ReplicaEntry {
	index: number;
	ip: string;
	port: number;
	/** online, wait_bgsave, send_bulk, ... */
	state: string;
	offset: number;
	/** Seconds since the replica's last REPLCONF ACK. */
	lag: number;
}

/** Typed `INFO replication`. Field names follow Redis, in camelCase. */
export interface ReplicationInfo {
	role: 'master' | 'slave';
	connectedSlaves: number;
	replicas: ReplicaEntry[];
	masterReplid: string;
	masterReplOffset: number;
	/** Present only when min-replicas-to-write and min-replicas-max-lag are both set. */
	minSlavesGoodSlaves?: number;
	// replica-only fields
	masterHost?: string;
	masterPort?: number;
	masterLinkStatus?: 'up' | 'down';
	masterLastIoSecondsAgo?: number;
	masterSyncInProgress?: boolean;
	slaveReplOffset?: number;
	slaveReadReplOffset?: number;
	slavePriority?: number;
	slaveReadOnly?: boolean;
	/** Every `key:value` line as text. */
	raw: Record<string, string>;
}

/** One `masterN:` line of `INFO sentinel`. */
export interface SentinelMasterEntry {
	index: number;
	name: string;
	/** `ok`, `sdown` or `odown` (any other text a future Redis may report is kept). */
	status: string;
	host: string;
	port: number;
	slaves: number;
	/** Counts the reporting sentinel itself. */
	sentinels: number;
}

/** Typed `INFO sentinel`. */
export interface SentinelInfo {
	masters: SentinelMasterEntry[];
	tilt: boolean;
	runningScripts: number;
	scriptsQueueLength: number;
	simulateFailureFlags: number;
	raw: Record<string, string>;
}

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
	/** Flavour and version from INFO server, read once per start. */
	server?: ServerKind;
}
