import {execFile} from 'node:child_process';
import {constants} from 'node:fs';
import {access} from 'node:fs/promises';
import {delimiter, join} from 'node:path';
import {RedisLabError} from '../../base/errors.js';
import {both} from '../../../i18n/index.js';
import {ENGINE} from '../../../i18n/engine.js';
import {majorOf, serverFromVersionOutput, type ServerKind} from '../../redis/server-kind.js';

/** The programs of one install, by the name of its family: `redis-server` or `valkey-server`, and so on. */
export type BinaryFamily = 'redis' | 'valkey';
export const FAMILIES: readonly BinaryFamily[] = ['redis', 'valkey'];

export interface FoundBinary {
	path: string;
	/** x.y.z from `--version`. */
	version: string;
	/** Redis or Valkey (a `redis-server` may be a link to `valkey-server`). */
	kind: ServerKind;
}

/**
 * How this install starts a sentinel: its own program (`redis-sentinel`, `valkey-sentinel`), or,
 * where there is none (a Valkey install has no `redis-sentinel` when linked by hand), the server
 * with `--sentinel` after the config file.
 */
export interface SentinelProgram {
	path: string;
	/** Arguments after the config file: [] or ['--sentinel']. */
	args: string[];
}

/** The server, the sentinel and the cli of one install, all found and runnable. */
export interface LocalBinaries {
	family: BinaryFamily;
	server: FoundBinary;
	sentinel: SentinelProgram;
	cli: FoundBinary;
}

/** Where to look: a --redis-bin folder, else PATH. Tests pass their own. */
export interface BinaryLookup {
	binDir?: string;
	env?: NodeJS.ProcessEnv;
	platform?: NodeJS.Platform;
}

/** Debian and Ubuntu ship the three in three packages. */
const APT_PACKAGE: Record<string, string> = {'redis-server': 'redis-server', 'redis-sentinel': 'redis-sentinel', 'redis-cli': 'redis-tools', 'valkey-server': 'valkey-server', 'valkey-cli': 'valkey-tools'};

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

/** What a binary's `--version` says it is (flavour and x.y.z); undefined when it does not run. The one place that asks. */
export function binaryVersion(path: string): Promise<ServerKind | undefined> {
	return new Promise((resolve) => {
		execFile(path, ['--version'], {timeout: 5000}, (error, stdout) => resolve(error ? undefined : serverFromVersionOutput(stdout)));
	});
}

async function found(name: string, lookup: BinaryLookup): Promise<{name: string; path?: string; kind?: ServerKind}> {
	const path = await findBinary(name, lookup);
	return {name, path, kind: path ? await binaryVersion(path) : undefined};
}

/** What a folder (or PATH) holds, nothing thrown: the first family with a server, its sentinel and a cli. */
export interface BinarySurvey {
	family?: BinaryFamily;
	server?: {name: string; path?: string; kind?: ServerKind};
	/** Undefined path: no `<family>-sentinel`, the server runs with --sentinel. */
	sentinel?: {name: string; path?: string};
	cli?: {name: string; path?: string; kind?: ServerKind};
}

export async function surveyBinaries(lookup: BinaryLookup = {}): Promise<BinarySurvey> {
	for (const family of FAMILIES) {
		const server = await found(`${family}-server`, lookup);
		if (!server.path) continue;
		const sentinelPath = await findBinary(`${family}-sentinel`, lookup);
		const other = FAMILIES.find((each) => each !== family)!;
		let cli = await found(`${family}-cli`, lookup);
		if (!cli.path) cli = (await findBinary(`${other}-cli`, lookup)) ? await found(`${other}-cli`, lookup) : cli;
		return {family, server, sentinel: {name: `${family}-sentinel`, path: sentinelPath}, cli};
	}
	return {};
}

/** The sentinel program of a survey: `<family>-sentinel`, else the server with --sentinel. */
export function sentinelProgram(survey: Required<BinarySurvey>): SentinelProgram {
	return survey.sentinel.path ? {path: survey.sentinel.path, args: []} : {path: survey.server.path!, args: ['--sentinel']};
}

/** The local runtime runs processes with POSIX signals and `sh`: Linux and macOS only. */
export function assertLocalPlatform(platform: NodeJS.Platform = process.platform): void {
	if (platform === 'win32') {
		throw new RedisLabError('NO_RUNTIME', both(ENGINE.localNeedsUnix), {hint: both(ENGINE.windowsDocker)});
	}
}

/**
 * Finds the server (`redis-server`, else `valkey-server`), its cli and how to start a sentinel,
 * with their versions, before anything starts: a missing one is named in one line, and the
 * server must be Redis 7 or Valkey 7 or newer.
 */
export async function checkRedisBinaries(lookup: BinaryLookup = {}): Promise<LocalBinaries> {
	assertLocalPlatform(lookup.platform);
	const survey = await surveyBinaries(lookup);
	const binDir = lookup.binDir ?? '';
	if (!survey.family) {
		throw new RedisLabError('REDIS_BIN_MISSING', both(ENGINE.binariesMissingAny, {binDir, packages: 'redis-server redis-sentinel redis-tools'}), {hint: both(ENGINE.installRedis)});
	}
	const {server, cli} = survey as Required<BinarySurvey>;
	if (!cli.path) {
		throw new RedisLabError('REDIS_BIN_MISSING', both(ENGINE.binariesMissing, {missing: cli.name, binDir, packages: APT_PACKAGE[cli.name] ?? 'redis-tools'}), {hint: both(ENGINE.installRedis)});
	}
	const broken = [server, cli].find((each) => !each.kind);
	if (broken) {
		throw new RedisLabError('REDIS_BIN_MISSING', both(ENGINE.binaryBroken, {path: broken.path!, name: broken.name}), {hint: both(ENGINE.reinstallRedis)});
	}
	if (majorOf(server.kind!) < 7) {
		throw new RedisLabError('REDIS_BIN_MISSING', both(ENGINE.redisTooOld, {version: server.kind!.version}), {hint: both(ENGINE.installRedis7)});
	}
	const binary = (each: typeof server): FoundBinary => ({path: each.path!, version: each.kind!.version, kind: each.kind!});
	return {family: survey.family, server: binary(server), cli: binary(cli), sentinel: sentinelProgram(survey as Required<BinarySurvey>)};
}
