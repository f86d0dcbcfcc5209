import {z} from 'zod';
import {messageOf} from '../../base/errors.js';
import {client} from './client.js';
import {configFile} from './config-file.js';
import {event} from './event.js';
import {info} from './info.js';
import {inSync} from './in-sync.js';
import {key} from './key.js';
import {log} from './log.js';
import {reach} from './reach.js';
import {reply} from './reply.js';
import {restarted} from './restarted.js';
import {role} from './role.js';
import {sentinelMaster} from './sentinel-master.js';
import {writes} from './writes.js';
import type {CheckContext, CheckDefinition} from '../define/define.js';
import {DEFAULT_WITHIN_MS, parseDuration, type Duration} from '../define/fields.js';
import {lookup, oneKindOf, type ItemOf} from '../define/one-kind.js';
import type {Verdict} from '../define/verdict.js';

export type {CheckContext, WriteRecord} from '../define/define.js';
export {compare, normaliseReply, readNumber, roleOf, countMissing, type Verdict} from '../define/verdict.js';

/** Every check kind, in the order the authoring guide lists them. Adding a kind: one file in checks/, one entry here. */
export const CHECKS = [role, info, inSync, reply, key, event, sentinelMaster, writes, client, configFile, log, reach, restarted] as const;

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
