import {RedisLabError} from '../errors.js';
import type {Check, Comparison, Duration, Lab, Lang} from './types.js';

/** Milliseconds of a duration: a number of ms, or text like `500ms`, `10s`, `1.5s`, `2m`. */
export function parseDuration(value: Duration): number {
	if (typeof value === 'number' && Number.isFinite(value) && value >= 0) return value;
	const match = /^(\d+(?:\.\d+)?)\s*(ms|s|m)$/.exec(String(value).trim());
	if (!match) throw new RedisLabError('LAB_FILE', `bad duration "${value}" (use 500ms, 10s or 2m)`);
	const amount = Number(match[1]);
	return Math.round(match[2] === 'ms' ? amount : match[2] === 's' ? amount * 1000 : amount * 60_000);
}

function bounds(body: {equals?: unknown; matches?: string; atLeast?: number; atMost?: number}): string {
	const parts: string[] = [];
	if (body.equals !== undefined) parts.push(`= ${String(body.equals)}`);
	if (body.matches !== undefined) parts.push(`matches /${body.matches}/`);
	if (body.atLeast !== undefined) parts.push(`>= ${body.atLeast}`);
	if (body.atMost !== undefined) parts.push(`<= ${body.atMost}`);
	return parts.join(' and ');
}

function figures(body: Record<string, Comparison>, keys: string[]): string {
	return keys.filter((key) => body[key]).map((key) => `${key} ${bounds(body[key]!)}`).join(', ');
}

/** A short label for a check, e.g. `replica1 role is slave`. */
export function describeCheck(check: Check, lang: Lang = 'en'): string {
	void lang;
	if ('role' in check) return `${check.role.node} role is ${check.role.is}`;
	if ('info' in check) return `${check.info.node} ${check.info.field}${check.info.grows ? ' grows' : ''} ${bounds(check.info)}`.trimEnd();
	if ('in-sync' in check) return `every replica of ${check['in-sync'].master} has its whole stream`;
	if ('reply' in check) return `${check.reply.node} ${check.reply.command} → ${check.reply.error !== undefined ? `error /${check.reply.error}/` : check.reply.equals ?? `/${check.reply.matches}/`}`;
	if ('key' in check) return `${check.key.node} ${check.key.key} ${check.key.missing ? 'is nil' : `= ${check.key.equals ?? 'set'}`}`;
	if ('event' in check) return `${check.event.absent ? 'no ' : ''}${check.event.type}${check.event.from ? ` from ${check.event.from}` : ''}${check.event.absent ? '' : ' seen'}`;
	if ('sentinel-master' in check) return check['sentinel-master'].is ? `sentinels report ${check['sentinel-master'].is} as master` : `sentinels report a master other than ${check['sentinel-master'].not}`;
	if ('writes' in check) return `writes ${check.writes.id}: ${figures(check.writes as unknown as Record<string, Comparison>, ['acknowledged', 'refused', 'lost'])}`;
	if ('client' in check) return `client ${check.client.id}: ${figures(check.client as unknown as Record<string, Comparison>, ['acknowledged', 'errors', 'lost'])}`;
	return 'check';
}

/** Minimal shape check (the full validator names file, step and field). */
export function validateLab(data: unknown, file: string): Lab {
	const lab = data as Lab;
	if (!lab || typeof lab !== 'object' || lab.formatVersion !== 1 || typeof lab.id !== 'string' || !Array.isArray(lab.steps)) {
		throw new RedisLabError('LAB_FILE', `${file}: not a lab file (formatVersion 1, id and steps are required)`);
	}
	return {...lab, file};
}
