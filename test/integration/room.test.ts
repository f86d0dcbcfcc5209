// Many learners on one Docker host, and the doctor. Only this lane's owners (…-alice, …-bob) and ports
// (test/helpers/lane.ts) are used: containers of anyone else on this engine are never touched.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {mkdtempSync, rmSync} from 'node:fs';
import {createServer} from 'node:net';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {CLI, TEST_IMAGE, labelledContainers, labelledNetworks, needDocker} from '../helpers/env.js';
import {CliProcess} from '../helpers/spawn-cli.js';
import {basePort, laneOwner} from '../helpers/lane.js';

const ALICE = `${laneOwner()}-alice`;
const BOB = `${laneOwner()}-bob`;

const cache = mkdtempSync(join(tmpdir(), 'redis-lab-room-cache-'));
const config = mkdtempSync(join(tmpdir(), 'redis-lab-room-config-'));

function env(owner: string): Record<string, string> {
	return {REDIS_LAB_OWNER: owner, REDIS_LAB_IMAGE: TEST_IMAGE, REDIS_LAB_CACHE_DIR: cache, REDIS_LAB_CONFIG_DIR: config};
}

function cli(args: string[], owner: string, extra: Record<string, string> = {}) {
	return spawnSync(process.execPath, [CLI, ...args], {encoding: 'utf8', env: {...process.env, NO_COLOR: '1', ...env(owner), ...extra}, timeout: 120_000});
}

/** Whether all six ports of a base port can be bound right now. */
async function bindable(basePort: number): Promise<boolean> {
	for (const port of [0, 1, 2, 10000, 10001, 10002].map((offset) => basePort + offset)) {
		const ok = await new Promise<boolean>((resolve) => {
			const server = createServer();
			server.once('error', () => resolve(false));
			server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
		});
		if (!ok) return false;
	}
	return true;
}

/**
 * `up` for an owner. The ports sit below the kernel's ephemeral range (32768-60999), where no
 * client socket takes them; should one still be held, try the next base ports in the same hundred.
 */
async function upAs(owner: string, bases: number[]): Promise<{base: number; out: string; id?: string}> {
	let last = '';
	for (const base of bases) {
		if (!(await bindable(base))) continue;
		const proc = new CliProcess(['up', '--runtime', 'docker', '--base-port', String(base)], env(owner));
		const code = await new Promise<number | null>((resolve) => (proc.child.exitCode !== null ? resolve(proc.child.exitCode) : proc.child.on('exit', resolve)));
		const id = /Left running \(session (\w+)\)/.exec(proc.stdout)?.[1];
		if (code === 0) return {base, out: proc.stdout, id};
		last = proc.stdout + proc.stderr;
		if (!/already in use/.test(proc.stderr)) break;
	}
	throw new Error(`up as ${owner} failed:\n${last}`);
}

function running(owner: string): string[] {
	return labelledContainers(`redis-lab.owner=${owner}`);
}

test('two owners at once: down removes only the caller\'s session, down --session exactly one', {timeout: 180_000}, async (t) => {
	if (!needDocker(t)) return;
	const ids: string[] = [];
	t.after(() => {
		for (const id of ids) cli(['down', '--session', id], ALICE);
		rmSync(cache, {recursive: true, force: true});
		rmSync(config, {recursive: true, force: true});
	});
	const [alice, bob] = await Promise.all([upAs(ALICE, [0, 1, 2, 3].map(basePort)), upAs(BOB, [4, 5, 6, 7].map(basePort))]);
	for (const id of [alice.id, bob.id]) if (id) ids.push(id);
	assert.equal(ids.length, 2);
	const [aliceId, bobId] = ids as [string, string];
	// How an application connects: sentinels, master name, and the address map as ioredis natMap.
	assert.match(alice.out, new RegExp(`sentinels {3}127\\.0\\.0\\.1:${alice.base + 10000}, 127\\.0\\.0\\.1:${alice.base + 10001}`));
	assert.match(alice.out, new RegExp(`natMap: \\{'\\d+\\.\\d+\\.\\d+\\.\\d+:${alice.base}': \\{host: '127\\.0\\.0\\.1', port: ${alice.base}\\}`));
	assert.equal(running(ALICE).length, 5);
	assert.equal(running(BOB).length, 5);
	assert.equal(labelledNetworks(`redis-lab.owner=${ALICE}`).length, 1);
	assert.equal(labelledNetworks(`redis-lab.owner=${BOB}`).length, 1);
	// Status groups by session and owner.
	const status = cli(['status'], ALICE);
	assert.match(status.stdout, new RegExp(`session ${aliceId} · owner ${ALICE} \\(you\\) · 5 nodes`));
	assert.match(status.stdout, new RegExp(`session ${bobId} · owner ${BOB} · 5 nodes`));

	const aliceDown = cli(['down'], ALICE);
	assert.equal(aliceDown.status, 0, aliceDown.stderr);
	assert.match(aliceDown.stdout, /Removed 5 containers, 1 network/);
	assert.match(aliceDown.stdout, new RegExp(`Left \\d+ sessions? of .*${BOB}`));
	assert.equal(running(ALICE).length, 0);
	assert.equal(running(BOB).length, 5);
	// Exactly alice's five, by name (other sessions on this engine come and go meanwhile: not counted).
	assert.deepEqual(/Removed 5 containers, 1 network, 0 local processes: (.+)\./.exec(aliceDown.stdout)?.[1]?.split(', '), ['master', 'replica1', 'replica2', 'sentinel1', 'sentinel2'].map((node) => `redis-lab-${alice.base}-${node}`));

	// One session, whoever owns it: alice removes bob's by id, and nothing else goes.
	const one = cli(['down', '--session', bobId], ALICE);
	assert.equal(one.status, 0, one.stderr);
	assert.match(one.stdout, /Removed 5 containers, 1 network/);
	assert.equal(running(BOB).length, 0);
	assert.equal(labelledNetworks(`redis-lab.owner=${BOB}`).length, 0);
	assert.deepEqual(/Removed 5 containers, 1 network, 0 local processes: (.+)\./.exec(one.stdout)?.[1]?.split(', '), ['master', 'replica1', 'replica2', 'sentinel1', 'sentinel2'].map((node) => `redis-lab-${bob.base}-${node}`));
});

test('doctor names a port the test holds, and blocks (exit 1)', {timeout: 60_000}, async () => {
	const server = createServer();
	await new Promise<void>((resolve) => server.listen(basePort(8), '127.0.0.1', resolve));
	try {
		const result = cli(['doctor', '--base-port', String(basePort(8))], ALICE);
		assert.equal(result.status, 1, result.stdout + result.stderr);
		assert.match(result.stdout, new RegExp(`^FAIL +ports +${basePort(8)} is taken by pid ${process.pid} \\(.*\\) -> fix: use --base-port \\d+`, 'm'));
		assert.match(result.stdout, new RegExp(`^ok +ports|^FAIL +ports +${basePort(8)}`, 'm'));
		assert.match(result.stdout, /block/);
	} finally {
		server.close();
	}
});

test('doctor with a dead DOCKER_HOST: one line naming it, with a fix; with --runtime docker that blocks', {timeout: 60_000}, () => {
	const result = cli(['doctor', '--runtime', 'docker', '--base-port', String(basePort(9))], ALICE, {DOCKER_HOST: 'unix:///nonexistent.sock'});
	assert.equal(result.status, 1, result.stdout + result.stderr);
	const lines = result.stdout.split('\n').filter((line) => /\bdocker\b/.test(line) && /nonexistent/.test(line));
	assert.equal(lines.length, 1, result.stdout);
	assert.match(lines[0]!, /^FAIL +docker +not reachable at unix:\/\/\/nonexistent\.sock \(DOCKER_HOST\).* -> fix: start Docker/);
	assert.equal(result.stderr, '');
});
