import {z} from 'zod';
import {RedisLabError} from '../../base/errors.js';
import {DEFAULT_PORTS} from '../../topology/topology.js';
import {DEFAULT_TIMINGS, durationExpression, type Timings} from './timings.js';

/** How long a check may take to pass when it gives no `within`. */
export const DEFAULT_WITHIN_MS = 10_000;

/** The node reference that means "whichever node the sentinels report as master now". */
export const CURRENT_MASTER = 'current-master';

/** Node names a lab may declare. */
export const NODE_NAMES = Object.keys(DEFAULT_PORTS) as [string, ...string[]];

export const list = (items: readonly string[]): string => items.join(', ');

/** A message for a field that may be missing: `required` when it is. */
const or = (message: string) => ({error: (issue: {input?: unknown}) => (issue.input === undefined ? 'required' : message)});

/** A strict map: an unknown field names the known ones. */
export function fieldsOf<Shape extends z.ZodRawShape>(shape: Shape, what = 'a map of fields') {
	return z.strictObject(shape, {
		error: (issue) => {
			if (issue.code === 'unrecognized_keys') return `unknown field (known: ${list(Object.keys(shape))})`;
			return issue.input === undefined ? 'required' : `must be ${what}`;
		},
	});
}

/** Non-empty text. */
export const Text = z.string(or('must be text')).refine((text) => text.trim() !== '', 'must not be empty');

/** Text, or a number written without quotes (turned into text). */
export const TextOrNumber = z.union([z.string(), z.number()], or('must be text')).transform(String).pipe(Text);

/** Bilingual text: `{en: ..., zh: ...}`. */
export const Bilingual = fieldsOf({en: Text, zh: Text.optional()}, 'a map like {en: "...", zh: "..."}').meta({id: 'Text', description: 'Text in English, with an optional Simplified Chinese translation'});

/**
 * Where a lesson is backed: a file and a symbol of the server's source (`src/sentinel.c`,
 * `sentinelStartFailover`), or a documentation page for what is not the server's (Docker).
 */
export const Source = fieldsOf({
	file: Text.optional().meta({description: 'Source file, e.g. src/sentinel.c'}),
	symbol: Text.optional().meta({description: 'Function, config option or constant, e.g. sentinelStartFailover'}),
	url: Text.optional().meta({description: 'A documentation page, for behaviour that is not the server\'s (Docker)'}),
	backs: Bilingual.meta({description: 'What this place in the source backs'}),
}, 'a map like {file: src/sentinel.c, symbol: sentinelStartFailover, backs: {en: ..., zh: ...}}')
	.refine((source) => (source.file !== undefined && source.symbol !== undefined) || source.url !== undefined, 'must name a file and a symbol (or a url for documentation)')
	.meta({id: 'Source'});

export const WholeAboveZero = z.number(or('must be a whole number above 0')).int('must be a whole number above 0').positive('must be a whole number above 0');
export const AboveZero = z.number(or('must be a number above 0')).positive('must be a number above 0');
export const AnyNumber = z.number(or('must be a number'));
export const Flag = z.boolean(or('must be true or false'));

/** A regular expression (JavaScript syntax). */
export const Pattern = Text.superRefine((source, context) => {
	try {
		new RegExp(source);
	} catch (error) {
		context.addIssue({code: 'custom', message: `not a valid regular expression: ${(error as Error).message.replace(/^Invalid regular expression: /, '')}`});
	}
});

/** A node reference: a node name or `current-master` (checked against the declared nodes after parsing). */
export const NodeRef = Text.meta({id: 'NodeRef', description: `A declared node (${list(NODE_NAMES)}) or ${CURRENT_MASTER}`});

/** One node or a non-empty list of nodes. */
export const NodeRefs = z.union([NodeRef, z.array(NodeRef).min(1, 'must name at least one node')], {
	error: (issue) => (issue.input === undefined ? 'required' : 'must be a node name or a list of node names, e.g. [master, replica1]'),
}).meta({id: 'NodeRefs', description: 'A node, or a list of nodes: master, [master, replica1]'});

/** The nodes of a one-or-many value, as a list. */
export const listOf = (value: string | string[]): string[] => (Array.isArray(value) ? value : [value]);

const DURATION = /^(\d+(?:\.\d+)?)\s*(ms|s|m)$/;

/**
 * Milliseconds of a duration: a number of ms, text like `500ms`, `10s`, `1.5s`, `2m`, or an
 * expression of the lab's sentinel settings like `down-after + 20s` (default settings unless given).
 */
export function parseDuration(value: Duration, timings: Timings = DEFAULT_TIMINGS): number {
	if (typeof value === 'number' && Number.isFinite(value) && value >= 0) return Math.round(value);
	const match = typeof value === 'string' ? DURATION.exec(value.trim()) : null;
	if (!match && typeof value === 'string') return durationExpression(value, timings);
	if (!match) throw new RedisLabError('LAB_FILE', `bad duration "${String(value)}" (use 500ms, 10s or 2m)`);
	const amount = Number(match[1]);
	return Math.round(match[2] === 'ms' ? amount : match[2] === 's' ? amount * 1000 : amount * 60_000);
}

/** A duration: milliseconds, or text like `10s`, `500ms`, `2m`. */
export const Duration = z.union([z.number(), z.string()]).superRefine((value, context) => {
	try {
		parseDuration(value);
	} catch (error) {
		context.addIssue({code: 'custom', message: (error as Error).message});
	}
}).meta({id: 'Duration', description: 'Milliseconds, or text like 500ms, 10s, 2m, or down-after + 20s (the lab\'s sentinel settings)'});
export type Duration = z.infer<typeof Duration>;

/** Bounds of a value: `info` checks and the figures of `writes` and `client` checks. */
export const COMPARISON_KEYS = ['equals', 'matches', 'atLeast', 'atMost'] as const;
export const comparisonShape = {
	equals: z.union([z.string(), z.number(), z.boolean()], {error: 'must be text, a number or true/false'}).optional(),
	matches: Pattern.optional(),
	atLeast: AnyNumber.optional(),
	atMost: AnyNumber.optional(),
};
export interface Comparison {
	equals?: string | number | boolean;
	matches?: string;
	atLeast?: number;
	atMost?: number;
}

export const hasBound = (value: Comparison): boolean => COMPARISON_KEYS.some((key) => value[key] !== undefined);

/** A figure's bounds, e.g. `lost: {equals: 0}`. */
export const Figure = fieldsOf(comparisonShape, 'a comparison like {equals: 0} or {atLeast: 1}').refine(hasBound, `needs one of ${list(COMPARISON_KEYS)}`).meta({id: 'Figure', description: 'Bounds of a figure, e.g. {equals: 0} or {atLeast: 1}'});

/** Config directives: directive -> text or number. */
export const Directives = z.record(z.string(), z.union([z.string(), z.number()], {error: 'must be text or a number (write "yes"/"no" in quotes)'}), or('must be a map of directives like {min-replicas-to-write: 1}'))
	.refine((map) => Object.keys(map).length > 0, 'must set at least one directive').meta({id: 'Directives', description: 'Config directives, e.g. {min-replicas-to-write: 1}'});

/** `within`, the time a check may take: every check has it. */
export const within = {within: Duration.optional()};
