// Workshop rooms: N sessions of the sentinel topology (master, 2 replicas, 2 sentinels) started at once
// on Docker by N `redis-lab up` processes, as N learners would. Prints per N the time until every
// session is healthy (sentinels report status=ok, slaves=2) and the memory per session (the
// containers' cgroup memory, as docker stats reports it). Removes only its own sessions (owner bench-room).
// Then the room (bench-room-load.ts): N simulated learners publishing to a room for a bounded time,
// and the host's screen's refresh latency and the room Redis's memory, each beside its goal.
// Beside each N: the Docker floor, N networks and 5N plain redis-server containers created and
// started at once (the same image, ports published on 127.0.0.1), and the goal: healthy within it + 3 s.
// Base ports sit below the kernel's ephemeral range (32768-60999): nodes at base, sentinels at base + 10000.
// Usage: npm run bench:room [-- --sizes 1,4,8,16 --base-port 3000 --learners 200 --seconds 30 --room-port 22740 --part all|start|room]
import {execFileSync, spawn} from 'node:child_process';
import {mkdtempSync, rmSync} from 'node:fs';
import {cpus, freemem, totalmem, tmpdir} from 'node:os';
import {join} from 'node:path';
import {parseArgs} from 'node:util';
import Docker from 'dockerode';

const {values} = parseArgs({options: {
	sizes: {type: 'string', default: '1,4,8,16'},
	'base-port': {type: 'string', default: '3000'},
	part: {type: 'string', default: 'all'},
	learners: {type: 'string', default: '200'},
	seconds: {type: 'string', default: '30'},
	every: {type: 'string', default: '5'},
	'room-port': {type: 'string', default: '22740'},
	'idle-seconds': {type: 'string', default: '10'},
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

/** One learner's `up`; on "already in use" (a port some other program holds), the next ten. */
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

const FLOOR_LABEL = 'redis-lab.bench';
const FLOOR_VALUE = 'bench-room-docker-floor';

/** Seconds to create and start n networks of 5 containers each, all at once (Docker's own floor for n sessions). */
async function dockerFloor(n: number): Promise<number> {
	const docker = new Docker();
	const labels = {[FLOOR_LABEL]: FLOOR_VALUE};
	const started = Date.now();
	try {
		await Promise.all(Array.from({length: n}, async (_, session) => {
			const network = `redis-lab-bench-floor-${session}`;
			await docker.createNetwork({Name: network, Driver: 'bridge', Labels: labels});
			await Promise.all(Array.from({length: 5}, async (_, node) => {
				const port = firstBase + session * 100 + node;
				const container = await docker.createContainer({
					name: `${network}-${node}`, Image: env.REDIS_LAB_IMAGE, Cmd: ['redis-server', '--port', '6379', '--save', '', '--protected-mode', 'no'], Labels: labels,
					ExposedPorts: {'6379/tcp': {}}, HostConfig: {PortBindings: {'6379/tcp': [{HostIp: '127.0.0.1', HostPort: String(port)}]}, NetworkMode: network},
				});
				await container.start();
			}));
		}));
		return (Date.now() - started) / 1000;
	} finally {
		await removeFloor(docker);
	}
}

async function removeFloor(docker: Docker): Promise<void> {
	const filters = {label: [`${FLOOR_LABEL}=${FLOOR_VALUE}`]};
	const containers = await docker.listContainers({all: true, filters});
	await Promise.all(containers.map(async (each): Promise<void> => {
		await docker.getContainer(each.Id).remove({force: true});
	}));
	const networks = await docker.listNetworks({filters});
	await Promise.all(networks.map(async (each): Promise<void> => {
		await docker.getNetwork(each.Id).remove();
	}));
}

async function removeOwn(): Promise<void> {
	const result = await cli(['down']);
	if (result.code !== 0) console.error(`clean-up failed: ${result.stderr}`);
}

if (values.part === 'room') {
	await runRoomPart();
	process.exit(0);
}

async function runRoomPart(): Promise<void> {
	const {benchRoomLoad} = await import('./bench-room-load.js');
	await benchRoomLoad({learners: Number(values.learners), seconds: Number(values.seconds), every: Number(values.every), port: Number(values['room-port']), idleSeconds: Number(values['idle-seconds'])});
}

console.log(`bench:room on ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM (${(freemem() / 2 ** 30).toFixed(1)} GiB free), image ${env.REDIS_LAB_IMAGE}`);
console.log('N   all healthy   Docker floor   goal (floor + 3 s)   slowest up   fastest up   memory/session (MiB)   sum (MiB)');
process.on('SIGINT', () => void removeOwn().finally(() => process.exit(130)));
try {
	for (const n of sizes) {
		const floor = await dockerFloor(n);
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
		const goal = `${wall <= floor + 3 ? 'ok' : `OVER by ${(wall - floor - 3).toFixed(1)} s`}`;
		console.log(`${String(n).padEnd(3)} ${`${wall.toFixed(1)} s`.padEnd(13)} ${`${floor.toFixed(1)} s`.padEnd(14)} ${goal.padEnd(20)} ${`${Math.max(...times).toFixed(1)} s`.padEnd(12)} ${`${Math.min(...times).toFixed(1)} s`.padEnd(12)} ${mean.toFixed(1).padEnd(22)} ${memory.reduce((a, b) => a + b, 0).toFixed(1)}${ok.length < n ? `   (${n - ok.length} failed)` : ''}`);
		await removeOwn();
	}
} finally {
	await removeOwn();
	rmSync(cache, {recursive: true, force: true});
}
if (values.part === 'all') await runRoomPart();
