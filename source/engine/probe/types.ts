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
