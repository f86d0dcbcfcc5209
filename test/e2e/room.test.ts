// The host's room screen, built, in a real terminal: learners (headless runs) appear live, the failing one first with its reason; q quits.
// Ports: a block from REDIS_LAB_TEST_BASE_PORT (the test runner's lane; default 22400): labs at +0 and
// +10 (local runtime), the room's Redis at +5. Owners: the lane's owner with -host, -a, -b.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {CLI, needRedisServer} from '../helpers/env.js';
import {CliProcess} from '../helpers/spawn-cli.js';
import {Terminal, needTmux} from '../helpers/terminal.js';

const LABS = new URL('../fixtures/labs-room/', import.meta.url).pathname;
const LANE = Number(process.env.REDIS_LAB_TEST_BASE_PORT ?? 22400);
const OWNER = process.env.REDIS_LAB_OWNER ?? 'helper-room-e2e';

test('the host\'s room screen in a terminal: two learners appear as they run, the failing one first, q quits', {timeout: 180_000}, async (t) => {
	if (!needRedisServer(t) || !needTmux(t)) return;
	const root = mkdtempSync(join(tmpdir(), 'redis-lab-e2e-room-'));
	const env = (owner: string) => ({NO_COLOR: '1', LANG: 'C.UTF-8', REDIS_LAB_OWNER: owner, REDIS_LAB_CONFIG_DIR: join(root, owner, 'config'), REDIS_LAB_CACHE_DIR: join(root, owner, 'cache'), REDIS_LAB_LABS_DIR: LABS});
	const host = env(`${OWNER}-host`);
	const served = spawnSync(process.execPath, [CLI, 'room', 'serve', '--runtime', 'local', '--port', String(LANE + 5), '--lang', 'en'], {encoding: 'utf8', env: {...process.env, ...host}});
	const url = /redis-lab --room (redis:\/\/\S+)/.exec(served.stdout)?.[1];
	assert.ok(url, served.stdout + served.stderr);
	const terminal = new Terminal(`${process.execPath} ${CLI} room --lang en --stuck 0.02`, {columns: 160, rows: 30, env: {...host, TERM: 'xterm-256color'}});
	t.after(() => {
		terminal.close();
		spawnSync(process.execPath, [CLI, 'room', 'serve', '--stop'], {env: {...process.env, ...host}});
		rmSync(root, {recursive: true, force: true});
	});
	let screen = await terminal.waitFor(/Nobody has joined yet/, 20_000);
	assert.match(screen, new RegExp(`^redis-lab room ws-\\w+ · 127\\.0\\.0\\.1:${LANE + 5} · 0 learners`, 'm'));

	const learner = (owner: string, lab: string, base: string, name: string) => {
		const proc = new CliProcess(['run', lab, '--runtime', 'local', '--base-port', base, '--room', url, '--name', name, '--lang', 'en'], env(owner));
		return new Promise<number | null>((resolve) => proc.child.on('exit', resolve));
	};
	const codes = await Promise.all([learner(`${OWNER}-a`, 'room-pass', String(LANE), 'ada'), learner(`${OWNER}-b`, 'room-fail', String(LANE + 10), 'bo')]);
	assert.deepEqual(codes, [0, 1]);
	// Both runs have exited, but the room hears of the end a moment later (a run's last report is published as it closes).
	screen = await terminal.waitFor(/^! bo +room-fail +2\/2 +failed .*stuck [\d.]+ min · replica1 role is slave: replica1 is master[\s\S]*^✓ ada +room-pass +2\/2 +finished/m, 20_000);
	assert.doesNotMatch(screen, /same check failed/, 'one failed run is one failure');
	const rows = screen.split('\n').filter((line) => /^[!✓ ] (ada|bo) /.test(line));
	assert.match(rows[0]!, /^! bo +room-fail +2\/2 +failed +1\/2/);
	assert.match(rows[1]!, /^✓ ada +room-pass +2\/2 +finished +2\/2/);
	assert.match(screen, /room-pass: 1 on it · 1 finished · median \S+ per step/);
	terminal.keys('q');
	screen = await terminal.waitFor(/\[exit \d+\]/, 10_000);
	assert.match(screen, /\[exit 0\]/);
});
