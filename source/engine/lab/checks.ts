import {infoField} from '../probe/info.js';
import {splitCommandLine} from '../shell.js';
import type {Session} from '../session.js';
import type {NodeView, SessionState} from '../session-state.js';
import type {ClientFigures} from '../client-load.js';
import type {Check, Comparison} from './types.js';

/** What a write action left behind, for `writes` checks. */
export interface WriteRecord {
	prefix: string;
	acknowledged: string[];
	refused: number;
}

/** What checks can read besides the session. */
export interface CheckContext {
	session: Session;
	/** Date.now() when the step began. */
	since: number;
	/** INFO values when the step began, for `grows`: "node field" -> value. */
	baseline: Map<string, number>;
	writes: Map<string, WriteRecord>;
	clients: Map<string, () => ClientFigures>;
	resolveNode(ref: string): string;
	/** Expands `{{node.port}}` / `{{node.host}}` in a check's expected text. */
	expand?(text: string): string;
}

export interface Verdict {
	ok: boolean;
	detail: string;
}

const pass = (detail: string): Verdict => ({ok: true, detail});
const fail = (detail: string): Verdict => ({ok: false, detail});

/** Normalises redis-cli --no-raw output: strips quotes and `(integer)`, flags `(error)`. */
export function normaliseReply(output: string): {text: string; isError: boolean} {
	const trimmed = output.trim();
	const error = /^\(error\)\s*/.exec(trimmed);
	if (error) return {text: trimmed.slice(error[0].length), isError: true};
	const lines = trimmed.split('\n').map((line) => line.replace(/^\s*\d+\)\s*/, '').replace(/^\(integer\)\s*/, '').replace(/^"(.*)"$/, '$1'));
	return {text: lines.join('\n'), isError: false};
}

export function compare(value: string | number | undefined, comparison: Comparison): Verdict {
	if (value === undefined) return fail('no value yet');
	const text = String(value);
	if (comparison.equals !== undefined) {
		const expected = typeof comparison.equals === 'boolean' ? (comparison.equals ? '1' : '0') : String(comparison.equals);
		if (text !== expected) return fail(`is ${text}, expected ${expected}`);
	}
	if (comparison.matches !== undefined && !new RegExp(comparison.matches).test(text)) return fail(`is ${text}, expected to match /${comparison.matches}/`);
	const number = Number(text);
	if (comparison.atLeast !== undefined && !(number >= comparison.atLeast)) return fail(`is ${text}, expected at least ${comparison.atLeast}`);
	if (comparison.atMost !== undefined && !(number <= comparison.atMost)) return fail(`is ${text}, expected at most ${comparison.atMost}`);
	return pass(`is ${text}`);
}

function rawOf(view: NodeView | undefined): Record<string, string> | undefined {
	return view?.replication?.raw ?? view?.sentinel?.raw;
}

export function roleOf(view: NodeView | undefined): string {
	if (!view || view.health === 'absent' || view.health === 'down') return 'down';
	if (view.health === 'paused') return 'paused';
	if (view.kind === 'sentinel') return view.health === 'up' ? 'sentinel' : 'starting';
	return view.replication?.role ?? 'starting';
}

/** Reads a numeric INFO field for the baseline of `grows`. */
export function readNumber(state: SessionState, node: string, field: string): number | undefined {
	const raw = rawOf(state.nodes.find((view) => view.name === node));
	const value = raw ? infoField(raw, field) : undefined;
	return value === undefined ? undefined : Number(value);
}

/** Why a check cannot pass on a node that is down: what it last said, when it said anything. */
function downDetail(view: NodeView): string {
	const last = view.lastLogs?.map((line) => line.trim()).filter(Boolean).at(-1);
	return `${view.name} is down${last ? `; its last log line: ${last}` : view.error ? ` (${view.error})` : ''}`;
}

/** Evaluates one check once. Checks that run commands do so quietly (not in the transcript). */
export async function evaluate(check: Check, context: CheckContext): Promise<Verdict> {
	const {session} = context;
	const state = session.getState();
	const view = (node: string) => state.nodes.find((candidate) => candidate.name === node);

	if ('role' in check) {
		const node = context.resolveNode(check.role.node);
		const role = roleOf(view(node));
		return role === check.role.is ? pass(`${node} is ${role}`) : fail(`${node} is ${role}`);
	}
	if ('info' in check) {
		const {node: ref, field, grows, within: _within, ...comparison} = check.info;
		const node = context.resolveNode(ref);
		const seen = view(node);
		if (seen?.health === 'down') return fail(downDetail(seen));
		const raw = rawOf(seen);
		if (!raw) return fail(`${node} has not answered INFO`);
		const value = infoField(raw, field);
		if (grows) {
			const before = context.baseline.get(`${node} ${field}`);
			if (before === undefined) return fail('no starting value');
			if (!(Number(value) > before)) return fail(`${field} is ${value}, not above ${before} yet`);
		}
		const verdict = compare(value, comparison);
		return {...verdict, detail: `${field} ${verdict.detail}`};
	}
	if ('in-sync' in check) {
		const master = context.resolveNode(check['in-sync'].master);
		const masterView = view(master);
		const offset = masterView?.replication?.masterReplOffset;
		if (offset === undefined) return fail(`${master} has not answered INFO`);
		const replicas = state.nodes.filter((node) => node.replication?.role === 'slave' && node.health === 'up' && (node.names[`${node.replication.masterHost}:${node.replication.masterPort}`] === master));
		if (replicas.length === 0) return fail(`${master} has no replica`);
		const behind = replicas.filter((node) => node.replication?.slaveReplOffset !== offset);
		if (behind.length > 0) return fail(`master_repl_offset ${offset}; ${behind.map((node) => `${node.name} at ${node.replication?.slaveReplOffset}`).join(', ')}`);
		return pass(`${replicas.map((node) => node.name).join(' and ')} at ${offset}`);
	}
	if ('reply' in check) {
		const node = context.resolveNode(check.reply.node);
		const expand = (text: string) => context.expand?.(text) ?? text;
		const result = await session.runtime.exec(node, splitCommandLine(check.reply.command));
		const reply = normaliseReply(result.stdout || result.stderr);
		if (check.reply.error !== undefined) {
			return reply.isError && new RegExp(expand(check.reply.error)).test(reply.text) ? pass(`(error) ${reply.text}`) : fail(`replied ${reply.isError ? '(error) ' : ''}${firstLine(reply.text)}`);
		}
		if (reply.isError) return fail(`(error) ${reply.text}`);
		if (check.reply.equals !== undefined && reply.text !== expand(check.reply.equals)) return fail(`replied ${firstLine(reply.text)}`);
		if (check.reply.matches !== undefined && !new RegExp(expand(check.reply.matches)).test(reply.text)) return fail(`replied ${firstLine(reply.text)}`);
		return pass(`replied ${firstLine(reply.text)}`);
	}
	if ('key' in check) {
		const node = context.resolveNode(check.key.node);
		const result = await session.runtime.exec(node, ['GET', check.key.key]);
		const reply = normaliseReply(result.stdout || result.stderr);
		if (reply.isError) return fail(`(error) ${reply.text}`);
		const missing = reply.text === '(nil)';
		if (check.key.missing) return missing ? pass(`${check.key.key} is nil`) : fail(`${check.key.key} is ${reply.text}`);
		if (missing) return fail(`${check.key.key} is nil`);
		return check.key.equals === undefined || reply.text === check.key.equals ? pass(`${check.key.key} = ${reply.text}`) : fail(`${check.key.key} = ${reply.text}`);
	}
	if ('event' in check) {
		const from = check.event.from ? context.resolveNode(check.event.from) : undefined;
		const seen = state.events.find((event) => event.receivedAt >= context.since && event.type === check.event.type && (!from || event.source === from));
		if (check.event.absent) return seen ? {ok: false, detail: `${check.event.type} seen from ${seen.source}`} : pass(`no ${check.event.type}`);
		return seen ? pass(`${seen.type} from ${seen.source}`) : fail(`no ${check.event.type} yet`);
	}
	if ('sentinel-master' in check) {
		const sentinels = state.nodes.filter((node) => node.kind === 'sentinel' && node.health === 'up' && node.sentinel?.masters[0]);
		if (sentinels.length === 0) return fail('no sentinel answers');
		const reported = sentinels.map((node) => {
			const master = node.sentinel!.masters[0]!;
			return session.runtime.resolve(master.host, master.port) ?? `${master.host}:${master.port}`;
		});
		const distinct = [...new Set(reported)];
		if (distinct.length > 1) return fail(`sentinels disagree: ${sentinels.map((node, index) => `${node.name} says ${reported[index]}`).join(', ')}`);
		const master = distinct[0]!;
		const is = check['sentinel-master'].is ? context.resolveNode(check['sentinel-master'].is) : undefined;
		if (is !== undefined && master !== is) return fail(`sentinels report ${master}`);
		if (check['sentinel-master'].not !== undefined && master === check['sentinel-master'].not) return fail(`sentinels still report ${master}`);
		return pass(`sentinels report ${master}`);
	}
	if ('writes' in check) {
		const record = context.writes.get(check.writes.id);
		if (!record) return fail(`no writes recorded as ${check.writes.id}`);
		const figures: Record<string, number> = {acknowledged: record.acknowledged.length, refused: record.refused};
		if (check.writes.lost) {
			const master = session.currentMaster();
			if (!master) return fail('no agreed master to read from');
			figures.lost = await countMissing(session, master, record.acknowledged);
		}
		return compareFigures(figures, check.writes);
	}
	if ('client' in check) {
		const figures = context.clients.get(check.client.id)?.();
		if (!figures) return fail(`client ${check.client.id} was not started`);
		if (check.client.lost && figures.lost === undefined) return fail('lost writes are counted when the client stops');
		const verdict = compareFigures({acknowledged: figures.acknowledged, errors: figures.errors, lost: figures.lost ?? 0}, check.client);
		return verdict.ok || !figures.lastError ? verdict : {...verdict, detail: `${verdict.detail}; errors ${figures.errors}, last: ${figures.lastError}`};
	}
	return fail('unknown check');
}

function compareFigures(figures: Record<string, number>, bounds: Record<string, unknown>): Verdict {
	const details: string[] = [];
	for (const [name, value] of Object.entries(figures)) {
		const comparison = bounds[name] as Comparison | undefined;
		if (!comparison || typeof comparison !== 'object') continue;
		const verdict = compare(value, comparison);
		if (!verdict.ok) return fail(`${name} ${verdict.detail}`);
		details.push(`${name} ${value}`);
	}
	return pass(details.join(', ') || Object.entries(figures).map(([name, value]) => `${name} ${value}`).join(', '));
}

/** How many of `keys` are nil on `node` (read with redis-cli MGET next to the node). */
export async function countMissing(session: Session, node: string, keys: string[]): Promise<number> {
	let missing = 0;
	for (let start = 0; start < keys.length; start += 200) {
		const chunk = keys.slice(start, start + 200);
		const result = await session.runtime.exec(node, ['MGET', ...chunk]);
		const lines = result.stdout.trim().split('\n').filter(Boolean);
		if (lines.length !== chunk.length) throw new Error(`MGET on ${node}: ${firstLine(result.stdout + result.stderr)}`);
		missing += lines.filter((line) => /\(nil\)\s*$/.test(line)).length;
	}
	return missing;
}

function firstLine(text: string): string {
	const line = text.split('\n')[0] ?? '';
	return line.length > 80 ? line.slice(0, 77) + '...' : line;
}
