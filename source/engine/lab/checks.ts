import {z} from 'zod';
import {messageOf} from '../errors.js';
import {client} from './checks/client.js';
import {configFile} from './checks/config-file.js';
import {event} from './checks/event.js';
import {info} from './checks/info.js';
import {inSync} from './checks/in-sync.js';
import {key} from './checks/key.js';
import {log} from './checks/log.js';
import {reach} from './checks/reach.js';
import {reply} from './checks/reply.js';
import {role} from './checks/role.js';
import {sentinelMaster} from './checks/sentinel-master.js';
import {writes} from './checks/writes.js';
import type {CheckContext, CheckDefinition} from './define.js';
import {DEFAULT_WITHIN_MS, parseDuration, type Duration} from './fields.js';
import {lookup, oneKindOf, type ItemOf} from './one-kind.js';
import type {Verdict} from './verdict.js';

export type {CheckContext, WriteRecord} from './define.js';
export {compare, normaliseReply, readNumber, roleOf, countMissing, type Verdict} from './verdict.js';

/** Every check kind, in the order the authoring guide lists them. Adding a kind: one file in checks/, one entry here. */
export const CHECKS = [role, info, inSync, reply, key, event, sentinelMaster, writes, client, configFile, log, reach] as const;

export type CheckKind = (typeof CHECKS)[number]['key'];

/** A check of a step: a one-key map in YAML, e.g. `- role: {node: replica1, is: slave}`. */
export type Check = ItemOf<(typeof CHECKS)[number]>;

/** The schema of one check item: exactly one known key. */
export const CheckItem = oneKindOf(CHECKS, 'check') as unknown as z.ZodType<Check>;

/** The kind of a check: its one key, e.g. `role`. */
export const checkKind = (check: Check): CheckKind => Object.keys(check)[0] as CheckKind;

/** A check's definition and body (every body may have `within`). */
export const checkOf = lookup<CheckDefinition>(CHECKS) as (check: Check) => {definition: CheckDefinition; body: {within?: Duration}};

/** Milliseconds a check may take to pass (its `within`, else the default). */
export function checkWithin(check: Check): number {
	const {within} = checkOf(check).body;
	return within === undefined ? DEFAULT_WITHIN_MS : parseDuration(within);
}

/** A short label for a check in the learner's language, e.g. `replica1 role is slave`. */
export function describeCheck(check: Check, lang: 'en' | 'zh' = 'en'): string {
	const {definition, body} = checkOf(check);
	return definition.describe(body, lang);
}

/** Evaluates one check once; an error becomes a failed verdict. */
export async function evaluate(check: Check, context: CheckContext): Promise<Verdict> {
	const {definition, body} = checkOf(check);
	try {
		return await definition.evaluate(body, context);
	} catch (error) {
		return {ok: false, detail: messageOf(error, context.lang)};
	}
}
