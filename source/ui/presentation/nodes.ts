import type {NodeView} from '../../engine/session/state.js';
import type {Lang} from '../../i18n/index.js';
import {paneGroups} from './layout.js';
import {wrap} from './text.js';
import {t} from '../../i18n/index.js';
import {UI} from '../../i18n/ui.js';

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

/** The node name for an address Redis reports; the address itself only when no node has it. */
export function nodeAt(view: NodeView, host: string | undefined, port: number | string | undefined): string {
	if (!host || !port) return '?';
	return view.names[`${host}:${port}`] ?? `${host}:${port}`;
}

export function ago(ms: number): string {
	return ms < 60_000 ? `${(ms / 1000).toFixed(1)}s` : `${Math.floor(ms / 60_000)}m${Math.floor((ms % 60_000) / 1000)}s`;
}

/** `1:M 25 Nov 2026 13:30:00.123 # Redis is now ready to exit` -> `Redis is now ready to exit`. */
export function logMessage(line: string): string {
	return line.replace(/^\s*\d+:[A-Z] \d{1,2} \w{3} \d{4} [\d:.]+ [.*#-] /, '').trim();
}

/**
 * A node pane's title, status and rows: pure, for the NodePane component and tests. `compact`
 * (one line per node) uses short field labels.
 */
export function paneModel(view: NodeView, now: number, compact = false, lang: Lang = 'en'): PaneModel {
	const label = (long: string, short: string) => (compact ? short : long);
	const title = view.name;
	if (view.health === 'absent') return {title, status: t(lang, UI.notStarted), tone: 'gray', rows: [{text: view.address, tone: 'gray'}]};
	if (view.health === 'starting') return {title, status: t(lang, UI.starting), tone: 'yellow', rows: [{text: view.address, tone: 'gray'}]};
	if (view.health === 'paused') return {title, status: t(lang, UI.paused), tone: 'yellow', rows: [{text: t(lang, UI.frozen), tone: 'yellow'}, {text: view.address, tone: 'gray'}]};
	if (view.health === 'down') {
		const rows: PaneRow[] = [{text: view.lastSeenAt ? t(lang, UI.lastSeen, {ago: ago(now - view.lastSeenAt)}) : t(lang, UI.neverAnswered), tone: 'red'}];
		// The log's own last words say why it stopped; the connection error only says that it did.
		const last = view.lastLogs?.map(logMessage).filter(Boolean).at(-1);
		if (last) rows.push({text: `${t(lang, UI.lastLog)}${last}`, tone: 'gray'});
		else if (view.error) rows.push({text: view.error, tone: 'gray'});
		return {title, status: t(lang, UI.down), tone: 'red', rows};
	}
	if (view.kind === 'sentinel') {
		const rows: PaneRow[] = [];
		for (const master of view.sentinel?.masters ?? []) {
			rows.push({text: `${master.name}: ${nodeAt(view, master.host, master.port)}`, changed: recently(view, now, `master${master.index}`)});
			rows.push({text: `status=${master.status} slaves=${master.slaves} sentinels=${master.sentinels}`, changed: recently(view, now, `master${master.index}`), tone: master.status === 'ok' ? 'green' : 'red'});
		}
		if (view.sentinel?.tilt) rows.push({text: t(lang, UI.tilt), tone: 'red'});
		return {title, status: t(lang, UI.roleSentinel), tone: 'magenta', rows};
	}
	const info = view.replication;
	if (!info) return {title, status: '…', tone: 'gray', rows: []};
	if (info.role === 'master') {
		const rows: PaneRow[] = [{text: `${label('connected_slaves:', 'slaves:')}${info.connectedSlaves}`, changed: recently(view, now, 'connected_slaves')}];
		for (const replica of info.replicas) {
			rows.push({text: `${nodeAt(view, replica.ip, replica.port)} ${replica.state} off=${replica.offset} lag=${replica.lag}`, changed: recently(view, now, `slave${replica.index}`), tone: replica.state === 'online' ? (replica.lag > 2 ? 'yellow' : undefined) : 'yellow'});
		}
		rows.push({text: `${label('master_repl_offset:', 'offset:')}${info.masterReplOffset}`, changed: recently(view, now, 'master_repl_offset'), tone: 'gray'});
		if (info.minSlavesGoodSlaves !== undefined) rows.push({text: `${label('min_slaves_good_slaves:', 'good_slaves:')}${info.minSlavesGoodSlaves}`, changed: recently(view, now, 'min_slaves_good_slaves')});
		return {title, status: t(lang, UI.roleMaster), tone: 'green', rows};
	}
	return {
		title,
		status: t(lang, UI.roleReplica),
		tone: 'cyan',
		rows: [
			{text: `master: ${nodeAt(view, info.masterHost, info.masterPort)}`, changed: recently(view, now, 'master_host', 'master_port')},
			{text: `link:${info.masterLinkStatus}`, changed: recently(view, now, 'master_link_status'), tone: info.masterLinkStatus === 'up' ? 'green' : 'red'},
			{text: `${label('slave_repl_offset:', 'offset:')}${info.slaveReplOffset ?? '?'}`, changed: recently(view, now, 'slave_repl_offset'), tone: 'gray'},
			{text: `read_only:${info.slaveReadOnly ? 1 : 0}`, changed: recently(view, now, 'slave_read_only')},
		],
	};
}

/**
 * Every field of the node's INFO section, for the zoomed pane: `field:value`, with the node name
 * after each address Redis reports.
 */
export function infoLines(view: NodeView, now: number): Array<{text: string; changed: boolean}> {
	const raw = view.kind === 'sentinel' ? view.sentinel?.raw : view.replication?.raw;
	const lines: Array<{text: string; changed: boolean}> = [];
	for (const [field, value] of Object.entries(raw ?? {})) {
		lines.push({text: `${field}:${value}${addressNote(view, field, value, raw ?? {})}`, changed: recently(view, now, field)});
	}
	return lines;
}

function addressNote(view: NodeView, field: string, value: string, raw: Record<string, string>): string {
	const named = (address: string | undefined) => (address && view.names[address] ? `  → ${view.names[address]}` : '');
	if (/^slave\d+$/.test(field)) {
		const ip = /(?:^|,)ip=([^,]+)/.exec(value)?.[1];
		const port = /(?:^|,)port=(\d+)/.exec(value)?.[1];
		return named(ip && port ? `${ip}:${port}` : undefined);
	}
	if (field === 'master_host') return named(`${value}:${raw.master_port ?? ''}`);
	if (/^master\d+$/.test(field)) return named(/(?:^|,)address=([^,]+)/.exec(value)?.[1]);
	return '';
}

/** Content rows (title included) the tallest Redis pane needs at `columns`, its rows wrapped to the pane. */
export function paneContent(nodes: readonly NodeView[], columns: number, now: number, lang: Lang): number {
	const groups = paneGroups(nodes.map((node) => node.kind), columns) ?? [];
	let tallest = 0;
	for (const row of groups) {
		const inner = Math.floor(columns / Math.max(1, row.length)) - 2;
		for (const view of row.map((index) => nodes[index]!).filter((node) => node.kind === 'redis')) {
			tallest = Math.max(tallest, 1 + paneModel(view, now, false, lang).rows.reduce((sum, paneRow) => sum + wrap(paneRow.text, inner).length, 0));
		}
	}
	return tallest;
}
