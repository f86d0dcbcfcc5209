import type {z} from 'zod';
import {RedisLabError} from '../../base/errors.js';
import {crossCheck, type Problem} from './cross-check.js';
import type {FieldPath} from '../define/define.js';
import {LabFile} from './lab-schema.js';
import type {Lab} from './types.js';

export {actionKind} from '../actions/registry.js';
export {checkKind, checkWithin, describeCheck} from '../checks/registry.js';
export {CURRENT_MASTER, DEFAULT_WITHIN_MS, NODE_NAMES, parseDuration} from '../define/fields.js';

const HINT = 'labs/README.md describes every field.';

/** `do[1].cli.node`, `runtimes[1]`, `title.en`. */
function fieldPath(path: FieldPath): string {
	return path.reduce<string>((text, part) => (typeof part === 'number' ? `${text}[${part}]` : text ? `${text}.${part}` : part), '');
}

/** Messages for issues no schema names itself. */
function fallback(issue: z.core.$ZodRawIssue): string | undefined {
	if (issue.input === undefined) return 'required';
	if (issue.code !== 'invalid_type') return undefined;
	const expected: Record<string, string> = {string: 'must be text', number: 'must be a number', boolean: 'must be true or false', object: 'must be a map of fields', array: 'must be a list'};
	return expected[issue.expected];
}

/** A zod issue as a problem: the step or setup block it is in, then the field. */
function problemOf(issue: z.core.$ZodIssue, data: unknown): Problem {
	const path = [...issue.path] as FieldPath;
	if (issue.code === 'unrecognized_keys') path.push(issue.keys[0]!);
	const [section, index] = path;
	if ((section === 'steps' || section === 'setup') && typeof index === 'number') {
		const raw = section === 'steps' ? (data as {steps?: Array<{id?: unknown}>}).steps?.[index] : undefined;
		const named = raw && typeof raw === 'object' && typeof raw.id === 'string' ? ` "${raw.id}"` : '';
		return {where: section === 'steps' ? `step ${index + 1}${named}` : `setup ${index + 1}`, path: path.slice(2), message: issue.message};
	}
	return {where: '', path, message: issue.message};
}

const within = (outer: readonly PropertyKey[], inner: readonly PropertyKey[]): boolean => outer.every((part, index) => inner[index] === part);

/** Issues in reading order: an unknown field first in its map (it often explains the rest). */
function ordered(issues: z.core.$ZodIssue[]): z.core.$ZodIssue[] {
	const rank = (issue: z.core.$ZodIssue, index: number): number => (issue.code === 'unrecognized_keys' ? Math.min(index, issues.findIndex((other) => within(issue.path, other.path))) - 0.5 : index);
	return issues.map((issue, index) => ({issue, rank: rank(issue, index)})).sort((a, b) => a.rank - b.rank).map(({issue}) => issue);
}

/** Edits (insert, delete, replace) between two short words. */
function distance(a: string, b: string): number {
	let row = Array.from({length: b.length + 1}, (_, index) => index);
	for (const [i, charA] of [...a].entries()) {
		const next = [i + 1];
		for (const [j, charB] of [...b].entries()) next.push(Math.min(row[j + 1]! + 1, next[j]! + 1, row[j]! + (charA === charB ? 0 : 1)));
		row = next;
	}
	return row[b.length]!;
}

/**
 * A misspelt field is one mistake, not two: an unknown field that is one or two edits from a
 * missing required field of the same map says "did you mean" and the "required" line goes.
 */
function mergeTypos(issues: z.core.$ZodIssue[]): z.core.$ZodIssue[] {
	const dropped = new Set<z.core.$ZodIssue>();
	const merged = issues.map((issue) => {
		if (issue.code !== 'unrecognized_keys') return issue;
		const unknown = issue.keys[0]!;
		const missing = issues.find((other) => other.message === 'required' && other.path.length === issue.path.length + 1 && within(issue.path, other.path) && distance(String(other.path.at(-1)), unknown) <= Math.min(2, unknown.length - 1));
		if (!missing) return issue;
		dropped.add(missing);
		return {...issue, message: `unknown field, did you mean ${String(missing.path.at(-1))}? ${issue.message.replace(/^unknown field /, '')}`};
	});
	return merged.filter((issue) => !dropped.has(issue));
}

/** One line: `<file>: [step N "id": | setup N: ]<field path>: <what is wrong>`. */
export function lineOf(file: string, problem: Problem): string {
	return `${[file, problem.where, fieldPath(problem.path)].filter(Boolean).join(': ')}: ${problem.message}`;
}

/** Every mistake of a parsed lab file, one line each (shape first; the rules between fields once the shape is right). */
export function labProblems(data: unknown, file: string): {lab?: Lab; lines: string[]} {
	const parsed = LabFile.safeParse(data, {error: fallback});
	if (!parsed.success) return {lines: mergeTypos(ordered(parsed.error.issues)).map((issue) => lineOf(file, problemOf(issue, data)))};
	const lines = crossCheck(parsed.data as Omit<Lab, 'file'>).map((problem) => lineOf(file, problem));
	return {lab: {...(parsed.data as Omit<Lab, 'file'>), file}, lines};
}

/**
 * Checks a parsed lab file and returns it typed, with `file` set. Throws
 * `RedisLabError('LAB_FILE')` with one line naming the file, the step and the field.
 */
export function validateLab(data: unknown, file: string): Lab {
	const {lab, lines} = labProblems(data, file);
	if (!lab || lines.length > 0) throw new RedisLabError('LAB_FILE', lines[0]!, {hint: HINT});
	return lab;
}
