import {z} from 'zod';
import {list} from './fields.js';

/**
 * A list item that is a one-key map naming its kind: `{stop: master}`. Parsed as one map with every
 * kind as an optional key, so a mistake inside a body keeps its path (`do[1].cli.node`).
 */
export function oneKindOf(definitions: ReadonlyArray<{key: string; schema: z.ZodType; summary: string}>, what: 'action' | 'check') {
	const keys = definitions.map((definition) => definition.key);
	const shape = Object.fromEntries(definitions.map((definition) => [definition.key, definition.schema.optional().meta({description: definition.summary})]));
	return z.looseObject(shape, {error: (issue) => (issue.input === undefined ? 'required' : `must be one ${what} like {${keys[0]}: ...}`)})
		.superRefine((item, context) => {
			const found = Object.keys(item);
			if (found.length !== 1) {
				context.addIssue({code: 'custom', message: `one ${what} per list item, found ${found.length === 0 ? 'none' : list(found)} (start each with "- ")`});
			} else if (!keys.includes(found[0]!)) {
				context.addIssue({code: 'custom', message: `unknown ${what} "${found[0]}" (known: ${list(keys)})`});
			}
		})
		.meta({id: what === 'action' ? 'Action' : 'Check', description: `One ${what}: a map with one key naming its kind`, minProperties: 1, maxProperties: 1, additionalProperties: false});
}

type Bodies<Definition extends {key: string; schema: z.ZodType}> = {[D in Definition as D['key']]: z.output<D['schema']>};

/** A one-key item of a registry, typed from its definitions: `{stop: string | string[]} | {cli: {...}} | ...`. */
export type ItemOf<Definition extends {key: string; schema: z.ZodType}> = {[K in keyof Bodies<Definition>]: {[P in K]: Bodies<Definition>[P]}}[keyof Bodies<Definition>];

/** Finds an item's definition by its one key, with the body under it. */
export function lookup<Definition extends {key: string}>(definitions: readonly object[]): (item: object) => {definition: Definition; body: unknown} {
	const byKey = new Map((definitions as Definition[]).map((definition) => [definition.key, definition]));
	return (item) => {
		const kind = Object.keys(item)[0]!;
		return {definition: byKey.get(kind)!, body: (item as Record<string, unknown>)[kind]};
	};
}
