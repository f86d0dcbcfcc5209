import {kindOf} from '../../topology/topology.js';
import {actionOf} from '../actions/registry.js';
import {checkOf} from '../checks/registry.js';
import type {FieldPath, IdKind, IdUse, NodeUse} from '../define/define.js';
import {CURRENT_MASTER, list} from '../define/fields.js';
import {TEXT_TEMPLATE_NAMES} from '../define/timings.js';
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

/** The part of an action or check definition the rules between fields read. */
interface KindRules<Body> {
	key: string;
	dockerOnly?: boolean;
	nodes?: (body: Body) => NodeUse[];
	templates?: (body: Body) => Array<{path: FieldPath; text: string}>;
	needs?: (body: Body) => IdUse[];
}

type Narrative = {en: string; zh?: string} | undefined;

/** Walks one lab in reading order, keeping what the rules need: where it is, the ids made so far. */
class CrossChecker {
	readonly problems: Problem[] = [];
	private readonly declared: string[];
	private readonly sentinelDeclared: boolean;
	private readonly known: Record<IdKind, Set<string>> = {write: new Set(), client: new Set(), container: new Set()};
	private where = '';
	/** Docker-only kinds are fine in a step marked `runtimes: [docker]`. */
	private dockerStep = false;

	constructor(private readonly lab: Omit<Lab, 'file'>) {
		this.declared = Object.keys(lab.nodes);
		this.sentinelDeclared = this.declared.some(isSentinel);
	}

	private problem(path: FieldPath, message: string): void {
		this.problems.push({where: this.where, path, message});
	}

	runtimes(): void {
		this.lab.runtimes.forEach((runtime, index) => {
			if (this.lab.runtimes.indexOf(runtime) !== index) this.problem(['runtimes', index], `"${runtime}" is listed twice`);
		});
	}

	nodeDeclarations(): void {
		for (const [name, node] of Object.entries(this.lab.nodes)) {
			const at = (field: string): FieldPath => ['nodes', name, field];
			if (node.replicaof !== undefined) {
				if (isSentinel(name)) this.problem(at('replicaof'), 'only Redis servers replicate; a sentinel uses monitor');
				else if (!this.declared.includes(node.replicaof) || isSentinel(node.replicaof)) this.problem(at('replicaof'), `must name a declared Redis server, not "${node.replicaof}"`);
				else if (node.replicaof === name) this.problem(at('replicaof'), 'a node cannot replicate itself');
			}
			if (!isSentinel(name)) {
				for (const field of SENTINEL_FIELDS) if (node[field] !== undefined) this.problem(at(field), 'only sentinels have this field');
				continue;
			}
			const target = node.monitor ?? 'master';
			if (!this.declared.includes(target) || isSentinel(target)) this.problem(at('monitor'), node.monitor === undefined ? 'required (no master node is declared)' : `must name a declared Redis server, not "${target}"`);
		}
	}

	private nodeUses(uses: NodeUse[], base: FieldPath): void {
		for (const {path, ref, must} of uses) {
			const at = [...base, ...path];
			if (must === 'sentinel' && !isSentinel(ref)) this.problem(at, this.declared.includes(ref) || ref === CURRENT_MASTER ? `must name a sentinel, not "${ref}"` : unknownNode(ref, this.declared));
			else if (ref !== CURRENT_MASTER && !this.declared.includes(ref)) this.problem(at, unknownNode(ref, this.declared));
			else if (must === 'server' && ref !== CURRENT_MASTER && isSentinel(ref)) this.problem(at, `must be a Redis server, not the sentinel "${ref}"`);
		}
	}

	/** `{{node.host}}` and `{{node.port}}` in commands and values. */
	private templates(texts: Array<{path: FieldPath; text: string}>, base: FieldPath): void {
		for (const {path, text} of texts) {
			for (const [whole, inner] of text.matchAll(TEMPLATE)) {
				const match = /^\s*([\w-]+)\.(host|port)\s*$/.exec(inner!);
				if (!match) this.problem([...base, ...path], `bad template "${whole}" (use {{node.host}} or {{node.port}})`);
				else if (match[1] !== CURRENT_MASTER && !this.declared.includes(match[1]!)) this.problem([...base, ...path], `unknown node "${match[1]}" in "${whole}" (declared: ${list(this.declared)}, or ${CURRENT_MASTER})`);
			}
		}
	}

	private needs(uses: IdUse[], base: FieldPath, what: 'action' | 'check'): void {
		for (const {kind, id, path} of uses) if (!this.known[kind].has(id)) this.problem([...base, ...path], `no ${ID_SOURCE[kind]} with id "${id}" before this ${what}`);
	}

	private dockerOnly(base: FieldPath, key: string): void {
		if (this.lab.runtimes.includes('local') && !this.dockerStep) this.problem(base, `${key} needs the docker runtime: set runtimes: [docker] on the lab or on this step`);
	}

	/** `within: down-after + 20s` needs a sentinel to take the setting from. */
	private within(value: unknown, at: FieldPath): void {
		if (typeof value === 'string' && /[a-z]{2}/.test(value.replace(/\d+(\.\d+)?\s*(ms|s|m)\b/g, '')) && !this.sentinelDeclared) this.problem(at, 'names a sentinel setting, but the lab declares no sentinel');
	}

	/** What every action and check kind declares of itself: the nodes it names, its templates, docker only, the ids it needs. */
	private kindRules<Body>(definition: KindRules<Body>, body: Body, base: FieldPath, what: 'action' | 'check'): void {
		this.nodeUses(definition.nodes?.(body) ?? [], base);
		this.templates(definition.templates?.(body) ?? [], base);
		if (definition.dockerOnly) this.dockerOnly(base, definition.key);
		this.needs(definition.needs?.(body) ?? [], base, what);
	}

	actions(items: Action[]): void {
		items.forEach((action, index) => {
			const {definition, body} = actionOf(action);
			this.kindRules(definition, body, ['do', index, definition.key], 'action');
			const declares = definition.declares?.(body);
			if (declares) this.known[declares.kind].add(declares.id);
		});
	}

	checks(items: Check[]): void {
		items.forEach((check, index) => {
			const {definition, body} = checkOf(check);
			const base = ['expect', index, definition.key];
			this.kindRules(definition, body, base, 'check');
			this.within(body.within, [...base, 'within']);
		});
	}

	/** `{{sentinel.down-after}}` and the like in texts a learner reads. */
	private narrative(texts: Array<[string, Narrative]>): void {
		for (const [field, text] of texts) {
			for (const [lang, value] of Object.entries(text ?? {})) {
				for (const [whole, inner] of (value ?? '').matchAll(TEMPLATE)) {
					const name = /^\s*sentinel\.([\w-]+)\s*$/.exec(inner!)?.[1];
					if (name === undefined || !(TEXT_TEMPLATE_NAMES as readonly string[]).includes(name)) this.problem([field, lang], `bad template "${whole}" (known: ${TEXT_TEMPLATE_NAMES.map((known) => `{{sentinel.${known}}}`).join(', ')})`);
					else if (!this.sentinelDeclared) this.problem([field, lang], `"${whole}" needs a sentinel, but the lab declares none`);
				}
			}
		}
	}

	setup(): void {
		(this.lab.setup ?? []).forEach((block, index) => {
			this.where = `setup ${index + 1}`;
			this.actions(block.do);
			this.checks(block.expect ?? []);
		});
	}

	steps(): void {
		const ids = new Set<string>();
		this.lab.steps.forEach((step, index) => {
			this.where = `step ${index + 1} "${step.id}"`;
			if (ids.has(step.id)) this.problem(['id'], `duplicate step id "${step.id}"`);
			ids.add(step.id);
			this.narrative([['title', step.title], ['text', step.text], ['note', step.note], ['hint', step.hint]]);
			this.dockerStep = step.runtimes !== undefined && !step.runtimes.includes('local');
			(step.runtimes ?? []).forEach((runtime, at) => {
				if (!this.lab.runtimes.includes(runtime)) this.problem(['runtimes', at], `"${runtime}" is not one of the lab's runtimes`);
			});
			this.actions(step.do);
			this.checks(step.expect);
			this.dockerStep = false;
		});
	}
}

/**
 * The rules between fields, after the file has its shape: nodes are declared, ids are made
 * before they are used, docker-only actions only in docker labs, step ids are unique.
 */
export function crossCheck(lab: Omit<Lab, 'file'>): Problem[] {
	const checker = new CrossChecker(lab);
	checker.runtimes();
	checker.nodeDeclarations();
	checker.setup();
	checker.steps();
	return checker.problems;
}

/**
 * `redis-lab lint`'s rule that a lesson is traceable: every step with narrative names, in
 * `sources`, where in the server's source (or Docker's documentation) it rests. Not part of
 * crossCheck: a lab without sources still loads and runs.
 */
export function sourceProblems(lab: Pick<Lab, 'steps'>): Problem[] {
	return lab.steps.flatMap((step, index) => (step.text && !step.sources?.length
		? [{where: `step ${index + 1} "${step.id}"`, path: ['sources'], message: 'required: name where in Redis\'s source (file and symbol), or for Docker behaviour which documentation page (url), this step\'s lesson rests'}]
		: []));
}

function unknownNode(ref: string, declared: string[]): string {
	return `unknown node "${ref}" (declared: ${list(declared)}, or ${CURRENT_MASTER})`;
}
