import type {ReplicaEntry, ReplicationInfo, SentinelInfo, SentinelMasterEntry} from './types.js';

/** `key:value` lines of an INFO reply; section headers and blank lines skipped. */
export function parseInfo(text: string): Record<string, string> {
	const fields: Record<string, string> = {};
	for (const line of text.split(/\r?\n/)) {
		if (line === '' || line.startsWith('#')) continue;
		const at = line.indexOf(':');
		if (at > 0) fields[line.slice(0, at)] = line.slice(at + 1).trim();
	}
	return fields;
}

/** `a=1,b=2` -> {a: '1', b: '2'} */
export function parseSubfields(value: string): Record<string, string> {
	const fields: Record<string, string> = {};
	for (const part of value.split(',')) {
		const at = part.indexOf('=');
		if (at > 0) fields[part.slice(0, at)] = part.slice(at + 1);
	}
	return fields;
}

/** Reads `connected_slaves`, or a sub-field such as `slave0.lag` / `master0.status`. */
export function infoField(raw: Record<string, string>, path: string): string | undefined {
	if (path in raw) return raw[path];
	const dot = path.indexOf('.');
	if (dot === -1) return undefined;
	const value = raw[path.slice(0, dot)];
	return value === undefined ? undefined : parseSubfields(value)[path.slice(dot + 1)];
}

function int(value: string | undefined): number {
	const number = Number.parseInt(value ?? '', 10);
	return Number.isFinite(number) ? number : 0;
}

function optionalInt(value: string | undefined): number | undefined {
	return value === undefined ? undefined : int(value);
}

function splitAddress(address: string): {host: string; port: number} {
	const at = address.lastIndexOf(':');
	return at === -1 ? {host: address, port: 0} : {host: address.slice(0, at), port: int(address.slice(at + 1))};
}

/** Typed `INFO replication`. */
export function parseReplicationInfo(text: string): ReplicationInfo {
	const raw = parseInfo(text);
	const replicas: ReplicaEntry[] = [];
	for (const [key, value] of Object.entries(raw)) {
		const match = /^slave(\d+)$/.exec(key);
		if (!match) continue;
		const fields = parseSubfields(value);
		replicas.push({index: int(match[1]), ip: fields.ip ?? '', port: int(fields.port), state: fields.state ?? '', offset: int(fields.offset), lag: int(fields.lag)});
	}
	replicas.sort((a, b) => a.index - b.index);
	const info: ReplicationInfo = {
		role: raw.role === 'slave' ? 'slave' : 'master',
		connectedSlaves: int(raw.connected_slaves),
		replicas,
		masterReplid: raw.master_replid ?? '',
		masterReplOffset: int(raw.master_repl_offset),
		raw,
	};
	if (raw.min_slaves_good_slaves !== undefined) info.minSlavesGoodSlaves = int(raw.min_slaves_good_slaves);
	if (info.role === 'slave') {
		info.masterHost = raw.master_host;
		info.masterPort = optionalInt(raw.master_port);
		info.masterLinkStatus = raw.master_link_status === 'up' ? 'up' : 'down';
		info.masterLastIoSecondsAgo = optionalInt(raw.master_last_io_seconds_ago);
		info.masterSyncInProgress = raw.master_sync_in_progress === '1';
		info.slaveReplOffset = optionalInt(raw.slave_repl_offset);
		info.slaveReadReplOffset = optionalInt(raw.slave_read_repl_offset);
		info.slavePriority = optionalInt(raw.slave_priority);
		info.slaveReadOnly = raw.slave_read_only === undefined ? undefined : raw.slave_read_only === '1';
	}
	return info;
}

/** Typed `INFO sentinel`. */
export function parseSentinelInfo(text: string): SentinelInfo {
	const raw = parseInfo(text);
	const masters: SentinelMasterEntry[] = [];
	for (const [key, value] of Object.entries(raw)) {
		const match = /^master(\d+)$/.exec(key);
		if (!match) continue;
		const fields = parseSubfields(value);
		const {host, port} = splitAddress(fields.address ?? '');
		masters.push({index: int(match[1]), name: fields.name ?? '', status: fields.status ?? '', host, port, slaves: int(fields.slaves), sentinels: int(fields.sentinels)});
	}
	masters.sort((a, b) => a.index - b.index);
	return {
		masters,
		tilt: raw.sentinel_tilt === '1',
		runningScripts: int(raw.sentinel_running_scripts),
		scriptsQueueLength: int(raw.sentinel_scripts_queue_length),
		simulateFailureFlags: int(raw.sentinel_simulate_failure_flags),
		raw,
	};
}
