import {test} from 'node:test';
import assert from 'node:assert/strict';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {CLI, TEST_IMAGE, labelledContainers, labelledNetworks, needDocker} from '../helpers/env.js';
import {Terminal, needTmux} from '../helpers/terminal.js';
import {basePort} from '../helpers/lane.js';

test('the built app in a real terminal: open sentinel-failover, run the fault, read the new master and +switch-master off the screen, quit; reopening resumes with the state and step 3 passes with no key press; nothing left', {timeout: 300_000}, async (t) => {
	if (!needDocker(t)) return;
	if (!needTmux(t)) return;
	const config = mkdtempSync(join(tmpdir(), 'redis-lab-e2e-config-'));
	const command = `${process.execPath} ${CLI} start sentinel-failover --runtime docker --base-port ${basePort(0)} --down-after 3000 --lang en`;
	const env = {REDIS_LAB_IMAGE: TEST_IMAGE, REDIS_LAB_CONFIG_DIR: config, TERM: 'xterm-256color'};
	let terminal = new Terminal(command, {columns: 120, rows: 40, env});
	try {
		let screen = await terminal.waitFor(/Step 1\/\d+: .* · passed/, 60_000);
		assert.match(screen, /redis-lab · sentinel-failover · step 1\/\d+/);
		assert.match(screen, /master +● master/);
		assert.ok(screen.trimEnd().split('\n').length <= 39, `the screen fits 40 rows:\n${screen}`);

		terminal.keys('n');
		screen = await terminal.waitFor(/Step 2\/\d+: /);
		assert.match(screen, new RegExp(`\\$ docker stop redis-lab-${basePort(0)}-master`));
		terminal.keys('r');
		screen = await terminal.waitFor(/Step 2\/\d+: .* · passed/, 60_000);
		assert.match(screen, /\+switch-master +master → replica[12]/);
		assert.match(screen, /replica[12] +● master/);
		assert.match(screen, /master +✗ down/);
		assert.match(screen, /detect ✓ → agree ✓ → elect ✓ → promote ✓ → reconfigure ✓ → done ✓/);
		assert.match(await terminal.quitAndRemove(), /\[exit 0\]/);
		assert.deepEqual(labelledContainers(), []);
		assert.deepEqual(labelledNetworks(), []);
		terminal.close();

		terminal = new Terminal(command, {columns: 100, rows: 30, env});
		screen = await terminal.waitFor(/Step 3\/\d+: .* · passed/, 120_000);
		assert.match(screen, /replica[12] +● master/, 'the failover of step 2 was replayed');
		assert.match(await terminal.quitAndRemove(), /\[exit 0\]/);
		assert.deepEqual(labelledContainers(), []);
	} finally {
		terminal.close();
		rmSync(config, {recursive: true, force: true});
	}
});

test('a digit jump to the last step of quorum catches up on the steps before it, and the last step then passes', {timeout: 400_000}, async (t) => {
	if (!needDocker(t)) return;
	if (!needTmux(t)) return;
	const config = mkdtempSync(join(tmpdir(), 'redis-lab-e2e-config-'));
	const terminal = new Terminal(`${process.execPath} ${CLI} start quorum --runtime docker --base-port ${basePort(1)} --down-after 3000 --lang en`, {
		columns: 100,
		rows: 30,
		env: {REDIS_LAB_IMAGE: TEST_IMAGE, REDIS_LAB_CONFIG_DIR: config, TERM: 'xterm-256color'},
	});
	try {
		const first = await terminal.waitFor(/Step 1\/(\d+): .* · passed/, 90_000);
		const last = Number(/Step 1\/(\d+): /.exec(first)![1]);
		terminal.keys(String(last));
		await terminal.waitFor(new RegExp(`catching up to step ${last}`), 30_000);
		await terminal.waitFor(new RegExp(`Step ${last}/${last}: (?!.*catching up)`), 300_000);
		await terminal.waitFor(/^(?![\s\S]*catching up)/, 300_000);
		terminal.keys('r');
		await terminal.waitFor(new RegExp(`Step ${last}/${last}: .* · passed`), 120_000);
		assert.match(await terminal.quitAndRemove(), /\[exit 0\]/);
	} finally {
		terminal.close();
		rmSync(config, {recursive: true, force: true});
	}
});
