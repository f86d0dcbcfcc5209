import {kindOf} from '../topology.js';
import {actionOf} from './actions.js';
import {checkOf} from './checks.js';
import type {FieldPath, IdKind, IdUse, NodeUse} from './define.js';
import {CURRENT_MASTER, list} from './fields.js';
import {TEXT_TEMPLATE_NAMES} from './timings.js';
import type {Action, Check, Lab} from './types.js';

/** One problem: where (`step 2 "id"`, `setup 1` or ''), the field path, and what is wrong. */
export interface Problem {
	where: string;
	path: FieldPath;
	message: string;
}

const TEMPLATE = /\{\{([^}]*)\}\}/g;
const SENTINEL_FIELDS = ['monitor', 'quorum', 'downAfterMs', 'failoverTimeoutMs'] as const;
const isSentinel = (name: string): boolean => kindOf(name) === 'sentinel';
const ID_SOURCE: Record<IdKind, string> = {write: 'write', client: 'client-start', container: 'docker-run'};

/**
 * The rules between fields, after the file has its shape: nodes are declared, ids are made
 * before they are used, docker-only actions only in docker labs, step ids are unique.
 */
export function crossCheck(lab: Omit<Lab, 'file'>): Problem[] {
	const problems: Problem[] = [];
	const declared = Object.keys(lab.nodes);
	const known: Record<IdKind, Set<string>> = {write: new Set(), client: new Set(), container: new Set()};
	let where = '';
	const problem = (path: FieldPath, message: string) => problems.push({where, path, message});

	lab.runtimes.forEach((runtime, index) => {
		if (lab.runtimes.indexOf(runtime) !== index) problem(['runtimes', index], `"${runtime}" is listed twice`);
	});
	for (const [name, node] of Object.entries(lab.nodes)) {
		const at = (field: string): FieldPath => ['nodes', name, field];
		if (node.replicaof !== undefined) {
			if (isSentinel(name)) problem(at('replicaof'), 'only Redis servers replicate; a sentinel uses monitor');
			else if (!declared.includes(node.replicaof) || isSentinel(node.replicaof)) problem(at('replicaof'), `must name a declared Redis server, not "${node.replicaof}"`);
			else if (node.replicaof === name) problem(at('replicaof'), 'a node cannot replicate itself');
		}
		if (!isSentinel(name)) {
			for (const field of SENTINEL_FIELDS) if (node[field] !== undefined) problem(at(field), 'only sentinels have this field');
			continue;
		}
		const target = node.monitor ?? 'master';
		if (!declared.includes(target) || isSentinel(target)) problem(at('monitor'), node.monitor === undefined ? 'required (no master node is declared)' : `must name a declared Redis server, not "${target}"`);
	}

	const nodes = (uses: NodeUse[], base: FieldPath) => {
		for (const {path, ref, must} of uses) {
			const at = [...base, ...path];
			if (must === 'sentinel' && !isSentinel(ref)) {
				problem(at, declared.includes(ref) || ref === CURRENT_MASTER ? `must name a sentinel, not "${ref}"` : unknownNode(ref, declared));
			} else if (ref !== CURRENT_MASTER && !declared.includes(ref)) {
				problem(at, unknownNode(ref, declared));
			} else if (must === 'server' && ref !== CURRENT_MASTER && isSentinel(ref)) {
				problem(at, `must be a Redis server, not the sentinel "${ref}"`);
			}
		}
	};
	const templates = (texts: Array<{path: FieldPath; text: string}>, base: FieldPath) => {
		for (const {path, text} of texts) {
			for (const [whole, inner] of text.matchAll(TEMPLATE)) {
				const match = /^\s*([\w-]+)\.(host|port)\s*$/.exec(inner!);
				if (!match) problem([...base, ...path], `bad template "${whole}" (use {{node.host}} or {{node.port}})`);
				else if (match[1] !== CURRENT_MASTER && !declared.includes(match[1]!)) problem([...base, ...path], `unknown node "${match[1]}" in "${whole}" (declared: ${list(declared)}, or ${CURRENT_MASTER})`);
			}
		}
	};
	const needs = (uses: IdUse[], base: FieldPath, what: 'action' | 'check') => {
		for (const {kind, id, path} of uses) {
			if (!known[kind].has(id)) problem([...base, ...path], `no ${ID_SOURCE[kind]} with id "${id}" before this ${what}`);
		}
	};
	/** Docker-only kinds are fine in a step marked `runtimes: [docker]`. */
	let dockerStep = false;
	const dockerOnly = (base: FieldPath, key: string) => {
		if (lab.runtimes.includes('local') && !dockerStep) problem(base, `${key} needs the docker runtime: set runtimes: [docker] on the lab or on this step`);
	};
	const actions = (items: Action[]) => items.forEach((action, index) => {
		const {definition, body} = actionOf(action);
		const base = ['do', index, definition.key];
		nodes(definition.nodes?.(body) ?? [], base);
		templates(definition.templates?.(body) ?? [], base);
		if (definition.dockerOnly) dockerOnly(base, definition.key);
		needs(definition.needs?.(body) ?? [], base, 'action');
		const declares = definition.declares?.(body);
		if (declares) known[declares.kind].add(declares.id);
	});
	const checks = (items: Check[]) => items.forEach((check, index) => {
		const {definition, body} = checkOf(check);
		const base = ['expect', index, definition.key];
		nodes(definition.nodes?.(body) ?? [], base);
		templates(definition.templates?.(body) ?? [], base);
		if (definition.dockerOnly) dockerOnly(base, definition.key);
		needs(definition.needs?.(body) ?? [], base, 'check');
		within(body.within, [...base, 'within']);
	});

	const sentinelDeclared = declared.some(isSentinel);
	/** `within: down-after + 20s` needs a sentinel to take the setting from. */
	const within = (value: unknown, at: FieldPath) => {
		if (typeof value === 'string' && /[a-z]{2}/.test(value.replace(/\d+(\.\d+)?\s*(ms|s|m)\b/g, '')) && !sentinelDeclared) problem(at, 'names a sentinel setting, but the lab declares no sentinel');
	};
	/** `{{sentinel.down-after}}` and the like in texts a learner reads. */
	const narrative = (texts: Array<[string, {en: string; zh?: string} | undefined]>) => {
		for (const [field, text] of texts) {
			for (const [lang, value] of Object.entries(text ?? {})) {
				for (const [whole, inner] of (value ?? '').matchAll(TEMPLATE)) {
					const name = /^\s*sentinel\.([\w-]+)\s*$/.exec(inner!)?.[1];
					if (name === undefined || !(TEXT_TEMPLATE_NAMES as readonly string[]).includes(name)) problem([field, lang], `bad template "${whole}" (known: ${TEXT_TEMPLATE_NAMES.map((known) => `{{sentinel.${known}}}`).join(', ')})`);
					else if (!sentinelDeclared) problem([field, lang], `"${whole}" needs a sentinel, but the lab declares none`);
				}
			}
		}
	};
	(lab.setup ?? []).forEach((block, index) => {
		where = `setup ${index + 1}`;
		actions(block.do);
		checks(block.expect ?? []);
	});
	const ids = new Set<string>();
	lab.steps.forEach((step, index) => {
		where = `step ${index + 1} "${step.id}"`;
		if (ids.has(step.id)) problem(['id'], `duplicate step id "${step.id}"`);
		ids.add(step.id);
		narrative([['title', step.title], ['text', step.text], ['note', step.note], ['hint', step.hint]]);
		dockerStep = step.runtimes !== undefined && !step.runtimes.includes('local');
		(step.runtimes ?? []).forEach((runtime, at) => {
			if (!lab.runtimes.includes(runtime)) problem(['runtimes', at], `"${runtime}" is not one of the lab's runtimes`);
		});
		actions(step.do);
		checks(step.expect);
		dockerStep = false;
	});
	return problems;
}

function unknownNode(ref: string, declared: string[]): string {
	return `unknown node "${ref}" (declared: ${list(declared)}, or ${CURRENT_MASTER})`;
}
