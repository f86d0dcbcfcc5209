/** Who can fix it: the user's machine (environment), what the user typed (input), or redis-lab itself. */
export type ErrorKind = 'environment' | 'input' | 'internal';

interface CodeInfo {
	/** Exit status of the CLI. */
	exit: number;
	kind: ErrorKind;
	/** Shown when the throw site gives no hint of its own. */
	hint?: string;
}

const DOWN_FIRST = 'Stop what uses it, or pick other ports with --base-port (e.g. --base-port 7379).';

/** Every error the CLI and UI know how to explain, in one table. */
export const ERROR_CODES = {
	BAD_INPUT: {exit: 2, kind: 'input'},
	UNKNOWN_LAB: {exit: 2, kind: 'input', hint: 'Run redis-lab list to see the labs.'},
	LAB_FILE: {exit: 2, kind: 'input'},
	PORT_TAKEN: {exit: 1, kind: 'environment', hint: DOWN_FIRST},
	DOCKER_UNREACHABLE: {exit: 1, kind: 'environment', hint: 'Start Docker (Docker Desktop, or dockerd), set DOCKER_HOST to its socket, or use --runtime local with redis-server installed.'},
	DOCKER_LOST: {exit: 1, kind: 'environment', hint: 'Is Docker still running? Restart it, then run: redis-lab down'},
	IMAGE_MISSING: {exit: 1, kind: 'environment', hint: 'Check the network, or pass --image (or REDIS_LAB_IMAGE) naming an image you have (docker images).'},
	NO_RUNTIME: {exit: 1, kind: 'environment', hint: 'Start Docker (or set DOCKER_HOST), or install Redis 7 (apt-get install redis-server redis-sentinel redis-tools) and use --runtime local.'},
	REDIS_BIN_MISSING: {exit: 1, kind: 'environment', hint: 'Install Redis 7 (apt-get install redis-server redis-sentinel redis-tools, or brew install redis), point --redis-bin at its folder, or use --runtime docker.'},
	NEEDS_DOCKER: {exit: 1, kind: 'environment', hint: 'Run this lab with --runtime docker.'},
	LEFTOVERS: {exit: 1, kind: 'environment', hint: 'Run redis-lab down, or start with --clean.'},
	NAME_CONFLICT: {exit: 1, kind: 'environment', hint: 'Pick other names and ports with --base-port (e.g. --base-port 7379).'},
	TIMEOUT: {exit: 1, kind: 'environment'},
	NODE_FAILED: {exit: 1, kind: 'environment'},
	CHECK_FAILED: {exit: 1, kind: 'environment'},
	INTERNAL: {exit: 1, kind: 'internal'},
} as const satisfies Record<string, CodeInfo>;

/** Error codes the CLI and UI know how to explain. */
export type ErrorCode = keyof typeof ERROR_CODES;

/** An error a user can act on: a one-line message, an optional one-line hint, and the cause. */
export class RedisLabError extends Error {
	readonly code: ErrorCode;
	readonly hint?: string;

	constructor(code: ErrorCode, message: string, options: {hint?: string; cause?: unknown} = {}) {
		super(message, {cause: options.cause});
		this.name = 'RedisLabError';
		this.code = code;
		this.hint = options.hint ?? (ERROR_CODES[code] as CodeInfo).hint;
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

/** The message of anything thrown, on one line. */
export function messageOf(error: unknown): string {
	const text = error instanceof Error ? error.message : String(error);
	return text.split('\n')[0]!.trim();
}
