import type {NodeView} from '../../engine/session-state.js';

/** Colours by role; text always carries the role too (NO_COLOR). */
export type Tone = 'green' | 'cyan' | 'magenta' | 'red' | 'yellow' | 'gray' | 'white';

export interface PaneRow {
	text: string;
	/** Highlight: the field behind this row changed in the last 2 s. */
	changed?: boolean;
	tone?: Tone;
}

export interface PaneModel {
	title: string;
	status: string;
	tone: Tone;
	rows: PaneRow[];
}

export const CHANGE_WINDOW_MS = 2000;

function recently(view: NodeView, now: number, ...fields: string[]): boolean {
	return fields.some((field) => now - (view.changedAt[field] ?? 0) < CHANGE_WINDOW_MS);
}

function nameFor(view: NodeView, host: string | undefined, port: number | undefined, compact = false): string {
	if (!host || !port) return '?';
	const node = view.names[`${host}:${port}`];
	if (node && compact) return node;
	return node ? `${node} (${host}:${port})` : `${host}:${port}`;
}

export function ago(ms: number): string {
	return ms < 60_000 ? `${(ms / 1000).toFixed(1)}s` : `${Math.floor(ms / 60_000)}m${Math.floor((ms % 60_000) / 1000)}s`;
}

/**
 * A node pane's title, status and rows: pure, for the NodePane component and tests. `compact`
 * (one line per node) uses short labels and node names without the raw address.
 */
export function paneModel(view: NodeView, now: number, compact = false): PaneModel {
	const label = (long: string, short: string) => (compact ? short : long);
	const title = view.name;
	if (view.health === 'absent') return {title, status: 'not started', tone: 'gray', rows: [{text: view.address, tone: 'gray'}]};
	if (view.health === 'starting') return {title, status: 'starting…', tone: 'yellow', rows: [{text: view.address, tone: 'gray'}]};
	if (view.health === 'paused') return {title, status: '⏸ paused', tone: 'yellow', rows: [{text: 'frozen: no replies, connection kept', tone: 'yellow'}, {text: view.address, tone: 'gray'}]};
	if (view.health === 'down') {
		const rows: PaneRow[] = [{text: view.lastSeenAt ? `last seen ${ago(now - view.lastSeenAt)} ago` : 'never answered', tone: 'red'}];
		if (view.error) rows.push({text: view.error, tone: 'gray'});
		for (const line of view.lastLogs?.slice(-2) ?? []) rows.push({text: line, tone: 'gray'});
		return {title, status: '✗ down', tone: 'red', rows};
	}
	if (view.kind === 'sentinel') {
		const rows: PaneRow[] = [];
		for (const master of view.sentinel?.masters ?? []) {
			rows.push({text: `${master.name}: ${nameFor(view, master.host, master.port, compact)}`, changed: recently(view, now, `master${master.index}`)});
			rows.push({text: `status=${master.status} slaves=${master.slaves} sentinels=${master.sentinels}`, changed: recently(view, now, `master${master.index}`), tone: master.status === 'ok' ? 'green' : 'red'});
		}
		if (view.sentinel?.tilt) rows.push({text: 'TILT mode', tone: 'red'});
		return {title, status: '● sentinel', tone: 'magenta', rows};
	}
	const info = view.replication;
	if (!info) return {title, status: '…', tone: 'gray', rows: []};
	if (info.role === 'master') {
		const rows: PaneRow[] = [{text: `${label('connected_slaves:', 'slaves:')}${info.connectedSlaves}`, changed: recently(view, now, 'connected_slaves')}];
		for (const replica of info.replicas) {
			rows.push({text: `${nameFor(view, replica.ip, replica.port, compact)} ${replica.state} off=${replica.offset} lag=${replica.lag}`, changed: recently(view, now, `slave${replica.index}`), tone: replica.state === 'online' ? (replica.lag > 2 ? 'yellow' : undefined) : 'yellow'});
		}
		rows.push({text: `${label('master_repl_offset:', 'offset:')}${info.masterReplOffset}`, changed: recently(view, now, 'master_repl_offset'), tone: 'gray'});
		if (info.minSlavesGoodSlaves !== undefined) rows.push({text: `${label('min_slaves_good_slaves:', 'good_slaves:')}${info.minSlavesGoodSlaves}`, changed: recently(view, now, 'min_slaves_good_slaves')});
		return {title, status: '● master', tone: 'green', rows};
	}
	return {
		title,
		status: '● replica',
		tone: 'cyan',
		rows: [
			{text: `master: ${nameFor(view, info.masterHost, info.masterPort, compact)}`, changed: recently(view, now, 'master_host', 'master_port')},
			{text: `link:${info.masterLinkStatus}`, changed: recently(view, now, 'master_link_status'), tone: info.masterLinkStatus === 'up' ? 'green' : 'red'},
			{text: `${label('slave_repl_offset:', 'offset:')}${info.slaveReplOffset ?? '?'}`, changed: recently(view, now, 'slave_repl_offset'), tone: 'gray'},
			{text: `read_only:${info.slaveReadOnly ? 1 : 0}`, changed: recently(view, now, 'slave_read_only')},
		],
	};
}
