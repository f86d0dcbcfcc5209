import {test} from 'node:test';
import assert from 'node:assert/strict';
import {existsSync, readdirSync} from 'node:fs';
import {sessionsRoot} from '../../../source/engine/session-dir.js';
import {TEST_IMAGE, labelledContainers, labelledNetworks, needDocker, needRedisServer, redisProcessesOn} from '../../helpers/env.js';
import {CliProcess} from '../../helpers/spawn-cli.js';

const LOCAL_PORTS = [8479, 8480, 8481, 18479, 18480];

/** Session folders (configs, logs, pid files) in the user's cache folder. */
function sessionFolders(): string[] {
	const root = sessionsRoot();
	return existsSync(root) ? readdirSync(root).filter((name) => name.startsWith('redis-lab-')) : [];
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
	test(`docker: ${signal} mid-lab removes the lab's containers and network within 5 s`, {timeout: 120_000}, async (t) => {
		if (!needDocker(t)) return;
		const before = sessionFolders();
		const cli = new CliProcess(['run', 'sentinel-setup', '--runtime', 'docker', '--base-port', '8379'], {REDIS_LAB_IMAGE: TEST_IMAGE});
		await cli.waitFor(/\$ docker run .*sentinel1/);
		const sentAt = Date.now();
		cli.child.kill(signal);
		const {code} = await cli.exit();
		assert.ok(Date.now() - sentAt < 5000, `clean exit took ${Date.now() - sentAt} ms`);
		assert.notEqual(code, 0);
		assert.deepEqual(labelledContainers(), []);
		assert.deepEqual(labelledNetworks(), []);
		assert.deepEqual(sessionFolders().filter((name) => !before.includes(name)), []);
		assert.doesNotMatch(cli.stderr, /\n\s+at /, 'no stack trace');
	});

	test(`local: ${signal} mid-lab stops the lab's processes and removes its folder`, {timeout: 120_000}, async (t) => {
		if (!needRedisServer(t)) return;
		const before = sessionFolders();
		const cli = new CliProcess(['run', 'sentinel-setup', '--runtime', 'local', '--base-port', '8479']);
		await cli.waitFor(/\$ redis-sentinel .*sentinel1/);
		const sentAt = Date.now();
		cli.child.kill(signal);
		await cli.exit();
		assert.ok(Date.now() - sentAt < 5000, `clean exit took ${Date.now() - sentAt} ms`);
		assert.deepEqual(redisProcessesOn(LOCAL_PORTS), []);
		assert.deepEqual(sessionFolders().filter((name) => !before.includes(name)), []);
	});
}
