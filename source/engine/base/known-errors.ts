import {RedisLabError, messageOf, type ErrorCode, type Said} from './errors.js';
import {both} from '../../i18n/index.js';
import {ENGINE} from '../../i18n/engine.js';

/** Where a raw error came from, for the message. */
export interface ErrorContext {
	/** The Docker daemon's address, e.g. /var/run/docker.sock. */
	dockerHost?: string;
	/** The port an operation used, e.g. the one a container publishes. */
	port?: number;
	/** The container the operation creates. */
	name?: string;
	/** The image the operation needs. */
	image?: string;
}

/** One known raw error: when it matches, what RedisLabError it becomes. */
interface Matcher {
	test(error: RawError, context: ErrorContext): boolean;
	make(error: RawError, context: ErrorContext): {code: Exclude<ErrorCode, 'INTERNAL' | 'LAB_FILE'>; message: Said; hint?: Said};
}

type RawError = {code?: string; statusCode?: number; message: string; address?: string; port?: number};

function raw(error: unknown): RawError {
	const fields = (error ?? {}) as {code?: unknown; statusCode?: unknown; address?: unknown; port?: unknown; json?: {message?: string}};
	const text = fields.json?.message ?? messageOf(error);
	return {
		code: typeof fields.code === 'string' ? fields.code : undefined,
		statusCode: typeof fields.statusCode === 'number' ? fields.statusCode : undefined,
		message: text.replace(/^\(HTTP code \d+\)\s*/, ''),
		address: typeof fields.address === 'string' ? fields.address : undefined,
		port: typeof fields.port === 'number' ? fields.port : undefined,
	};
}

const LOST_CODES = new Set(['ENOENT', 'ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH']);

/** Raw dockerode errors (socket errors, HTTP status codes, daemon messages), first match wins. */
const DOCKER_MATCHERS: Matcher[] = [
	{
		test: (error) => error.code === 'EACCES',
		make: (error, context) => ({code: 'DOCKER_UNREACHABLE', message: both(ENGINE.socketDenied, {socket: context.dockerHost ?? error.address ?? ''}), hint: both(ENGINE.dockerGroup)}),
	},
	{
		test: (error) => error.code !== undefined && LOST_CODES.has(error.code),
		make: (error) => ({code: 'DOCKER_LOST', message: both(ENGINE.dockerLostRaw, {reason: error.message}), hint: both(ENGINE.restartDocker)}),
	},
	{
		test: (error) => /port is already allocated|address already in use/i.test(error.message),
		make: (error, context) => ({code: 'PORT_TAKEN', message: both(ENGINE.portInUse, {port: context.port ?? error.port ?? '?'}), hint: both(ENGINE.ports)}),
	},
	{
		test: (error) => /no such image|pull access denied|manifest unknown/i.test(error.message),
		make: (error, context) => ({code: 'IMAGE_MISSING', message: both(ENGINE.imageMissing, {image: context.image ?? '?', reason: error.message})}),
	},
	{
		// A conflict while creating a named container: the name is taken.
		test: (error, context) => error.statusCode === 409 && context.name !== undefined,
		make: (_error, context) => ({code: 'NAME_CONFLICT', message: both(ENGINE.containerNotOurs, {name: context.name ?? '?'}), hint: both(ENGINE.nameTaken)}),
	},
];

/** The first matcher's error, else INTERNAL with the raw message after `source`; a RedisLabError stays as it is. */
function known(matchers: Matcher[], source: string, error: unknown, context: ErrorContext): RedisLabError {
	if (error instanceof RedisLabError) return error;
	const details = raw(error);
	const matcher = matchers.find((entry) => entry.test(details, context));
	if (!matcher) return new RedisLabError('INTERNAL', `${source}: ${details.message}`, {cause: error});
	const made = matcher.make(details, context);
	return new RedisLabError(made.code, made.message, {hint: made.hint, cause: error});
}

/** Turns a raw dockerode error into a RedisLabError a user can act on. */
export function dockerError(error: unknown, context: ErrorContext = {}): RedisLabError {
	return known(DOCKER_MATCHERS, 'Docker', error, context);
}

/** What the docker CLI prints for an error the daemon answered with; undefined for other errors (no answer at all). */
export function daemonAnswer(error: unknown): string | undefined {
	const details = raw(error);
	return details.statusCode === undefined ? undefined : `Error response from daemon: ${details.message.replace(/^[\w ]+ - /, '')}`;
}

/** Whether a raw Docker error is this HTTP status (404 no such container, 304 already so, 409 conflict). */
export function isDockerStatus(error: unknown, ...statuses: number[]): boolean {
	const status = (error as {statusCode?: unknown} | undefined)?.statusCode;
	return typeof status === 'number' && statuses.includes(status);
}

/** Raw ioredis errors: refused or timed-out connections and authentication replies. */
const REDIS_MATCHERS: Matcher[] = [
	{
		test: (error) => error.code === 'ECONNREFUSED',
		make: (error, context) => ({code: 'NODE_FAILED', message: both(ENGINE.connectionRefused, {port: context.port ?? error.port ?? '?'})}),
	},
	{
		test: (error) => /^(NOAUTH|WRONGPASS)/.test(error.message),
		make: (error) => ({code: 'BAD_INPUT', message: {en: error.message, zh: error.message}, hint: both(ENGINE.password)}),
	},
	{
		test: (error) => /Command timed out|ETIMEDOUT/.test(error.message) || error.code === 'ETIMEDOUT',
		make: (_error, context) => ({code: 'TIMEOUT', message: both(ENGINE.redisTimeout, {port: context.port ?? '?'}), hint: both(ENGINE.paused)}),
	},
];

/** Turns a raw ioredis error into a RedisLabError; unknown ones keep their message as INTERNAL. */
export function redisError(error: unknown, context: ErrorContext = {}): RedisLabError {
	return known(REDIS_MATCHERS, 'Redis', error, context);
}
