import {execFile} from 'node:child_process';
import {constants} from 'node:fs';
import {access} from 'node:fs/promises';
import {delimiter, join} from 'node:path';
import {RedisLabError} from '../errors.js';

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
		throw new RedisLabError('NO_RUNTIME', 'The local runtime needs Linux or macOS', {hint: 'On Windows, start Docker Desktop and use --runtime docker.'});
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
		const where = lookup.binDir ? `in ${lookup.binDir}` : 'on PATH';
		const packages = missing.map((name) => APT_PACKAGE[name]).join(' ');
		throw new RedisLabError('REDIS_BIN_MISSING', `${missing.join(' and ')} not found ${where} (apt-get install ${packages} / brew install redis)`, {
			hint: 'Install Redis 7, point --redis-bin at its folder, or use --runtime docker.',
		});
	}
	const broken = found.find((each) => !each.version);
	if (broken) {
		throw new RedisLabError('REDIS_BIN_MISSING', `${broken.path} does not run (${broken.name} --version failed)`, {hint: 'Reinstall Redis 7, point --redis-bin at a working folder, or use --runtime docker.'});
	}
	const result = Object.fromEntries(found.map((each) => [each.name, {path: each.path!, version: each.version!}])) as Record<RedisBinary, FoundBinary>;
	const server = result['redis-server'].version;
	if (Number(server.split('.')[0]) < 7) {
		throw new RedisLabError('REDIS_BIN_MISSING', `redis-server ${server} is too old: the labs need Redis 7`, {hint: 'Install Redis 7, or use --runtime docker.'});
	}
	return result;
}
