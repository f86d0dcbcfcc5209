import {execFile} from 'node:child_process';
import {readFile} from 'node:fs/promises';
import {join} from 'node:path';
import {isProcessAlive} from '../session-dir.js';

/** A process's command line as `ps` shows it (Linux: /proc; macOS and others: ps), or undefined when gone. */
export async function commandLineOf(pid: number, platform: NodeJS.Platform = process.platform): Promise<string | undefined> {
	if (platform === 'win32') return undefined;
	if (platform === 'linux') {
		try {
			const text = (await readFile(`/proc/${pid}/cmdline`, 'utf8')).replaceAll('\0', ' ').trim();
			return text || undefined;
		} catch {
			return undefined;
		}
	}
	return new Promise((resolve) => {
		execFile('ps', ['-o', 'command=', '-p', String(pid)], {timeout: 3000}, (error, stdout) => resolve(error ? undefined : stdout.trim() || undefined));
	});
}

/**
 * True when `commandLine` is the redis-server or redis-sentinel of this node. Redis rewrites its
 * title to `redis-server 127.0.0.1:6379` (`redis-sentinel *:26379 [sentinel]`): the port names the
 * node; a title left unchanged still names the node's config file.
 */
export function isNodeCommandLine(commandLine: string, node: {port?: number; confPath: string}): boolean {
	// The program, possibly a full path (--redis-bin), possibly with spaces in it.
	if (!/^(?:.*\/)?(?:redis|valkey)-(?:server|sentinel)(?:\s|$)/.test(commandLine)) return false;
	if (commandLine.includes(node.confPath)) return true;
	return node.port !== undefined && new RegExp(`:${node.port}(\\s|$)`).test(commandLine);
}

/**
 * Before signalling the pid in a node's pid file: true only when that pid is still this node's
 * redis-server or redis-sentinel (a pid reused by another program is never signalled).
 */
export async function isSessionNodeProcess(pid: number, nodeDir: string, platform: NodeJS.Platform = process.platform): Promise<boolean> {
	if (!isProcessAlive(pid)) return false;
	const commandLine = await commandLineOf(pid, platform);
	if (!commandLine) return false;
	for (const file of ['redis.conf', 'sentinel.conf']) {
		const conf = await readFile(join(nodeDir, file), 'utf8').catch(() => undefined); // no config: not one of ours
		if (conf === undefined) continue;
		const port = Number(/^port\s+(\d+)/m.exec(conf)?.[1]) || undefined;
		if (isNodeCommandLine(commandLine, {port, confPath: join(nodeDir, file)})) return true;
	}
	return false;
}
