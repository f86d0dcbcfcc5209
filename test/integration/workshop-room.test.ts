// The workshop room on loopback: `room serve`, two learners of different owners running labs headless
// with --room, the host's `room --json`, a TTL that lets a learner go, an unreachable room and a wrong
// password that never stop a lab, and the room in a labelled container. Ports: a block from
// REDIS_LAB_TEST_BASE_PORT (the test runner's lane; default 22000): labs at +0, +10, +20, the room's
// Redis at +5 and +15 (never a lab's port: those end in +0..+2), nothing at +7. Owners: the lane's
// owner with -host, -a, -b, -c; nothing else on this machine is touched.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {CLI, TEST_IMAGE, needDocker, needRedisServer} from '../helpers/env.js';
import {CliProcess} from '../helpers/spawn-cli.js';

const LABS = new URL('../fixtures/labs-room/', import.meta.url).pathname;
const LANE = Number(process.env.REDIS_LAB_TEST_BASE_PORT ?? 22000);
const ROOM_PORT = LANE + 5;
const DOCKER_ROOM_PORT = LANE + 15;
const OWNER = process.env.REDIS_LAB_OWNER ?? 'helper-room';
const HOST = `${OWNER}-host`;
const [A, B, C] = [`${OWNER}-a`, `${OWNER}-b`, `${OWNER}-c`];
const root = mkdtempSync(join(tmpdir(), 'redis-lab-workshop-'));
// Long enough that the learner who finishes first is still there when the other one fails (a loaded machine runs them slowly).
const TTL = 30;

/** One person's environment: their owner, their own config (progress, remembered room) and cache. */
function env(owner: string, extra: Record<string, string> = {}): Record<string, string> {
	return {NO_COLOR: '1', LANG: 'C.UTF-8', REDIS_LAB_OWNER: owner, REDIS_LAB_CONFIG_DIR: join(root, owner, 'config'), REDIS_LAB_CACHE_DIR: join(root, owner, 'cache'), REDIS_LAB_LABS_DIR: LABS, REDIS_LAB_IMAGE: TEST_IMAGE, REDIS_LAB_ROOM_TTL: String(TTL), ...extra};
}

function cli(args: string[], owner: string) {
	return spawnSync(process.execPath, [CLI, ...args, '--lang', 'en'], {encoding: 'utf8', env: {...process.env, ...env(owner)}, timeout: 120_000});
}

async function runLearner(owner: string, args: string[]): Promise<{code: number | null; out: string}> {
	const proc = new CliProcess([...args, '--lang', 'en', '--runtime', 'local'], env(owner));
	// Waits on the exit itself (CliProcess.exit's time-out timer would hold the test process for its whole length).
	const code = await new Promise<number | null>((resolve) => (proc.child.exitCode !== null ? resolve(proc.child.exitCode) : proc.child.on('exit', resolve)));
	return {code, out: proc.stdout + proc.stderr};
}

interface Report {
	room: string;
	learners: Array<{name: string; lab: string; step: number; steps: number; state: string; checks: {passed: number; total: number}; failedCheck: string | null; reason: string | null; needsHelp: Array<{kind: string}>; finished: boolean}>;
	labs: Array<{lab: string; learners: number; finished: number; medianStepSeconds: number | null}>;
}

function roomJson(url: string, stuck: string): Report {
	const result = spawnSync(process.execPath, [CLI, 'room', '--json', '--room', url, '--stuck', stuck], {encoding: 'utf8', env: {...process.env, ...env(HOST)}, timeout: 30_000});
	assert.equal(result.status, 0, result.stdout + result.stderr);
	return JSON.parse(result.stdout) as Report;
}

test.after(() => {
	cli(['room', 'serve', '--stop'], HOST);
	for (const owner of [A, B, C]) cli(['down'], owner);
	rmSync(root, {recursive: true, force: true});
});

test('two learners in a room served here: the host sees both, the failing one first with its reason, and nobody after the TTL', {timeout: 240_000}, async (t) => {
	if (!needRedisServer(t)) return;
	const served = cli(['room', 'serve', '--runtime', 'local', '--port', String(ROOM_PORT)], HOST);
	assert.equal(served.status, 0, served.stdout + served.stderr);
	const url = /redis-lab --room (redis:\/\/\S+)/.exec(served.stdout)?.[1];
	assert.ok(url, served.stdout);
	assert.match(served.stdout, /listens on 127\.0\.0\.1 only/);
	// The password lives in an owner-only file.
	const record = join(root, HOST, 'cache', 'room', 'served.json');
	assert.equal((JSON.parse(readFileSync(record, 'utf8')) as {port: number}).port, ROOM_PORT);

	const [alice, bob] = await Promise.all([
		runLearner(A, ['run', 'room-pass', '--base-port', String(LANE), '--room', url, '--name', 'alice']),
		runLearner(B, ['run', 'room-fail', '--base-port', String(LANE + 10), '--room', url, '--name', 'bob']),
	]);
	assert.equal(alice.code, 0, alice.out);
	assert.equal(bob.code, 1, bob.out);
	assert.match(alice.out, new RegExp(`Room ws-\\w+ at 127\\.0\\.0\\.1:${ROOM_PORT}: publishing your progress as alice`));
	assert.doesNotMatch(alice.out + bob.out, /unreachable|wrong password/);

	await new Promise((resolve) => setTimeout(resolve, 1500));
	const report = roomJson(url, '0.01');
	assert.deepEqual(report.learners.map((learner) => learner.name), ['bob', 'alice'], 'the failing learner first');
	const [first, second] = report.learners as [Report['learners'][0], Report['learners'][0]];
	assert.deepEqual([first.lab, first.step, first.steps, first.state, first.checks], ['room-fail', 2, 2, 'failed', {passed: 1, total: 2}]);
	assert.equal(first.failedCheck, 'replica1 role is slave');
	assert.match(first.reason ?? '', /replica1 is master/);
	assert.ok(first.needsHelp.some((reason) => reason.kind === 'stuck'), JSON.stringify(first.needsHelp));
	assert.deepEqual([second.lab, second.step, second.steps, second.state, second.checks, second.finished], ['room-pass', 2, 2, 'finished', {passed: 2, total: 2}, true]);
	assert.deepEqual(second.needsHelp, []);
	const passLab = report.labs.find((lab) => lab.lab === 'room-pass');
	assert.equal(passLab?.finished, 1);
	assert.ok(typeof passLab?.medianStepSeconds === 'number');

	// After the workshop: a CSV, one line per learner, who needs help first.
	const csv = join(root, 'room.csv');
	const exported = spawnSync(process.execPath, [CLI, 'room', '--export', csv, '--room', url, '--stuck', '0.01', '--lang', 'en'], {encoding: 'utf8', env: {...process.env, ...env(HOST)}});
	assert.match(exported.stdout, new RegExp(`Wrote 2 learners to ${csv.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
	const rows = readFileSync(csv, 'utf8').trim().split('\r\n');
	assert.match(rows[0]!, /^name,lab,step,steps,step_id,state,/);
	assert.match(rows[1]!, /^bob,room-fail,2,2,never-follows,failed,1,2,replica1 role is slave,replica1 is master/);
	assert.match(rows[2]!, /^alice,room-pass,2,2,follow,finished,2,2,/);

	// A restart of the same learner is the same row, not a second one.
	const again = await runLearner(A, ['run', 'room-pass', '--base-port', String(LANE), '--room', url, '--name', 'alice']);
	assert.equal(again.code, 0, again.out);
	assert.equal(roomJson(url, '10').learners.filter((learner) => learner.name === 'alice').length, 1);

	// The learners quit: their hashes expire after the TTL and the room is empty.
	const deadline = Date.now() + (TTL + 10) * 1000;
	let left = roomJson(url, '10').learners.length;
	while (left > 0 && Date.now() < deadline) {
		await new Promise((resolve) => setTimeout(resolve, 1000));
		left = roomJson(url, '10').learners.length;
	}
	assert.equal(left, 0, `learners left after the TTL of ${TTL} s`);
});

test('an unreachable room and a wrong password: the lab passes and says so once, naming the room', {timeout: 120_000}, async (t) => {
	if (!needRedisServer(t)) return;
	const unreachable = await runLearner(C, ['run', 'room-pass', '--base-port', String(LANE + 20), '--room', `redis://:pw@127.0.0.1:${LANE + 7}/nowhere`]);
	assert.equal(unreachable.code, 0, unreachable.out);
	assert.match(unreachable.out, /✓ room-pass: every check passed/);
	const lines = unreachable.out.split('\n').filter((line) => /unreachable/.test(line));
	assert.equal(lines.length, 1, unreachable.out);
	assert.match(lines[0]!, new RegExp(`room nowhere unreachable at 127\\.0\\.0\\.1:${LANE + 7} \\(connection refused\\): the lab goes on`));

	const served = cli(['room', 'serve', '--runtime', 'local', '--port', String(ROOM_PORT)], HOST);
	const roomId = /\/(ws-\w+)/.exec(served.stdout)?.[1];
	assert.ok(roomId, served.stdout);
	const wrong = await runLearner(C, ['run', 'room-pass', '--base-port', String(LANE + 20), '--room', `redis://:wrong@127.0.0.1:${ROOM_PORT}/${roomId}`]);
	assert.equal(wrong.code, 0, wrong.out);
	const refused = wrong.out.split('\n').filter((line) => /wrong password/.test(line));
	assert.equal(refused.length, 1, wrong.out);
	assert.match(refused[0]!, new RegExp(`room ${roomId} at 127\\.0\\.0\\.1:${ROOM_PORT}: wrong password; the lab goes on`));
	assert.match(wrong.out, /✓ room-pass: every check passed/);
});

test('room serve on docker: a labelled container that room --json reads and --stop removes', {timeout: 120_000}, async (t) => {
	if (!needDocker(t)) return;
	cli(['room', 'serve', '--stop'], HOST);
	const served = cli(['room', 'serve', '--runtime', 'docker', '--port', String(DOCKER_ROOM_PORT)], HOST);
	assert.equal(served.status, 0, served.stdout + served.stderr);
	const roomId = /\/(ws-\w+)/.exec(served.stdout)?.[1];
	const labelled = () => spawnSync('docker', ['ps', '-aq', '--filter', `label=redis-lab.room=${roomId}`, '--filter', `label=redis-lab.owner=${HOST}`], {encoding: 'utf8'}).stdout.trim().split('\n').filter(Boolean);
	assert.equal(labelled().length, 1);
	const report = cli(['room', '--json'], HOST);
	assert.equal(report.status, 0, report.stderr);
	assert.equal((JSON.parse(report.stdout) as Report).room, roomId);
	const stopped = cli(['room', 'serve', '--stop'], HOST);
	assert.match(stopped.stdout, new RegExp(`Room ${roomId} closed \\(container redis-lab-room-${DOCKER_ROOM_PORT} removed\\)`));
	assert.equal(labelled().length, 0);
});
