import {execFile} from 'node:child_process';
import {readFile, readdir, readlink} from 'node:fs/promises';
import {connect} from 'node:net';

/** Whether something accepts connections on 127.0.0.1:port (a port that cannot be bound may only hold closing connections). */
export function acceptsConnections(port: number, timeoutMs = 500): Promise<boolean> {
	return new Promise((resolve) => {
		const socket = connect({port, host: '127.0.0.1'});
		const done = (answer: boolean) => {
			socket.destroy();
			resolve(answer);
		};
		socket.setTimeout(timeoutMs, () => done(false));
		socket.once('connect', () => done(true));
		socket.once('error', () => done(false));
	});
}

/** Inodes of sockets listening on `port`, from /proc/net/tcp and tcp6 (Linux). */
async function listeningInodes(port: number): Promise<Set<string>> {
	const inodes = new Set<string>();
	for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
		const text = await readFile(file, 'utf8').catch(() => '');
		for (const line of text.split('\n').slice(1)) {
			const fields = line.trim().split(/\s+/);
			const local = fields[1];
			if (!local || fields[3] !== '0A') continue;
			if (Number.parseInt(local.split(':')[1] ?? '', 16) === port && fields[9] && fields[9] !== '0') inodes.add(fields[9]);
		}
	}
	return inodes;
}

/** The process holding one of these socket inodes, when its /proc/<pid>/fd is readable (our own processes, or root). */
async function processOfInodes(inodes: Set<string>): Promise<string | undefined> {
	const pids = (await readdir('/proc').catch(() => []) /* no /proc: the holder is not named */).filter((name) => /^\d+$/.test(name));
	for (const pid of pids) {
		const fds = await readdir(`/proc/${pid}/fd`).catch(() => []);
		for (const fd of fds) {
			const target = await readlink(`/proc/${pid}/fd/${fd}`).catch(() => '');
			const inode = /^socket:\[(\d+)\]$/.exec(target)?.[1];
			if (inode && inodes.has(inode)) return describePid(pid);
		}
	}
	return undefined;
}

async function describePid(pid: string): Promise<string> {
	const command = (await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '')).split('\0').filter(Boolean).join(' ');
	const name = (await readFile(`/proc/${pid}/comm`, 'utf8').catch(() => '')).trim();
	const shown = command.length > 60 ? `${command.slice(0, 57)}...` : command;
	return `pid ${pid} (${shown || name || '?'})`;
}

/** macOS: lsof names the listener. */
function lsofListener(port: number): Promise<string | undefined> {
	return new Promise((resolve) => {
		execFile('lsof', ['-nP', `-iTCP:${port}`, '-sTCP:LISTEN', '-Fpc'], {timeout: 3000}, (error, stdout) => {
			const pid = /^p(\d+)$/m.exec(stdout ?? '')?.[1];
			const command = /^c(.+)$/m.exec(stdout ?? '')?.[1];
			resolve(pid ? `pid ${pid} (${command ?? '?'})` : undefined);
		});
	});
}

/**
 * Which process listens on a port, when this user may know: `pid 1234 (redis-server *:6379)`.
 * Undefined when the socket belongs to another user's process (or the system can't tell).
 */
export async function processListeningOn(port: number, platform: NodeJS.Platform = process.platform): Promise<string | undefined> {
	if (platform === 'darwin') return lsofListener(port);
	if (platform !== 'linux') return undefined;
	const inodes = await listeningInodes(port);
	return inodes.size > 0 ? processOfInodes(inodes) : undefined;
}
