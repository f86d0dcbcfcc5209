// bench:room's room part: a room served by `redis-lab room serve` (local redis-server on loopback), N
// simulated learners publishing for a bounded time (bench-room-learners.ts, another process), and the
// host's real screen (RoomWatcher + RoomScreen drawn by Ink into a 160x50 terminal, as a host's).
// Measures: publish -> the frame that shows it (p50/p95/max), the room Redis's memory, the host's CPU
// under load and idle. An update to a learner whose row is scrolled off (or that changes nothing on
// screen) draws no frame: it counts from publish to the render that took it in.
import {spawn, spawnSync} from 'node:child_process';
import {EventEmitter} from 'node:events';
import {mkdtempSync, rmSync} from 'node:fs';
import {cpus, loadavg, tmpdir} from 'node:os';
import {join} from 'node:path';
import {Redis} from 'ioredis';

const CLI = new URL('../dist/cli.js', import.meta.url).pathname;
const TSX = new URL('../node_modules/.bin/tsx', import.meta.url).pathname;
const LEARNERS = new URL('./bench-room-learners.ts', import.meta.url).pathname;

export interface RoomLoadOptions {
	learners: number;
	seconds: number;
	/** Seconds between a learner's changes (on average). */
	every: number;
	port: number;
	idleSeconds: number;
}

/** A terminal for Ink that counts the frames written. */
class FakeTerminal extends EventEmitter {
	isTTY = true;
	frames = 0;
	constructor(public columns: number, public rows: number, private readonly onFrame: () => void) {
		super();
	}
	write = () => {
		this.frames++;
		this.onFrame();
		return true;
	};
}

/** A keyboard nobody types on (Ink's input hooks need one that can go raw). */
class QuietKeyboard extends EventEmitter {
	isTTY = true;
	setRawMode() {}
	setEncoding() {}
	read() {
		return null;
	}
	resume() {}
	pause() {}
	ref() {}
	unref() {}
}

function percentile(values: number[], p: number): number {
	if (values.length === 0) return NaN;
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function serve(port: number, cache: string): {url: string; stop: () => void} {
	const env = {...process.env, NO_COLOR: '1', REDIS_LAB_OWNER: 'bench-room', REDIS_LAB_CACHE_DIR: cache};
	const served = spawnSync(process.execPath, [CLI, 'room', 'serve', '--runtime', 'local', '--port', String(port), '--lang', 'en'], {encoding: 'utf8', env});
	const url = /redis-lab --room (redis:\/\/\S+)/.exec(served.stdout)?.[1];
	if (served.status !== 0 || !url) throw new Error(`room serve failed: ${served.stdout}${served.stderr}`);
	return {url, stop: () => void spawnSync(process.execPath, [CLI, 'room', 'serve', '--stop'], {env})};
}

async function memory(client: Redis, roomId: string): Promise<{used: number; stream: number; entries: number}> {
	const info = await client.info('memory');
	const used = Number(/used_memory:(\d+)/.exec(info)?.[1]);
	const key = `redis-lab:room:${roomId}:events`;
	return {used, stream: Number(await client.call('MEMORY', 'USAGE', key)) || 0, entries: await client.xlen(key)};
}

/** CPU of this process (the host's screen) over `ms`, as a share of one core. */
async function cpuOver(ms: number): Promise<number> {
	const start = process.cpuUsage();
	const began = performance.now();
	await new Promise((resolve) => setTimeout(resolve, ms));
	const used = process.cpuUsage(start);
	return (used.user + used.system) / 1000 / (performance.now() - began);
}

export async function benchRoomLoad(options: RoomLoadOptions): Promise<void> {
	process.env.NODE_ENV = 'production';
	// Ink draws only the last frame in CI; the host's screen draws live (as `start` makes it on a terminal).
	delete process.env.CI;
	delete process.env.CONTINUOUS_INTEGRATION;
	const cache = mkdtempSync(join(tmpdir(), 'redis-lab-bench-room-load-'));
	const {url, stop} = serve(options.port, cache);
	const {parseRoomUrl} = await import('../source/engine/room/url.js');
	const address = parseRoomUrl(url);
	const admin = new Redis({host: address.host, port: address.port, password: address.password, lazyConnect: true});
	try {
		await admin.connect();
		const empty = await memory(admin, address.roomId);
		const result = await loadAndWatch(url, options);
		const full = await memory(admin, address.roomId);
		report(options, result, empty.used, full);
	} finally {
		admin.disconnect();
		stop();
		rmSync(cache, {recursive: true, force: true});
	}
}

interface LoadResult {
	latencies: number[];
	viewLatencies: number[];
	frames: number;
	updates: number;
	seen: number;
	loadCpu: number;
	idleCpu: number;
}

async function loadAndWatch(url: string, options: RoomLoadOptions): Promise<LoadResult> {
	const [{render}, React, {RoomWatcher}, {RoomScreen}, {parseRoomUrl}] = await Promise.all([import('ink'), import('react'), import('../source/engine/room/watcher.js'), import('../source/ui/RoomScreen.js'), import('../source/engine/room/url.js')]);
	const watcher = new RoomWatcher(parseRoomUrl(url));
	const latencies: number[] = [];
	const viewLatencies: number[] = [];
	// Updates the view took in, not rendered yet; rendered (with the render's time), no frame written yet.
	let pending: number[] = [];
	let rendered: Array<{sentAt: number; at: number}> = [];
	watcher.subscribe(() => {
		const now = Date.now();
		for (const {sentAt} of watcher.getState().fresh) {
			pending.push(sentAt);
			viewLatencies.push(now - sentAt);
		}
	});
	const onRender = () => {
		const now = Date.now();
		// Rendered before and still no frame: nothing on screen changed, that render showed it.
		for (const entry of rendered) latencies.push(entry.at - entry.sentAt);
		rendered = pending.map((sentAt) => ({sentAt, at: now}));
		pending = [];
	};
	const terminal = new FakeTerminal(160, 50, () => {
		const now = Date.now();
		// Ink writes a render's frame within a frame's time (maxFps 20); a later frame (the clock's tick) is not that render's.
		for (const entry of rendered) latencies.push(now - entry.at <= 60 ? now - entry.sentAt : entry.at - entry.sentAt);
		rendered = [];
	});
	// The real screen, in a component that notes each render of it (after React committed it, before Ink writes the frame).
	const Measured = () => {
		React.useSyncExternalStore(watcher.subscribe, watcher.getState);
		React.useLayoutEffect(onRender);
		return React.createElement(RoomScreen, {store: watcher, options: {stuckMs: 10 * 60_000, quietMs: 15_000}, lang: 'en'});
	};
	const instance = render(React.createElement(Measured), {stdout: terminal as unknown as NodeJS.WriteStream, stdin: new QuietKeyboard() as unknown as NodeJS.ReadStream, exitOnCtrlC: false, patchConsole: false, maxFps: 20});
	try {
		const child = spawn(TSX, [LEARNERS, '--room', url, '--learners', String(options.learners), '--seconds', String(options.seconds), '--every', String(options.every)], {stdio: ['ignore', 'pipe', 'inherit']});
		let out = '';
		child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
		const loadCpu = cpuOver(options.seconds * 1000);
		await new Promise((resolve) => child.on('exit', resolve));
		const cpu = await loadCpu;
		// The learners stopped changing, their hashes still live: the host's screen idles over a full room.
		await new Promise((resolve) => setTimeout(resolve, 1000));
		const idleCpu = await cpuOver(options.idleSeconds * 1000);
		const updates = (JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as {updates?: number}).updates ?? 0;
		return {latencies, viewLatencies, frames: terminal.frames, updates, seen: watcher.getState().learners.length, loadCpu: cpu, idleCpu};
	} finally {
		instance.unmount();
		watcher.close();
	}
}

const MIB = 1024 * 1024;
/** Goal for the room's memory: a room with a full stream fits the smallest managed Redis (30 MB). */
const MEMORY_GOAL_MIB = 25;

function report(options: RoomLoadOptions, result: LoadResult, emptyBytes: number, full: {used: number; stream: number; entries: number}): void {
	const {latencies} = result;
	const p95 = percentile(latencies, 95);
	const perEntry = full.entries > 0 ? full.stream / full.entries : 0;
	const projected = (full.used - emptyBytes - full.stream + perEntry * 10_000) / MIB;
	const mark = (ok: boolean) => (ok ? 'met' : 'NOT met');
	console.log(`\nroom: load average ${loadavg().map((value) => value.toFixed(1)).join(' ')} on ${cpus().length} cores (other work on this machine slows every figure)`);
	console.log(`room: ${options.learners} simulated learners (a change every ~${options.every} s each, hashes refreshed every 5 s) for ${options.seconds} s on 127.0.0.1`);
	console.log(`  learners on the host's screen at the end   ${result.seen} of ${options.learners}`);
	console.log(`  updates published / frames drawn           ${result.updates} / ${result.frames}`);
	console.log(`  publish -> on the host's screen, p50/p95/max ${percentile(latencies, 50)} / ${p95} / ${Math.max(...latencies)} ms over ${latencies.length} updates   goal p95 <= 100 ms: ${mark(p95 <= 100)}`);
	console.log(`  publish -> host's view (before drawing)    p50 ${percentile(result.viewLatencies, 50)} ms, p95 ${percentile(result.viewLatencies, 95)} ms`);
	console.log(`  room Redis memory, above an empty server   ${((full.used - emptyBytes) / MIB).toFixed(2)} MiB (stream: ${full.entries} events, ${(full.stream / MIB).toFixed(2)} MiB)`);
	console.log(`  projected with the stream full (10000)     ${projected.toFixed(2)} MiB   goal <= ${MEMORY_GOAL_MIB} MiB: ${mark(projected <= MEMORY_GOAL_MIB)}`);
	console.log(`  host screen CPU under load / idle          ${(result.loadCpu * 100).toFixed(1)}% / ${(result.idleCpu * 100).toFixed(1)}% of a core (idle: ${options.idleSeconds} s, ${result.seen} learners in the room, a 160x50 screen)   goal idle < 2%: ${mark(result.idleCpu < 0.02)}`);
}
