export type InstanceRole = 'master' | 'slave' | 'sentinel';

/** A Sentinel event as published on pub/sub or written to the sentinel's log. */
export interface SentinelEventData {
	/** Channel name, e.g. `+sdown`, `+switch-master`. */
	type: string;
	/** The message text after the type, untouched. */
	payload: string;
	/** `master`, `slave` or `sentinel` when the payload starts with an instance. */
	instanceRole?: InstanceRole;
	/** master name, `ip:port` for replicas, run id for sentinels. */
	instanceName?: string;
	host?: string;
	port?: number;
	/** For non-master instances: `@ <name> <ip> <port>`. */
	master?: {name: string; host: string; port: number};
	/** `+new-epoch <epoch>`, `+vote-for-leader <runid> <epoch>`, `+config-update-from ...`. */
	epoch?: number;
	/** `+vote-for-leader <runid> <epoch>`: the run id voted for. */
	leader?: string;
	/** `+odown ... #quorum n/q`. */
	quorum?: {count: number; needed: number};
	/** `+switch-master <name> <oldip> <oldport> <newip> <newport>`. */
	switchMaster?: {name: string; oldHost: string; oldPort: number; newHost: string; newPort: number};
}

/** An event stamped by the app when it arrived. */
export interface SentinelEvent extends SentinelEventData {
	/** Monotonic sequence number in the session. */
	seq: number;
	/** Node name of the sentinel that reported it. */
	source: string;
	/** Date.now() at arrival. */
	receivedAt: number;
	/** Node names for the addresses in the payload, when the runtime could resolve them. */
	instanceNode?: string;
	newMasterNode?: string;
	oldMasterNode?: string;
}

/** A parsed sentinel log line, e.g. `1:X 03 Aug 2024 04:18:54.656 # +sdown master master 172.17.0.2 6379`. */
export interface SentinelLogLine {
	pid: number;
	/** X sentinel, M master, S replica, C child. */
	roleChar: string;
	/** The timestamp as written. */
	time: string;
	/** `.` debug, `-` verbose, `*` notice, `#` warning. */
	level: string;
	text: string;
	/** Set when the text is a sentinel event. */
	event?: SentinelEventData;
}

export type Severity = 'info' | 'notice' | 'warning' | 'critical' | 'success';
export type FailoverPhase = 'detect' | 'agree' | 'elect' | 'promote' | 'reconfigure' | 'done';

/** What an event type means, for the timeline and the logs lab. */
export interface EventMeaning {
	type: string;
	severity: Severity;
	/** The failover phase it belongs to, when it belongs to one. */
	phase?: FailoverPhase;
	/** One line each. */
	en: string;
	zh: string;
}
