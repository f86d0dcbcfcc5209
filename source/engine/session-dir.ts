import {mkdir, readdir, readFile, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import type {RuntimeKind} from './runtime/types.js';

const PREFIX = 'redis-lab-';
const MARKER = '.redis-lab-session';

/** What a session folder says about itself. */
export interface SessionMarker {
	sessionId: string;
	runtime: RuntimeKind;
	/** The app process that owns it. */
	pid: number;
	createdAt: string;
}

export function sessionDirPath(sessionId: string, root = tmpdir()): string {
	return join(root, `${PREFIX}${sessionId}`);
}

/** Creates the session's folder with its marker, so clean-up can recognise it later. */
export async function createSessionDir(sessionId: string, runtime: RuntimeKind, root = tmpdir()): Promise<string> {
	const dir = sessionDirPath(sessionId, root);
	await mkdir(dir, {recursive: true, mode: 0o777});
	const marker: SessionMarker = {sessionId, runtime, pid: process.pid, createdAt: new Date().toISOString()};
	await writeFile(join(dir, MARKER), JSON.stringify(marker) + '\n');
	return dir;
}

/** Every folder this app made in `root`, with its marker. Folders without our marker are never listed. */
export async function listSessionDirs(root = tmpdir()): Promise<Array<{dir: string; marker: SessionMarker}>> {
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
