import {execFile} from 'node:child_process';
import {constants} from 'node:fs';
import {access} from 'node:fs/promises';
import {delimiter, join} from 'node:path';
import {RedisLabError} from '../errors.js';
import {said} from '../../i18n/engine.js';

export const REDIS_BINARIES = ['redis-server', 'redis-sentinel', 'redis-cli'] as const;
export type RedisBinary = (typeof REDIS_BINARIES)[number];

export interface FoundBinary {
	path: string;
	/** x.y.z from `--version`. */
	version: string;
}

/** Where to look: a --redis-bin folder, else PATH. Tests pass their own. */
export interface BinaryLookup {
	binDir?: string;
	env?: NodeJS.ProcessEnv;
	platform?: NodeJS.Platform;
}

/** Debian and Ubuntu ship the three in three packages. */
const APT_PACKAGE: Record<RedisBinary, string> = {'redis-server': 'redis-server', 'redis-sentinel': 'redis-sentinel', 'redis-cli': 'redis-tools'};

async function executable(path: string): Promise<boolean> {
	try {
		await access(path, constants.X_OK);
		return true;
	} catch {
		return false;
	}
}

/** The first executable `name` in the folder, or on PATH. */
export async function findBinary(name: string, lookup: BinaryLookup = {}): Promise<string | undefined> {
	const folders = lookup.binDir ? [lookup.binDir] : (lookup.env ?? process.env).PATH?.split(delimiter).filter(Boolean) ?? [];
	for (const folder of folders) {
		const path = join(folder, name);
		if (await executable(path)) return path;
	}
	return undefined;
}

function versionOf(path: string): Promise<string | undefined> {
	return new Promise((resolve) => {
		execFile(path, ['--version'], {timeout: 5000}, (error, stdout) => resolve(error ? undefined : /(\d+\.\d+\.\d+)/.exec(stdout)?.[1]));
	});
}

/** The local runtime runs processes with POSIX signals and `sh`: Linux and macOS only. */
export function assertLocalPlatform(platform: NodeJS.Platform = process.platform): void {
	if (platform === 'win32') {
		throw new RedisLabError('NO_RUNTIME', said('localNeedsUnix'), {hint: said('windowsDocker')});
	}
}

/**
 * Finds redis-server, redis-sentinel and redis-cli with their versions, all three before anything
 * starts: a missing one is named in one line, and redis-server must be Redis 7 or newer.
 */
export async function checkRedisBinaries(lookup: BinaryLookup = {}): Promise<Record<RedisBinary, FoundBinary>> {
	assertLocalPlatform(lookup.platform);
	const found = await Promise.all(REDIS_BINARIES.map(async (name) => {
		const path = await findBinary(name, lookup);
		const version = path ? await versionOf(path) : undefined;
		return {name, path, version};
	}));
	const missing = found.filter((each) => !each.path).map((each) => each.name);
	if (missing.length > 0) {
		const packages = missing.map((name) => APT_PACKAGE[name]).join(' ');
		throw new RedisLabError('REDIS_BIN_MISSING', said('binariesMissing', {missing: missing.join(','), binDir: lookup.binDir ?? '', packages}), {hint: said('installRedis')});
	}
	const broken = found.find((each) => !each.version);
	if (broken) {
		throw new RedisLabError('REDIS_BIN_MISSING', said('binaryBroken', {path: broken.path!, name: broken.name}), {hint: said('reinstallRedis')});
	}
	const result = Object.fromEntries(found.map((each) => [each.name, {path: each.path!, version: each.version!}])) as Record<RedisBinary, FoundBinary>;
	const server = result['redis-server'].version;
	if (Number(server.split('.')[0]) < 7) {
		throw new RedisLabError('REDIS_BIN_MISSING', said('redisTooOld', {version: server}), {hint: said('installRedis7')});
	}
	return result;
}
