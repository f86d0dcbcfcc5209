import {RedisLabError} from '../errors.js';
import {DEFAULT_PORTS, kindOf} from '../topology.js';
import type {Action, ActionKind, Check, CheckKind, Duration, Lab} from './types.js';

export {describeCheck} from './describe.js';

/** How long a check may take to pass when it gives no `within`. */
export const DEFAULT_WITHIN_MS = 10_000;

/** Node names a lab may declare. */
export const NODE_NAMES: readonly string[] = Object.keys(DEFAULT_PORTS);

/** The node reference that means "whichever node the sentinels report as master now". */
export const CURRENT_MASTER = 'current-master';

/** Milliseconds of a duration: a number of ms, or text like `500ms`, `10s`, `1.5s`, `2m`. */
export function parseDuration(value: Duration): number {
	if (typeof value === 'number' && Number.isFinite(value) && value >= 0) return Math.round(value);
	const match = typeof value === 'string' ? /^(\d+(?:\.\d+)?)\s*(ms|s|m)$/.exec(value.trim()) : null;
	if (!match) throw new RedisLabError('LAB_FILE', `bad duration "${String(value)}" (use 500ms, 10s or 2m)`);
	const amount = Number(match[1]);
	return Math.round(match[2] === 'ms' ? amount : match[2] === 's' ? amount * 1000 : amount * 60_000);
}

/** The kind of an action: its one key, e.g. `stop`. */
export function actionKind(action: Action): ActionKind {
	return Object.keys(action)[0] as ActionKind;
}

/** The kind of a check: its one key, e.g. `role`. */
export function checkKind(check: Check): CheckKind {
	return Object.keys(check)[0] as CheckKind;
}

/** Milliseconds a check may take to pass (its `within`, else 10 s). */
export function checkWithin(check: Check): number {
	const body = Object.values(check)[0] as {within?: Duration} | undefined;
	return body?.within === undefined ? DEFAULT_WITHIN_MS : parseDuration(body.within);
}

type Shape = 'nodes' | 'node' | 'text' | readonly string[];

const ACTIONS: Record<ActionKind, Shape> = {
	start: 'nodes',
	stop: 'nodes',
	kill: 'nodes',
	pause: 'nodes',
	resume: 'nodes',
	restart: 'nodes',
	isolate: 'node',
	heal: 'node',
	cli: ['node', 'command'],
	'write-config': ['node', 'set'],
	'show-config': 'node',
	write: ['node', 'count', 'prefix', 'id'],
	logs: ['node', 'lines', 'grep'],
	'client-start': ['id', 'intervalMs'],
	'client-stop': ['id'],
	mark: 'text',
};

const COMPARISON = ['equals', 'matches', 'atLeast', 'atMost'] as const;

const CHECKS: Record<CheckKind, readonly string[]> = {
	role: ['node', 'is', 'within'],
	info: ['node', 'field', ...COMPARISON, 'grows', 'within'],
	'in-sync': ['master', 'within'],
	reply: ['node', 'command', 'equals', 'matches', 'error', 'within'],
	key: ['node', 'key', 'equals', 'missing', 'within'],
	event: ['type', 'from', 'absent', 'within'],
	'sentinel-master': ['is', 'not', 'within'],
	writes: ['id', 'acknowledged', 'refused', 'lost', 'within'],
	client: ['id', 'acknowledged', 'errors', 'lost', 'within'],
};

const ROLES = ['master', 'slave', 'sentinel', 'down'];
const RUNTIMES = ['docker', 'local'];
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const EVENT_TYPE = /^[+-][a-z-]+$/;
const TEMPLATE = /\{\{([^}]*)\}\}/g;
const TOP_FIELDS = ['formatVersion', 'id', 'order', 'title', 'section', 'summary', 'minutes', 'runtimes', 'nodes', 'setup', 'steps'];
const NODE_FIELDS = ['replicaof', 'monitor', 'quorum', 'downAfterMs', 'failoverTimeoutMs', 'config'];
const SENTINEL_FIELDS = ['monitor', 'quorum', 'downAfterMs', 'failoverTimeoutMs'];
const STEP_FIELDS = ['id', 'title', 'text', 'note', 'hint', 'do', 'expect'];

type Fields = Record<string, unknown>;

const isMap = (value: unknown): value is Fields => typeof value === 'object' && value !== null && !Array.isArray(value);
const isSentinel = (name: string): boolean => kindOf(name) === 'sentinel';
const list = (items: readonly string[]): string => items.join(', ');

/**
 * Walks a parsed lab and fails on the first mistake with one line:
 * `<file>: [step N "id": | setup N: ]<field path>: <what is wrong>`.
 */
class Validator {
	private where = '';
	private readonly nodes = new Set<string>();
	private readonly runtimes: string[] = [];
	private readonly clientIds = new Set<string>();
	private readonly writeIds = new Set<string>();

	constructor(private readonly file: string) {}

	fail(path: string, message: string): never {
		const parts = [this.file, this.where, path].filter(Boolean);
		throw new RedisLabError('LAB_FILE', `${parts.join(': ')}: ${message}`, {hint: 'labs/README.md describes every field.'});
	}

	// --- values ---

	map(value: unknown, path: string, what = 'a map of fields'): Fields {
		if (value === undefined) this.fail(path, 'required');
		if (!isMap(value)) this.fail(path, `must be ${what}`);
		return value;
	}

	only(map: Fields, allowed: readonly string[], path: string): void {
		for (const key of Object.keys(map)) {
			if (!allowed.includes(key)) this.fail(path ? `${path}.${key}` : key, `unknown field (known: ${list(allowed)})`);
		}
	}

	text(value: unknown, path: string): string {
		if (value === undefined) this.fail(path, 'required');
		if (typeof value !== 'string') this.fail(path, 'must be text');
		if (value.trim() === '') this.fail(path, 'must not be empty');
		return value;
	}

	/** Text, or a number written without quotes (turned into text). */
	textOrNumber(map: Fields, key: string, path: string): void {
		if (typeof map[key] === 'number') map[key] = String(map[key]);
		this.text(map[key], path);
	}

	bool(value: unknown, path: string): void {
		if (value !== undefined && typeof value !== 'boolean') this.fail(path, 'must be true or false');
	}

	positive(value: unknown, path: string, whole = true): number {
		if (value === undefined) this.fail(path, 'required');
		if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0 || (whole && !Number.isInteger(value))) {
			this.fail(path, whole ? 'must be a whole number above 0' : 'must be a number above 0');
		}
		return value;
	}

	number(value: unknown, path: string): void {
		if (typeof value !== 'number' || !Number.isFinite(value)) this.fail(path, 'must be a number');
	}

	regex(value: unknown, path: string): void {
		const source = this.text(value, path);
		try {
			new RegExp(source);
		} catch (error) {
			this.fail(path, `not a valid regular expression: ${(error as Error).message.replace(/^Invalid regular expression: /, '')}`);
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

	/** Bilingual text: `{en: ..., zh: ...}`. */
	bilingual(value: unknown, path: string): void {
		const text = this.map(value, path, 'a map like {en: "...", zh: "..."}');
		this.only(text, ['en', 'zh'], path);
		this.text(text.en, `${path}.en`);
		if (text.zh !== undefined) this.text(text.zh, `${path}.zh`);
	}

	/** A config map: directive -> text or number. */
	directives(value: unknown, path: string): void {
		const map = this.map(value, path, 'a map of directives like {min-replicas-to-write: 1}');
		if (Object.keys(map).length === 0) this.fail(path, 'must set at least one directive');
		for (const [key, item] of Object.entries(map)) {
			if (typeof item !== 'string' && typeof item !== 'number') this.fail(`${path}.${key}`, 'must be text or a number (write "yes"/"no" in quotes)');
		}
	}

	comparison(map: Fields, path: string, needed: boolean): void {
		if (needed && !COMPARISON.some((key) => map[key] !== undefined)) this.fail(path, `needs one of ${list(COMPARISON)}`);
		if (map.equals !== undefined && !['string', 'number', 'boolean'].includes(typeof map.equals)) this.fail(`${path}.equals`, 'must be text, a number or true/false');
		if (map.matches !== undefined) this.regex(map.matches, `${path}.matches`);
		if (map.atLeast !== undefined) this.number(map.atLeast, `${path}.atLeast`);
		if (map.atMost !== undefined) this.number(map.atMost, `${path}.atMost`);
	}

	figure(value: unknown, path: string): void {
		const map = this.map(value, path, 'a comparison like {equals: 0} or {atLeast: 1}');
		this.only(map, COMPARISON, path);
		this.comparison(map, path, true);
	}

	// --- nodes ---

	/** A node reference: a declared node or `current-master`. */
	node(value: unknown, path: string, server = false): string {
		const name = this.text(value, path);
		if (name === CURRENT_MASTER) return name;
		if (!this.nodes.has(name)) this.fail(path, `unknown node "${name}" (declared: ${list([...this.nodes])}, or ${CURRENT_MASTER})`);
		if (server && isSentinel(name)) this.fail(path, `must be a Redis server, not the sentinel "${name}"`);
		return name;
	}

	/** `{{node.host}}` / `{{node.port}}` templates in a command. */
	templates(command: string, path: string): void {
		for (const [whole, inner] of command.matchAll(TEMPLATE)) {
			const match = /^\s*([\w-]+)\.(host|port)\s*$/.exec(inner!);
			if (!match) this.fail(path, `bad template "${whole}" (use {{node.host}} or {{node.port}})`);
			if (match[1] !== CURRENT_MASTER && !this.nodes.has(match[1]!)) this.fail(path, `unknown node "${match[1]}" in "${whole}" (declared: ${list([...this.nodes])}, or ${CURRENT_MASTER})`);
		}
	}

	declareNodes(value: unknown): void {
		const nodes = this.map(value, 'nodes', 'a map of node names, e.g. {master: {}, replica1: {replicaof: master}}');
		if (Object.keys(nodes).length === 0) this.fail('nodes', 'must declare at least one node');
		for (const name of Object.keys(nodes)) {
			if (!NODE_NAMES.includes(name)) this.fail(`nodes.${name}`, `unknown node name (known: ${list(NODE_NAMES)})`);
			this.nodes.add(name);
		}
		for (const [name, raw] of Object.entries(nodes)) {
			const path = `nodes.${name}`;
			if (raw === null) {
				nodes[name] = {};
				continue;
			}
			const node = this.map(raw, path);
			this.only(node, NODE_FIELDS, path);
			const sentinel = isSentinel(name);
			if (node.replicaof !== undefined) {
				if (sentinel) this.fail(`${path}.replicaof`, 'only Redis servers replicate; a sentinel uses monitor');
				const target = this.text(node.replicaof, `${path}.replicaof`);
				if (!this.nodes.has(target) || isSentinel(target)) this.fail(`${path}.replicaof`, `must name a declared Redis server, not "${target}"`);
				if (target === name) this.fail(`${path}.replicaof`, 'a node cannot replicate itself');
			}
			if (!sentinel) {
				for (const key of SENTINEL_FIELDS) if (node[key] !== undefined) this.fail(`${path}.${key}`, 'only sentinels have this field');
			} else {
				const target = node.monitor === undefined ? 'master' : this.text(node.monitor, `${path}.monitor`);
				if (!this.nodes.has(target) || isSentinel(target)) this.fail(`${path}.monitor`, node.monitor === undefined ? 'required (no master node is declared)' : `must name a declared Redis server, not "${target}"`);
				if (node.quorum !== undefined) this.positive(node.quorum, `${path}.quorum`);
				if (node.downAfterMs !== undefined) this.positive(node.downAfterMs, `${path}.downAfterMs`);
				if (node.failoverTimeoutMs !== undefined) this.positive(node.failoverTimeoutMs, `${path}.failoverTimeoutMs`);
			}
			if (node.config !== undefined) this.directives(node.config, `${path}.config`);
		}
	}

	// --- actions and checks ---

	/** The one key of an action or check item, checked against the known kinds. */
	kind<K extends string>(value: unknown, path: string, known: readonly K[], what: string): [K, unknown] {
		const map = this.map(value, path, `one ${what} like {${known[0]}: ...}`);
		const keys = Object.keys(map);
		if (keys.length !== 1) this.fail(path, `one ${what} per list item, found ${keys.length === 0 ? 'none' : list(keys)} (start each with "- ")`);
		const kind = keys[0]!;
		if (!(known as readonly string[]).includes(kind)) this.fail(path, `unknown ${what} "${kind}" (known: ${list(known)})`);
		return [kind as K, map[kind]];
	}

	actions(value: unknown, path: string): void {
		if (!Array.isArray(value)) this.fail(path, value === undefined ? 'required (use [] for none)' : 'must be a list of actions');
		value.forEach((item, index) => this.action(item, `${path}[${index}]`));
	}

	action(item: unknown, path: string): void {
		const [kind, body] = this.kind(item, path, Object.keys(ACTIONS) as ActionKind[], 'action');
		const at = `${path}.${kind}`;
		const shape = ACTIONS[kind];
		if (shape === 'nodes') {
			if (Array.isArray(body)) {
				if (body.length === 0) this.fail(at, 'must name at least one node');
				body.forEach((node, index) => this.node(node, `${at}[${index}]`));
			} else if (isMap(body)) {
				this.fail(at, 'must be a node name or a list of node names, e.g. [master, replica1]');
			} else {
				this.node(body, at);
			}
			return;
		}
		if (shape === 'node') {
			this.node(body, at);
			if ((kind === 'isolate' || kind === 'heal') && this.runtimes.includes('local')) this.fail(at, `${kind} needs the docker runtime: set runtimes: [docker]`);
			return;
		}
		if (shape === 'text') {
			this.text(body, at);
			return;
		}
		const map = this.map(body, at);
		this.only(map, shape, at);
		switch (kind) {
			case 'cli': {
				this.node(map.node, `${at}.node`);
				this.templates(this.text(map.command, `${at}.command`), `${at}.command`);
				break;
			}
			case 'write-config': {
				this.node(map.node, `${at}.node`);
				this.directives(map.set, `${at}.set`);
				break;
			}
			case 'write': {
				this.node(map.node, `${at}.node`, true);
				this.positive(map.count, `${at}.count`);
				const prefix = this.text(map.prefix, `${at}.prefix`);
				if (/\s/.test(prefix)) this.fail(`${at}.prefix`, 'must not contain spaces');
				if (map.id !== undefined) this.text(map.id, `${at}.id`);
				this.writeIds.add(String(map.id ?? prefix));
				break;
			}
			case 'logs': {
				this.node(map.node, `${at}.node`);
				if (map.lines !== undefined) this.positive(map.lines, `${at}.lines`);
				if (map.grep !== undefined) this.regex(map.grep, `${at}.grep`);
				break;
			}
			case 'client-start': {
				this.clientIds.add(this.text(map.id, `${at}.id`));
				if (map.intervalMs !== undefined) this.positive(map.intervalMs, `${at}.intervalMs`);
				break;
			}
			case 'client-stop': {
				const id = this.text(map.id, `${at}.id`);
				if (!this.clientIds.has(id)) this.fail(`${at}.id`, `no client-start with id "${id}" before this action`);
				break;
			}
		}
	}

	checks(value: unknown, path: string, needed: boolean): void {
		if (value === undefined && !needed) return;
		if (!Array.isArray(value)) this.fail(path, value === undefined ? 'required' : 'must be a list of checks');
		if (needed && value.length === 0) this.fail(path, 'must list at least one check');
		value.forEach((item, index) => this.check(item, `${path}[${index}]`));
	}

	check(item: unknown, path: string): void {
		const [kind, body] = this.kind(item, path, Object.keys(CHECKS) as CheckKind[], 'check');
		const at = `${path}.${kind}`;
		const map = this.map(body, at);
		this.only(map, CHECKS[kind], at);
		this.duration(map.within, `${at}.within`);
		switch (kind) {
			case 'role': {
				this.node(map.node, `${at}.node`);
				if (map.is === undefined) this.fail(`${at}.is`, 'required');
				if (!ROLES.includes(String(map.is))) this.fail(`${at}.is`, `must be ${ROLES.slice(0, -1).join(', ')} or ${ROLES.at(-1)}`);
				break;
			}
			case 'info': {
				this.node(map.node, `${at}.node`);
				this.text(map.field, `${at}.field`);
				this.bool(map.grows, `${at}.grows`);
				this.comparison(map, at, map.grows !== true);
				break;
			}
			case 'in-sync': {
				this.node(map.master, `${at}.master`, true);
				break;
			}
			case 'reply': {
				this.node(map.node, `${at}.node`);
				const command = this.text(map.command, `${at}.command`);
				if (command.includes('{{')) this.fail(`${at}.command`, 'templates like {{master.host}} work only in cli actions');
				if (map.equals === undefined && map.matches === undefined && map.error === undefined) this.fail(at, 'needs one of equals, matches, error');
				if (map.equals !== undefined) this.textOrNumber(map, 'equals', `${at}.equals`);
				if (map.matches !== undefined) this.regex(map.matches, `${at}.matches`);
				if (map.error !== undefined) this.regex(map.error, `${at}.error`);
				for (const field of ['equals', 'matches', 'error'] as const) {
					if (typeof map[field] === 'string') this.templates(map[field], `${at}.${field}`);
				}
				break;
			}
			case 'key': {
				this.node(map.node, `${at}.node`, true);
				this.textOrNumber(map, 'key', `${at}.key`);
				this.bool(map.missing, `${at}.missing`);
				if (map.equals !== undefined) this.textOrNumber(map, 'equals', `${at}.equals`);
				if (map.missing === true && map.equals !== undefined) this.fail(at, 'use either equals or missing: true, not both');
				break;
			}
			case 'event': {
				const type = this.text(map.type, `${at}.type`);
				if (!EVENT_TYPE.test(type)) this.fail(`${at}.type`, `not a sentinel event type: "${type}" (e.g. +switch-master, -sdown)`);
				if (map.from !== undefined) {
					const from = this.node(map.from, `${at}.from`);
					if (!isSentinel(from)) this.fail(`${at}.from`, `must name a sentinel, not "${from}"`);
				}
				this.bool(map.absent, `${at}.absent`);
				break;
			}
			case 'sentinel-master': {
				if (map.is === undefined && map.not === undefined) this.fail(at, 'needs is or not');
				if (map.is !== undefined) this.node(map.is, `${at}.is`, true);
				if (map.not !== undefined) this.node(map.not, `${at}.not`, true);
				break;
			}
			case 'writes':
			case 'client': {
				const id = this.text(map.id, `${at}.id`);
				const known = kind === 'writes' ? this.writeIds : this.clientIds;
				if (!known.has(id)) this.fail(`${at}.id`, `no ${kind === 'writes' ? 'write' : 'client-start'} with id "${id}" before this check`);
				const figures = CHECKS[kind].filter((key) => key !== 'id' && key !== 'within');
				if (!figures.some((key) => map[key] !== undefined)) this.fail(at, `needs one of ${list(figures)}`);
				for (const key of figures) if (map[key] !== undefined) this.figure(map[key], `${at}.${key}`);
				break;
			}
		}
	}

	// --- the lab ---

	lab(data: unknown): void {
		if (!isMap(data)) this.fail('', 'must be a map of lab fields (formatVersion, id, title, ...)');
		this.only(data, TOP_FIELDS, '');
		if (data.formatVersion === undefined) this.fail('formatVersion', 'required (formatVersion: 1)');
		if (data.formatVersion !== 1) this.fail('formatVersion', `must be 1, not ${JSON.stringify(data.formatVersion)}`);
		const id = this.text(data.id, 'id');
		if (!SLUG.test(id)) this.fail('id', `must be a slug like sentinel-failover, not "${id}"`);
		this.positive(data.order, 'order');
		this.bilingual(data.title, 'title');
		if (data.section !== undefined) this.bilingual(data.section, 'section');
		this.bilingual(data.summary, 'summary');
		this.positive(data.minutes, 'minutes', false);
		this.runtimeList(data.runtimes);
		this.declareNodes(data.nodes);
		if (data.setup !== undefined) {
			if (!Array.isArray(data.setup)) this.fail('setup', 'must be a list of {do: [...], expect: [...]} blocks');
			data.setup.forEach((raw, index) => {
				this.where = `setup ${index + 1}`;
				const block = this.map(raw, '', 'a map like {do: [...], expect: [...]}');
				this.only(block, ['do', 'expect'], '');
				this.actions(block.do, 'do');
				this.checks(block.expect, 'expect', false);
			});
			this.where = '';
		}
		if (data.steps === undefined) this.fail('steps', 'required');
		if (!Array.isArray(data.steps) || data.steps.length === 0) this.fail('steps', 'must be a list of at least one step');
		const ids = new Set<string>();
		data.steps.forEach((raw, index) => {
			const named = isMap(raw) && typeof raw.id === 'string' ? ` "${raw.id}"` : '';
			this.where = `step ${index + 1}${named}`;
			const step = this.map(raw, '', 'a map of step fields (id, title, text, do, expect)');
			this.only(step, STEP_FIELDS, '');
			const stepId = this.text(step.id, 'id');
			if (!SLUG.test(stepId)) this.fail('id', `must be a slug like stop-master, not "${stepId}"`);
			if (ids.has(stepId)) this.fail('id', `duplicate step id "${stepId}"`);
			ids.add(stepId);
			this.bilingual(step.title, 'title');
			this.bilingual(step.text, 'text');
			if (step.note !== undefined) this.bilingual(step.note, 'note');
			if (step.hint !== undefined) this.bilingual(step.hint, 'hint');
			this.actions(step.do, 'do');
			this.checks(step.expect, 'expect', true);
		});
		this.where = '';
	}

	runtimeList(value: unknown): void {
		if (value === undefined) this.fail('runtimes', 'required ([docker, local] or [docker])');
		if (!Array.isArray(value) || value.length === 0) this.fail('runtimes', 'must be a list: [docker, local] or [docker]');
		value.forEach((item, index) => {
			if (!RUNTIMES.includes(item as string)) this.fail(`runtimes[${index}]`, `unknown runtime "${String(item)}" (known: ${list(RUNTIMES)})`);
			if (this.runtimes.includes(item as string)) this.fail(`runtimes[${index}]`, `"${String(item)}" is listed twice`);
			this.runtimes.push(item as string);
		});
	}
}

/**
 * Checks a parsed lab file and returns it typed, with `file` set. Throws
 * `RedisLabError('LAB_FILE')` with one line naming the file, the step and the field.
 */
export function validateLab(data: unknown, file: string): Lab {
	const copy = structuredClone(data);
	new Validator(file).lab(copy);
	return {...(copy as Omit<Lab, 'file'>), file};
}
