import {infoField} from '../../redis/probe/info.js';
import type {Session} from '../../session/session.js';
import type {NodeView, SessionState} from '../../session/state.js';
import type {Comparison} from './fields.js';
import type {Lang} from '../../../i18n/index.js';
import {figureName} from './describe-bounds.js';
import {t} from '../../../i18n/index.js';

export interface Verdict {
	ok: boolean;
	detail: string;
}

export const pass = (detail: string): Verdict => ({ok: true, detail});
export const fail = (detail: string): Verdict => ({ok: false, detail});

/** Normalises redis-cli --no-raw output: strips quotes and `(integer)`, flags `(error)`. */
export function normaliseReply(output: string): {text: string; isError: boolean} {
	const trimmed = output.trim();
	const error = /^\(error\)\s*/.exec(trimmed);
	if (error) return {text: trimmed.slice(error[0].length), isError: true};
	const lines = trimmed.split('\n').map((line) => line.replace(/^\s*\d+\)\s*/, '').replace(/^\(integer\)\s*/, '').replace(/^"(.*)"$/, '$1'));
	return {text: lines.join('\n'), isError: false};
}

/** A value against its bounds; the detail says what was seen, in the learner's language. */
export function compare(value: string | number | undefined, comparison: Comparison, lang?: Lang): Verdict {
	if (value === undefined) return fail(t(lang, {en: 'no value yet', zh: '还没有值'}));
	const text = String(value);
	const seen = (en: string, zh: string) => fail(t(lang, {en: `is ${text}, expected ${en}`, zh: `是 ${text}，应为${zh}`}));
	if (comparison.equals !== undefined) {
		const expected = typeof comparison.equals === 'boolean' ? (comparison.equals ? '1' : '0') : String(comparison.equals);
		if (text !== expected) return seen(expected, ` ${expected}`);
	}
	if (comparison.matches !== undefined && !new RegExp(comparison.matches).test(text)) return seen(`to match /${comparison.matches}/`, `匹配 /${comparison.matches}/`);
	const number = Number(text);
	if (comparison.atLeast !== undefined && !(number >= comparison.atLeast)) return seen(`at least ${comparison.atLeast}`, `至少 ${comparison.atLeast}`);
	if (comparison.atMost !== undefined && !(number <= comparison.atMost)) return seen(`at most ${comparison.atMost}`, `至多 ${comparison.atMost}`);
	return pass(t(lang, {en: `is ${text}`, zh: `是 ${text}`}));
}

/** Named figures against their bounds (`{lost: {equals: 0}}`); the first one out of bounds fails. */
export function compareFigures(figures: Record<string, number>, bounds: Record<string, unknown>, lang?: Lang): Verdict {
	const details: string[] = [];
	for (const [name, value] of Object.entries(figures)) {
		const comparison = bounds[name] as Comparison | undefined;
		if (!comparison || typeof comparison !== 'object') continue;
		const verdict = compare(value, comparison, lang);
		if (!verdict.ok) return fail(`${figureName(name, lang)} ${verdict.detail}`);
		details.push(`${figureName(name, lang)} ${value}`);
	}
	const separator = t(lang, {en: ', ', zh: '，'});
	return pass(details.join(separator) || Object.entries(figures).map(([name, value]) => `${figureName(name, lang)} ${value}`).join(separator));
}

export function rawOf(view: NodeView | undefined): Record<string, string> | undefined {
	return view?.replication?.raw ?? view?.sentinel?.raw;
}

export function viewOf(state: SessionState, node: string): NodeView | undefined {
	return state.nodes.find((candidate) => candidate.name === node);
}

export function roleOf(view: NodeView | undefined): string {
	if (!view || view.health === 'absent' || view.health === 'down') return 'down';
	if (view.health === 'paused') return 'paused';
	if (view.kind === 'sentinel') return view.health === 'up' ? 'sentinel' : 'starting';
	return view.replication?.role ?? 'starting';
}

/** Reads a numeric INFO field for the baseline of `grows`. */
export function readNumber(state: SessionState, node: string, field: string): number | undefined {
	const raw = rawOf(viewOf(state, node));
	const value = raw ? infoField(raw, field) : undefined;
	return value === undefined ? undefined : Number(value);
}

/** Why a check cannot pass on a node that is down: what it last said, when it said anything. */
export function downDetail(view: NodeView, lang?: Lang): string {
	const last = view.lastLogs?.map((line) => line.trim()).filter(Boolean).at(-1);
	const why = last ? t(lang, {en: `; its last log line: ${last}`, zh: `；它的最后一行日志：${last}`}) : view.error ? ` (${view.error})` : '';
	return `${t(lang, {en: `${view.name} is down`, zh: `${view.name} 已停止`})}${why}`;
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

/** The first line of a reply, for a check's detail: INFO ends its lines with \r\n, and a bare \r would send the cursor home. */
export function firstLine(text: string): string {
	const line = text.split(/\r?\n/)[0]?.replace(/\r/g, '') ?? '';
	return line.length > 80 ? line.slice(0, 77) + '...' : line;
}
