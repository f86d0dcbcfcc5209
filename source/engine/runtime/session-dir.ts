import {mkdir, readdir, readFile, rm, writeFile} from 'node:fs/promises';
import {homedir, tmpdir} from 'node:os';
import {join} from 'node:path';
import type {RuntimeKind} from './types.js';
import {currentOwner} from '../base/owner.js';

const PREFIX = 'redis-lab-';
const MARKER = '.redis-lab-session';

/** What a session folder says about itself. */
export interface SessionMarker {
	sessionId: string;
	runtime: RuntimeKind;
	/** The app process that owns it. */
	pid: number;
	createdAt: string;
	/** Who started it (absent in folders of older builds). */
	owner?: string;
}

/**
 * Where session folders live: the user's cache folder in the home directory, which every engine can
 * bind-mount (Colima, Rancher Desktop and Podman machine share the home folder, not /var/folders or /tmp).
 * REDIS_LAB_CACHE_DIR overrides it (tests).
 */
export function sessionsRoot(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home = homedir()): string {
	if (env.REDIS_LAB_CACHE_DIR) return join(env.REDIS_LAB_CACHE_DIR, 'sessions');
	if (platform === 'win32') return join(env.LOCALAPPDATA || join(home, 'AppData', 'Local'), 'redis-lab', 'sessions');
	if (platform === 'darwin') return join(home, 'Library', 'Caches', 'redis-lab', 'sessions');
	return join(env.XDG_CACHE_HOME || join(home, '.cache'), 'redis-lab', 'sessions');
}

/** Where earlier builds put session folders (os.tmpdir()): still searched, so `down` cleans their leftovers. */
export function legacySessionsRoot(): string {
	return tmpdir();
}

export function sessionDirPath(sessionId: string, root = sessionsRoot()): string {
	return join(root, `${PREFIX}${sessionId}`);
}

/** Creates the session's folder with its marker, so clean-up can recognise it later. */
export async function createSessionDir(sessionId: string, runtime: RuntimeKind, root = sessionsRoot()): Promise<string> {
	await mkdir(root, {recursive: true, mode: 0o700});
	const dir = sessionDirPath(sessionId, root);
	await mkdir(dir, {recursive: true, mode: 0o777});
	const marker: SessionMarker = {sessionId, runtime, pid: process.pid, createdAt: new Date().toISOString(), owner: currentOwner()};
	await writeFile(join(dir, MARKER), JSON.stringify(marker) + '\n');
	return dir;
}

/** Every folder this app made in `root` (default: the sessions root and the legacy temp folder), with its marker. Folders without our marker are never listed. */
export async function listSessionDirs(root?: string): Promise<Array<{dir: string; marker: SessionMarker}>> {
	if (root === undefined) {
		const roots = [...new Set([sessionsRoot(), legacySessionsRoot()])];
		return (await Promise.all(roots.map((each) => listSessionDirs(each)))).flat();
	}
	let names: string[];
	try {
		names = await readdir(root);
	} catch {
		return [];
	}
	const found: Array<{dir: string; marker: SessionMarker}> = [];
	for (const name of names) {
		if (!name.startsWith(PREFIX)) continue;
		const dir = join(root, name);
		try {
			const marker = JSON.parse(await readFile(join(dir, MARKER), 'utf8')) as SessionMarker;
			if (typeof marker.sessionId === 'string') found.push({dir, marker});
		} catch {
			// Not ours: no marker.
		}
	}
	return found;
}

export function isProcessAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

export async function removeSessionDir(dir: string): Promise<void> {
	// A process killed a moment ago may still be writing its last log line: retry.
	await rm(dir, {recursive: true, force: true, maxRetries: 5, retryDelay: 100});
}
