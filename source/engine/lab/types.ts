/** Text in English, with an optional Simplified Chinese translation. */
export interface Text {
	en: string;
	zh?: string;
}

export type Lang = 'en' | 'zh';

/**
 * A node reference in a lab: a node name (`master`, `replica1`, `sentinel2`...) or
 * `current-master`, the node the sentinels report as master right now.
 */
export type NodeRef = string;

/** Boot configuration of one node of a lab. */
export interface LabNode {
	/** Node this server replicates from at boot (writes `replicaof`). */
	replicaof?: string;
	/** Sentinels only: the node they monitor at boot. */
	monitor?: string;
	/** Sentinels only (default 2). */
	quorum?: number;
	/** Sentinels only (default 5000). */
	downAfterMs?: number;
	/** Sentinels only (default 15000). */
	failoverTimeoutMs?: number;
	/** Extra config directives, e.g. `{min-replicas-to-write: 2}`. */
	config?: Record<string, string | number>;
}

/** Bounds used by `info`, `writes` and `client` checks. */
export interface Comparison {
	equals?: string | number | boolean;
	matches?: string;
	atLeast?: number;
	atMost?: number;
}

/** Actions a step performs. Each is a one-key map in YAML, e.g. `- stop: master`. */
export type Action =
	| {start: NodeRef | NodeRef[]}
	| {stop: NodeRef | NodeRef[]}
	| {kill: NodeRef | NodeRef[]}
	| {pause: NodeRef | NodeRef[]}
	| {resume: NodeRef | NodeRef[]}
	| {restart: NodeRef | NodeRef[]}
	| {isolate: NodeRef}
	| {heal: NodeRef}
	/** Runs redis-cli next to the node. `{{replica1.host}}`/`{{replica1.port}}` expand to the address nodes use for each other. */
	| {cli: {node: NodeRef; command: string}}
	/** Merges directives into the node's config file (applied at its next start). */
	| {'write-config': {node: NodeRef; set: Record<string, string | number>}}
	/** Prints the node's config file. */
	| {'show-config': NodeRef}
	/** Writes `count` keys `<prefix>:1..count` one by one; remembers which were acknowledged under `id`. */
	| {write: {node: NodeRef; count: number; prefix: string; id?: string}}
	/** Shows the last lines of a node's log, optionally only those matching `grep`. */
	| {logs: {node: NodeRef; lines?: number; grep?: string}}
	/** Starts an application client that finds the master through the sentinels and writes a counter. */
	| {'client-start': {id: string; intervalMs?: number}}
	/** Stops it and verifies every acknowledged write against the current master. */
	| {'client-stop': {id: string}}
	/** Marks "now" as the fault time for the event timeline (kill/stop/isolate of a master mark it too). */
	| {mark: string};

export type ActionKind = 'start' | 'stop' | 'kill' | 'pause' | 'resume' | 'restart' | 'isolate' | 'heal' | 'cli' | 'write-config' | 'show-config' | 'write' | 'logs' | 'client-start' | 'client-stop' | 'mark';

/** A duration: milliseconds, or text like `10s`, `500ms`, `2m`. */
export type Duration = number | string;

/** Checks a step expects. Each is a one-key map in YAML; each has `within` (default 10s). */
export type Check =
	/** master | slave | sentinel | down. */
	| {role: {node: NodeRef; is: 'master' | 'slave' | 'sentinel' | 'down'; within?: Duration}}
	/** An INFO field: raw Redis name (`connected_slaves`, `master_link_status`), `slave0.lag`, or for sentinels `master0.status`. `grows`: larger than when the step started. */
	| {info: {node: NodeRef; field: string; within?: Duration; grows?: boolean} & Comparison}
	/** Every replica of `master` has processed the master's whole stream (slave_repl_offset = master_repl_offset). */
	| {'in-sync': {master: NodeRef; within?: Duration}}
	/** Runs a redis-cli command until its reply matches. `error` is a regex the error text must match. */
	| {reply: {node: NodeRef; command: string; equals?: string; matches?: string; error?: string; within?: Duration}}
	/** A key's value on a node (`missing: true` for nil). */
	| {key: {node: NodeRef; key: string; equals?: string; missing?: boolean; within?: Duration}}
	/** A sentinel event seen since the step started. */
	| {event: {type: string; from?: NodeRef; within?: Duration; absent?: boolean}}
	/** Every running sentinel reports this node as master (`not` for "any node but"). */
	| {'sentinel-master': {is?: NodeRef; not?: NodeRef; within?: Duration}}
	/** Acknowledged writes of a `write` action, checked on the current master. */
	| {writes: {id: string; lost?: Comparison; acknowledged?: Comparison; refused?: Comparison; within?: Duration}}
	/** Figures of a client started with `client-start`. */
	| {client: {id: string; acknowledged?: Comparison; errors?: Comparison; lost?: Comparison; within?: Duration}};

export type CheckKind = 'role' | 'info' | 'in-sync' | 'reply' | 'key' | 'event' | 'sentinel-master' | 'writes' | 'client';

export interface Step {
	/** Short slug, unique in the lab. */
	id: string;
	title: Text;
	text: Text;
	/** Where this lab corrects the article, or a caution. */
	note?: Text;
	/** Shown when a check fails. */
	hint?: Text;
	do: Action[];
	expect: Check[];
}

/** Steps run quietly before step 1 so a lab can start from a clean slate. */
export interface SetupBlock {
	do: Action[];
	expect?: Check[];
}

export interface Lab {
	formatVersion: 1;
	id: string;
	/** Position in the catalogue (1-based). */
	order: number;
	title: Text;
	/** The article section this lab follows, when it follows one. */
	section?: Text;
	summary: Text;
	minutes: number;
	runtimes: Array<'docker' | 'local'>;
	nodes: Record<string, LabNode>;
	setup?: SetupBlock[];
	steps: Step[];
	/** The file it was loaded from. */
	file: string;
}
