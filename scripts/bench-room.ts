// Workshop rooms: N sessions of the sentinel topology (master, 2 replicas, 2 sentinels) started at once
// on Docker by N `redis-lab up` processes, as N learners would. Prints per N the time until every
// session is healthy (sentinels report status=ok, slaves=2) and the memory per session (the
// containers' cgroup memory, as docker stats reports it). Removes only its own sessions (owner bench-room).
// Usage: npm run bench:room [-- --sizes 1,4,8 --base-port 41000]
import {execFileSync, spawn} from 'node:child_process';
import {mkdtempSync, rmSync} from 'node:fs';
import {cpus, freemem, totalmem, tmpdir} from 'node:os';
import {join} from 'node:path';
import {parseArgs} from 'node:util';

const {values} = parseArgs({options: {
	sizes: {type: 'string', default: '1,4,8'},
	'base-port': {type: 'string', default: '41000'},
}});
const sizes = values.sizes.split(',').map(Number);
const firstBase = Number(values['base-port']);
const CLI = new URL('../dist/cli.js', import.meta.url).pathname;
const OWNER = 'bench-room';
const cache = mkdtempSync(join(tmpdir(), 'redis-lab-bench-room-'));
const env = {...process.env, NO_COLOR: '1', REDIS_LAB_OWNER: OWNER, REDIS_LAB_CACHE_DIR: cache, REDIS_LAB_IMAGE: process.env.REDIS_LAB_IMAGE ?? 'redis-lab/redis:offline'};

function cli(args: string[]): Promise<{code: number | null; stdout: string; stderr: string}> {
	return new Promise((resolve) => {
		const child = spawn(process.execPath, [CLI, ...args], {env, stdio: ['ignore', 'pipe', 'pipe']});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
		child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
		child.on('exit', (code) => resolve({code, stdout, stderr}));
	});
}

/**
 * One learner's `up`. Base ports here sit in the kernel's ephemeral range (32768-60999), where a
 * client socket may hold a port for a minute on a busy host: on "already in use", the next ten.
 */
async function up(block: number): Promise<{session: string; seconds: number}> {
	let last = '';
	for (let base = block; base < block + 100; base += 10) {
		const started = Date.now();
		const result = await cli(['up', '--runtime', 'docker', '--base-port', String(base)]);
		const session = /Left running \(session (\w+)\)/.exec(result.stdout)?.[1];
		if (result.code === 0 && session) return {session, seconds: (Date.now() - started) / 1000};
		last = result.stderr.trim().split('\n')[0] ?? '';
		if (!/already in use/.test(result.stderr)) break;
	}
	throw new Error(`up at ${block}: ${last}`);
}

const MIB: Record<string, number> = {B: 1 / 1048576, KiB: 1 / 1024, kB: 1 / 1024, MiB: 1, MB: 1, GiB: 1024, GB: 1024};

/** MiB used by each session's containers (docker stats: cgroup memory without the page cache). */
function memoryBySession(sessions: string[]): number[] {
	return sessions.map((session) => {
		const ids = execFileSync('docker', ['ps', '-q', '--filter', `label=redis-lab.session=${session}`], {encoding: 'utf8'}).split('\n').filter(Boolean);
		if (ids.length === 0) return 0;
		const lines = execFileSync('docker', ['stats', '--no-stream', '--format', '{{.MemUsage}}', ...ids], {encoding: 'utf8'}).split('\n').filter(Boolean);
		return lines.reduce((sum, line) => {
			const match = /^([\d.]+)\s*([A-Za-z]+)/.exec(line);
			return sum + (match ? Number(match[1]) * (MIB[match[2]!] ?? 1) : 0);
		}, 0);
	});
}

async function removeOwn(): Promise<void> {
	const result = await cli(['down']);
	if (result.code !== 0) console.error(`clean-up failed: ${result.stderr}`);
}

console.log(`bench:room on ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM (${(freemem() / 2 ** 30).toFixed(1)} GiB free), image ${env.REDIS_LAB_IMAGE}`);
console.log('N   all healthy   slowest up   fastest up   memory/session (MiB)   sum (MiB)');
process.on('SIGINT', () => void removeOwn().finally(() => process.exit(130)));
try {
	for (const n of sizes) {
		const started = Date.now();
		const results = await Promise.allSettled(Array.from({length: n}, (_, index) => up(firstBase + index * 100)));
		const wall = (Date.now() - started) / 1000;
		const ok = results.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
		for (const result of results) if (result.status === 'rejected') console.error(`  failed: ${(result.reason as Error).message}`);
		// Let the sentinels settle (hellos, replica discovery) before measuring.
		await new Promise((resolve) => setTimeout(resolve, 3000));
		const memory = memoryBySession(ok.map((each) => each.session));
		const mean = memory.reduce((a, b) => a + b, 0) / Math.max(1, memory.length);
		const times = ok.map((each) => each.seconds);
		console.log(`${String(n).padEnd(3)} ${`${wall.toFixed(1)} s`.padEnd(13)} ${`${Math.max(...times).toFixed(1)} s`.padEnd(12)} ${`${Math.min(...times).toFixed(1)} s`.padEnd(12)} ${mean.toFixed(1).padEnd(22)} ${memory.reduce((a, b) => a + b, 0).toFixed(1)}${ok.length < n ? `   (${n - ok.length} failed)` : ''}`);
		await removeOwn();
	}
} finally {
	await removeOwn();
	rmSync(cache, {recursive: true, force: true});
}
