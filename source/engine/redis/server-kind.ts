import type {Said} from '../base/errors.js';
import {both} from '../../i18n/index.js';
import {ENGINE} from '../../i18n/engine.js';

/** Which server answers: Redis, or Valkey (the fork of Redis 7.2.4 that some distributions ship as "redis"). */
export type ServerFlavour = 'redis' | 'valkey';

/** A server's flavour and its own version (Valkey's, not the Redis version it says it is compatible with). */
export interface ServerKind {
	flavour: ServerFlavour | 'unknown';
	/** x.y.z, or '' when the server did not say. */
	version: string;
}

/** One row of the support table (README.md and labs/README.md say the same). */
export interface SupportRow {
	flavour: ServerFlavour;
	major: number;
	/** Every lab is run on it in CI (false: expected to work, not tested). */
	tested: boolean;
}

export const SUPPORT: readonly SupportRow[] = [
	{flavour: 'redis', major: 7, tested: true},
	{flavour: 'redis', major: 8, tested: false},
	{flavour: 'valkey', major: 7, tested: false},
	{flavour: 'valkey', major: 8, tested: true},
];

const VERSION = /^\d+\.\d+\.\d+/;

/**
 * From `INFO server`: Valkey says `server_name:valkey` and `valkey_version:8.0.1` (and, for
 * clients that test it, `redis_version:7.2.4`); Redis says only `redis_version`.
 */
export function serverFromInfo(text: string): ServerKind {
	const field = (name: string) => new RegExp(`^${name}:(.*)$`, 'm').exec(text)?.[1]?.trim();
	const valkey = field('valkey_version');
	if (valkey && VERSION.test(valkey)) return {flavour: 'valkey', version: valkey};
	const name = field('server_name');
	const redis = field('redis_version');
	if (name && name !== 'redis') return {flavour: 'unknown', version: redis ?? ''};
	if (redis && VERSION.test(redis)) return {flavour: 'redis', version: redis};
	return {flavour: 'unknown', version: ''};
}

/**
 * From a binary's `--version`: `Redis server v=7.2.6 sha=...`, `Valkey server v=8.0.1 ...`,
 * `redis-cli 7.2.6`, `valkey-cli 8.0.1`. Undefined when the output names no version at all.
 */
export function serverFromVersionOutput(stdout: string): ServerKind | undefined {
	const text = stdout.trim();
	const version = /(?:v=|\s)(\d+\.\d+\.\d+)/.exec(text)?.[1];
	if (!version) return undefined;
	if (/^valkey[\s-]/i.test(text)) return {flavour: 'valkey', version};
	if (/^redis[\s-]/i.test(text)) return {flavour: 'redis', version};
	return {flavour: 'unknown', version};
}

/**
 * From an image's environment: the official images say `REDIS_VERSION=7.2.6` or
 * `VALKEY_VERSION=8.0.1` (redis-lab's offline images too); undefined when neither is set.
 */
export function serverFromImageEnv(env: readonly string[]): ServerKind | undefined {
	const value = (name: string) => env.find((line) => line.startsWith(`${name}=`))?.slice(name.length + 1);
	const valkey = value('VALKEY_VERSION');
	if (valkey) return {flavour: 'valkey', version: valkey};
	const redis = value('REDIS_VERSION');
	return redis ? {flavour: 'redis', version: redis} : undefined;
}

export function majorOf(kind: ServerKind): number {
	return Number(kind.version.split('.')[0]);
}

/** "Redis 7.2.6", "Valkey 8.0.1", or "an unknown server" (in both languages). */
export function serverName(kind: ServerKind): Said {
	if (kind.flavour === 'unknown') return both(ENGINE.serverUnknown, {version: kind.version});
	// A product name and a version read the same in every language.
	const name = `${kind.flavour === 'valkey' ? 'Valkey' : 'Redis'} ${kind.version}`;
	return {en: name, zh: name};
}

export function supportRow(kind: ServerKind): SupportRow | undefined {
	return SUPPORT.find((row) => row.flavour === kind.flavour && row.major === majorOf(kind));
}

/** One line when redis-lab does not know the server (labs may then fail on what it says); undefined when it does. */
export function supportWarning(kind: ServerKind): Said | undefined {
	if (supportRow(kind)) return undefined;
	const known = SUPPORT.map((row) => `${row.flavour === 'valkey' ? 'Valkey' : 'Redis'} ${row.major}`).join(', ');
	if (kind.flavour === 'unknown') return both(ENGINE.serverNotKnown, {known});
	return both(ENGINE.serverOutsideTable, {name: serverName(kind).en, known});
}
