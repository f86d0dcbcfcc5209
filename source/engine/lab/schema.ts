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

const NODE_NAMES = ['master', 'replica1', 'replica2', 'sentinel1', 'sentinel2', 'sentinel3'];
const SLUG = /^[a-z0-9][a-z0-9-]*$/;
const NODE_LIST_ACTIONS = ['start', 'stop', 'kill', 'pause', 'resume', 'restart'];
const ACTION_FIELDS: Record<string, string[] | 'node' | 'nodes' | 'text'> = {
	start: 'nodes', stop: 'nodes', kill: 'nodes', pause: 'nodes', resume: 'nodes', restart: 'nodes',
	isolate: 'node', heal: 'node', 'show-config': 'node', mark: 'text',
	cli: ['node', 'command'], 'write-config': ['node', 'set'], write: ['node', 'count', 'prefix', 'id'],
	logs: ['node', 'lines', 'grep'], 'client-start': ['id', 'intervalMs'], 'client-stop': ['id'],
};
const COMPARISON = ['equals', 'matches', 'atLeast', 'atMost'];
const CHECK_FIELDS: Record<string, string[]> = {
	role: ['node', 'is', 'within'],
	info: ['node', 'field', 'within', 'grows', ...COMPARISON],
	'in-sync': ['master', 'within'],
	reply: ['node', 'command', 'equals', 'matches', 'error', 'within'],
	key: ['node', 'key', 'equals', 'missing', 'within'],
	event: ['type', 'from', 'within', 'absent'],
	'sentinel-master': ['is', 'not', 'within'],
	writes: ['id', 'lost', 'acknowledged', 'refused', 'within'],
	client: ['id', 'acknowledged', 'errors', 'lost', 'within'],
};

/** Validation with one-line errors naming the file, the step and the field. */
class Validator {
	private where = '';
	readonly clientIds = new Set<string>();
	readonly writeIds = new Set<string>();
	nodes = new Set<string>();

	constructor(private readonly file: string) {}

	at(where: string): void {
		this.where = where;
	}

	fail(path: string, message: string): never {
		throw new RedisLabError('LAB_FILE', `${this.file}: ${this.where ? `${this.where}: ` : ''}${path}: ${message}`, {hint: 'labs/README.md describes every field.'});
	}

	object(value: unknown, path: string): Record<string, unknown> {
		if (!value || typeof value !== 'object' || Array.isArray(value)) this.fail(path, 'must be a map');
		return value as Record<string, unknown>;
	}

	string(value: unknown, path: string): string {
		if (typeof value !== 'string' || value.trim() === '') this.fail(path, value === undefined ? 'required' : 'must be non-empty text');
		return value;
	}

	number(value: unknown, path: string, positive = true): number {
		if (typeof value !== 'number' || !Number.isFinite(value) || (positive && value <= 0)) this.fail(path, value === undefined ? 'required' : 'must be a positive number');
		return value;
	}

	text(value: unknown, path: string): void {
		const text = this.object(value, path);
		this.string(text.en, `${path}.en`);
		if (text.zh !== undefined) this.string(text.zh, `${path}.zh`);
		this.only(text, ['en', 'zh'], path);
	}

	only(map: Record<string, unknown>, allowed: string[], path: string): void {
		for (const key of Object.keys(map)) if (!allowed.includes(key)) this.fail(`${path}.${key}`, `unknown field (known: ${allowed.join(', ')})`);
	}

	node(value: unknown, path: string): void {
		const name = this.string(value, path);
		if (name !== 'current-master' && !this.nodes.has(name)) this.fail(path, `unknown node "${name}" (declared: ${[...this.nodes].join(', ')}, or current-master)`);
	}

	regex(value: unknown, path: string): void {
		try {
			new RegExp(this.string(value, path));
		} catch {
			this.fail(path, `not a valid regular expression: ${String(value)}`);
		}
	}

	duration(value: unknown, path: string): void {
		if (value === undefined) return;
		try {
			parseDuration(value as Duration);
		} catch {
			this.fail(path, `bad duration "${String(value)}" (use 500ms, 10s or 2m)`);
		}
	}

	comparison(value: unknown, path: string, needed = true): void {
		const map = this.object(value, path);
		this.only(map, COMPARISON, path);
		if (needed && !COMPARISON.some((key) => map[key] !== undefined)) this.fail(path, 'needs equals, matches, atLeast or atMost');
		if (map.matches !== undefined) this.regex(map.matches, `${path}.matches`);
		for (const key of ['atLeast', 'atMost']) if (map[key] !== undefined && typeof map[key] !== 'number') this.fail(`${path}.${key}`, 'must be a number');
	}

	single(value: unknown, path: string, known: string[], what: string): [string, unknown] {
		const map = this.object(value, path);
		const keys = Object.keys(map);
		if (keys.length !== 1) this.fail(path, `one ${what} per list item (found ${keys.join(', ') || 'none'})`);
		if (!known.includes(keys[0]!)) this.fail(path, `unknown ${what} "${keys[0]}" (known: ${known.join(', ')})`);
		return [keys[0]!, map[keys[0]!]];
	}

	action(value: unknown, path: string, runtimes: string[]): void {
		const [kind, body] = this.single(value, path, Object.keys(ACTION_FIELDS), 'action');
		const shape = ACTION_FIELDS[kind]!;
		const at = `${path}.${kind}`;
		if (shape === 'nodes') {
			if (Array.isArray(body)) body.forEach((node, i) => this.node(node, `${at}[${i}]`));
			else this.node(body, at);
			return;
		}
		if (shape === 'node') {
			this.node(body, at);
			if ((kind === 'isolate' || kind === 'heal') && runtimes.includes('local')) this.fail(at, `${kind} needs the docker runtime: set runtimes: [docker]`);
			return;
		}
		if (shape === 'text') {
			this.string(body, at);
			return;
		}
		const map = this.object(body, at);
		this.only(map, shape, at);
		if (map.node !== undefined || shape.includes('node')) this.node(map.node, `${at}.node`);
		if (kind === 'cli') this.string(map.command, `${at}.command`);
		if (kind === 'write-config') this.object(map.set, `${at}.set`);
		if (kind === 'write') {
			this.number(map.count, `${at}.count`);
			this.string(map.prefix, `${at}.prefix`);
			this.writeIds.add(String(map.id ?? map.prefix));
		}
		if (kind === 'logs' && map.grep !== undefined) this.regex(map.grep, `${at}.grep`);
		if (kind === 'client-start') this.clientIds.add(this.string(map.id, `${at}.id`));
		if (kind === 'client-stop' && !this.clientIds.has(this.string(map.id, `${at}.id`))) this.fail(`${at}.id`, `no client-start with id "${String(map.id)}" before this step`);
	}

	check(value: unknown, path: string): void {
		const [kind, body] = this.single(value, path, Object.keys(CHECK_FIELDS), 'check');
		const at = `${path}.${kind}`;
		const map = this.object(body, at);
		this.only(map, CHECK_FIELDS[kind]!, at);
		this.duration(map.within, `${at}.within`);
		if ('node' in map || ['role', 'info', 'reply', 'key'].includes(kind)) this.node(map.node, `${at}.node`);
		if (kind === 'role' && !['master', 'slave', 'sentinel', 'down'].includes(String(map.is))) this.fail(`${at}.is`, 'must be master, slave, sentinel or down');
		if (kind === 'info') {
			this.string(map.field, `${at}.field`);
			if (!map.grows) this.comparison(Object.fromEntries(COMPARISON.filter((key) => key in map).map((key) => [key, map[key]])), at);
			if (map.matches !== undefined) this.regex(map.matches, `${at}.matches`);
		}
		if (kind === 'in-sync') this.node(map.master, `${at}.master`);
		if (kind === 'reply') {
			this.string(map.command, `${at}.command`);
			if (map.equals === undefined && map.matches === undefined && map.error === undefined) this.fail(at, 'needs equals, matches or error');
			if (map.matches !== undefined) this.regex(map.matches, `${at}.matches`);
			if (map.error !== undefined) this.regex(map.error, `${at}.error`);
		}
		if (kind === 'key') this.string(map.key, `${at}.key`);
		if (kind === 'event') {
			if (!/^[+-][a-z-]+$/.test(this.string(map.type, `${at}.type`))) this.fail(`${at}.type`, `not an event type: "${String(map.type)}" (e.g. +switch-master)`);
			if (map.from !== undefined) this.node(map.from, `${at}.from`);
		}
		if (kind === 'sentinel-master') {
			if (map.is === undefined && map.not === undefined) this.fail(at, 'needs is or not');
			if (map.is !== undefined) this.node(map.is, `${at}.is`);
			if (map.not !== undefined) this.node(map.not, `${at}.not`);
		}
		if (kind === 'writes' || kind === 'client') {
			const id = this.string(map.id, `${at}.id`);
			const known = kind === 'writes' ? this.writeIds : this.clientIds;
			if (!known.has(id)) this.fail(`${at}.id`, `no ${kind === 'writes' ? 'write' : 'client-start'} with id "${id}" before this check`);
			const figures = CHECK_FIELDS[kind]!.filter((key) => !['id', 'within'].includes(key));
			if (!figures.some((key) => map[key] !== undefined)) this.fail(at, `needs one of ${figures.join(', ')}`);
			for (const key of figures) if (map[key] !== undefined) this.comparison(map[key], `${at}.${key}`);
		}
	}
}

/** Validates a parsed lab file; throws one line naming the file, step and field. */
export function validateLab(data: unknown, file: string): Lab {
	const v = new Validator(file);
	const lab = v.object(data, 'lab');
	const top = ['formatVersion', 'id', 'order', 'title', 'section', 'summary', 'minutes', 'runtimes', 'nodes', 'setup', 'steps'];
	v.only(lab, top, 'lab');
	if (lab.formatVersion !== 1) v.fail('formatVersion', 'must be 1');
	if (!SLUG.test(v.string(lab.id, 'id'))) v.fail('id', 'must be a slug like sentinel-failover');
	if (!Number.isInteger(lab.order) || (lab.order as number) < 1) v.fail('order', 'must be a positive whole number');
	v.text(lab.title, 'title');
	v.text(lab.summary, 'summary');
	if (lab.section !== undefined) v.text(lab.section, 'section');
	v.number(lab.minutes, 'minutes');
	if (!Array.isArray(lab.runtimes) || lab.runtimes.length === 0 || !lab.runtimes.every((kind) => kind === 'docker' || kind === 'local')) v.fail('runtimes', 'must list docker and/or local');
	const runtimes = lab.runtimes as string[];
	const nodes = v.object(lab.nodes, 'nodes');
	for (const [name, raw] of Object.entries(nodes)) {
		if (!NODE_NAMES.includes(name)) v.fail(`nodes.${name}`, `unknown node (known: ${NODE_NAMES.join(', ')})`);
		v.nodes.add(name);
	}
	for (const [name, raw] of Object.entries(nodes)) {
		const node = v.object(raw ?? {}, `nodes.${name}`);
		v.only(node, ['replicaof', 'monitor', 'quorum', 'downAfterMs', 'failoverTimeoutMs', 'config'], `nodes.${name}`);
		const sentinel = name.startsWith('sentinel');
		if (node.replicaof !== undefined && (sentinel || !v.nodes.has(String(node.replicaof)) || String(node.replicaof).startsWith('sentinel'))) v.fail(`nodes.${name}.replicaof`, sentinel ? 'only servers replicate' : `must name a declared server, not "${String(node.replicaof)}"`);
		if (node.monitor !== undefined && (!sentinel || !v.nodes.has(String(node.monitor)) || String(node.monitor).startsWith('sentinel'))) v.fail(`nodes.${name}.monitor`, sentinel ? `must name a declared server, not "${String(node.monitor)}"` : 'only sentinels monitor');
		if (sentinel && node.monitor === undefined) v.fail(`nodes.${name}.monitor`, 'required for a sentinel');
		if (node.config !== undefined) v.object(node.config, `nodes.${name}.config`);
	}
	if (!Array.isArray(lab.steps) || lab.steps.length === 0) v.fail('steps', 'must list at least one step');
	(lab.setup as unknown[] | undefined ?? []).forEach((block, index) => {
		v.at(`setup ${index + 1}`);
		const map = v.object(block, 'setup');
		v.only(map, ['do', 'expect'], 'setup');
		if (!Array.isArray(map.do)) v.fail('do', 'must be a list of actions');
		(map.do as unknown[]).forEach((action, i) => v.action(action, `do[${i}]`, runtimes));
		((map.expect as unknown[] | undefined) ?? []).forEach((check, i) => v.check(check, `expect[${i}]`));
	});
	const ids = new Set<string>();
	(lab.steps as unknown[]).forEach((raw, index) => {
		const step = v.object(raw, `steps[${index}]`);
		v.at(`step ${index + 1}${typeof step.id === 'string' ? ` "${step.id}"` : ''}`);
		v.only(step, ['id', 'title', 'text', 'note', 'hint', 'do', 'expect'], 'step');
		const id = v.string(step.id, 'id');
		if (!SLUG.test(id)) v.fail('id', 'must be a slug');
		if (ids.has(id)) v.fail('id', `duplicate step id "${id}"`);
		ids.add(id);
		v.text(step.title, 'title');
		v.text(step.text, 'text');
		if (step.note !== undefined) v.text(step.note, 'note');
		if (step.hint !== undefined) v.text(step.hint, 'hint');
		if (!Array.isArray(step.do)) v.fail('do', 'must be a list of actions (may be empty: [])');
		(step.do as unknown[]).forEach((action, i) => v.action(action, `do[${i}]`, runtimes));
		if (!Array.isArray(step.expect) || step.expect.length === 0) v.fail('expect', 'must list at least one check');
		(step.expect as unknown[]).forEach((check, i) => v.check(check, `expect[${i}]`));
	});
	return {...(lab as unknown as Lab), file};
}
