import type {Lang} from '../../i18n/index.js';
import {both} from '../../i18n/index.js';
import {ENGINE} from '../../i18n/engine.js';

/** A sentence in both languages. */
export interface Said {
	en: string;
	zh: string;
}

/** Who can fix it: the user's machine (environment), what the user typed (input), or redis-lab itself. */
export type ErrorKind = 'environment' | 'input' | 'internal';

interface CodeInfo {
	/** Exit status of the CLI. */
	exit: number;
	kind: ErrorKind;
	/** Shown when the throw site gives no hint of its own. */
	hint?: Said;
}

/** Every error the CLI and UI know how to explain, in one table. */
export const ERROR_CODES = {
	BAD_INPUT: {exit: 2, kind: 'input'},
	UNKNOWN_LAB: {exit: 2, kind: 'input', hint: both(ENGINE.list)},
	LAB_FILE: {exit: 2, kind: 'input'},
	PORT_TAKEN: {exit: 1, kind: 'environment', hint: both(ENGINE.ports)},
	DOCKER_UNREACHABLE: {exit: 1, kind: 'environment', hint: both(ENGINE.startDocker)},
	DOCKER_LOST: {exit: 1, kind: 'environment', hint: both(ENGINE.restartDocker)},
	IMAGE_MISSING: {exit: 1, kind: 'environment', hint: both(ENGINE.image)},
	NO_RUNTIME: {exit: 1, kind: 'environment', hint: both(ENGINE.startDockerOrRedis)},
	REDIS_BIN_MISSING: {exit: 1, kind: 'environment', hint: both(ENGINE.redisBin)},
	NEEDS_DOCKER: {exit: 1, kind: 'environment', hint: both(ENGINE.needsDocker)},
	LEFTOVERS: {exit: 1, kind: 'environment', hint: both(ENGINE.leftovers)},
	NAME_CONFLICT: {exit: 1, kind: 'environment', hint: both(ENGINE.otherPorts)},
	TIMEOUT: {exit: 1, kind: 'environment'},
	NODE_FAILED: {exit: 1, kind: 'environment'},
	CHECK_FAILED: {exit: 1, kind: 'environment'},
	INTERNAL: {exit: 1, kind: 'internal'},
} as const satisfies Record<string, CodeInfo>;

/** Error codes the CLI and UI know how to explain. */
export type ErrorCode = keyof typeof ERROR_CODES;

/** Codes whose text may be English alone: lab-file mistakes (field names are English) and bugs. */
type EnglishOnly = 'LAB_FILE' | 'INTERNAL';

const asSaid = (text: string | Said): Said => (typeof text === 'string' ? {en: text, zh: text} : text);

/**
 * An error a user can act on: a one-line message, an optional one-line hint, and the cause.
 * Both are said in English and Chinese; `message` and `hint` are the English.
 */
export class RedisLabError extends Error {
	readonly code: ErrorCode;
	readonly said: Said;
	readonly hintSaid?: Said;

	constructor(code: EnglishOnly, message: string | Said, options?: {hint?: string | Said; cause?: unknown});
	constructor(code: Exclude<ErrorCode, EnglishOnly>, message: Said, options?: {hint?: Said; cause?: unknown});
	constructor(code: ErrorCode, message: string | Said, options: {hint?: string | Said; cause?: unknown} = {}) {
		const said = asSaid(message);
		super(said.en, {cause: options.cause});
		this.name = 'RedisLabError';
		this.code = code;
		this.said = said;
		const hint = options.hint ?? (ERROR_CODES[code] as CodeInfo).hint;
		this.hintSaid = hint === undefined ? undefined : asSaid(hint);
	}

	get hint(): string | undefined {
		return this.hintSaid?.en;
	}
}

export function isRedisLabError(error: unknown): error is RedisLabError {
	return error instanceof RedisLabError;
}

/** The CLI's exit status for anything thrown: 2 for bad input, 1 otherwise. */
export function exitStatusOf(error: unknown): number {
	return error instanceof RedisLabError ? ERROR_CODES[error.code].exit : 1;
}

/** Whether the user's input (environment: their machine) is what to fix. */
export function errorKindOf(error: unknown): ErrorKind {
	return error instanceof RedisLabError ? ERROR_CODES[error.code].kind : 'internal';
}

/** The message of anything thrown, on one line, in `lang` when it was said in both. */
export function messageOf(error: unknown, lang: Lang = 'en'): string {
	const text = error instanceof RedisLabError ? error.said[lang] : error instanceof Error ? error.message : String(error);
	return text.split('\n')[0]!.trim();
}

/** The hint of anything thrown, in `lang`. */
export function hintOf(error: unknown, lang: Lang = 'en'): string | undefined {
	return error instanceof RedisLabError ? error.hintSaid?.[lang] : undefined;
}

/** Message and hint of anything thrown, in both languages (for state the UI renders later). */
export function saidOf(error: unknown): {message: Said; hint?: Said} {
	return {message: {en: messageOf(error, 'en'), zh: messageOf(error, 'zh')}, hint: error instanceof RedisLabError ? error.hintSaid : undefined};
}
