import {test} from 'node:test';
import assert from 'node:assert/strict';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {CLI, TEST_IMAGE, inCI, labelledContainers, labelledNetworks, needDocker} from '../helpers/env.js';
import {Terminal, tmuxAvailable} from '../helpers/terminal.js';

test('the built app in a real terminal: open sentinel-failover, run the fault, read the new master and +switch-master off the screen, quit, nothing left', {timeout: 180_000}, async (t) => {
	if (!needDocker(t)) return;
	if (!tmuxAvailable()) {
		if (inCI) throw new Error('tmux is required in CI');
		t.skip('tmux is not installed');
		return;
	}
	const config = mkdtempSync(join(tmpdir(), 'redis-lab-e2e-config-'));
	const terminal = new Terminal(`${process.execPath} ${CLI} start sentinel-failover --runtime docker --base-port 9479`, {
		columns: 100,
		rows: 30,
		env: {REDIS_LAB_IMAGE: TEST_IMAGE, XDG_CONFIG_HOME: config, TERM: 'xterm-256color'},
	});
	try {
		let screen = await terminal.waitFor(/Step 1\/4: .* · passed/, 60_000);
		assert.match(screen, /redis-lab · sentinel-failover · step 1\/4/);
		assert.match(screen, /master +● master/);
		assert.ok(screen.trimEnd().split('\n').length <= 29, `the screen fits 30 rows:\n${screen}`);

		terminal.keys('n');
		screen = await terminal.waitFor(/Step 2\/4: /);
		assert.match(screen, /\$ docker stop redis-lab-9479-master/);
		terminal.keys('r');
		screen = await terminal.waitFor(/Step 2\/4: .* · passed/, 60_000);
		assert.match(screen, /\+switch-master +master → replica[12]/);
		assert.match(screen, /replica[12] +● master/);
		assert.match(screen, /master +✗ down/);
		assert.match(screen, /detect ✓ → agree ✓ → elect ✓ → promote ✓ → reconfigure ✓ → done ✓/);

		terminal.keys('q');
		await terminal.waitFor(/Remove the lab's containers and processes\?/);
		terminal.keys('y');
		screen = await terminal.waitFor(/\[exit \d+\]/, 30_000);
		assert.match(screen, /\[exit 0\]/);
		assert.deepEqual(labelledContainers(), []);
		assert.deepEqual(labelledNetworks(), []);
	} finally {
		terminal.close();
		rmSync(config, {recursive: true, force: true});
	}
});
