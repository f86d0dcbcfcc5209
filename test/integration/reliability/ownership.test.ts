// test-lane: default-ports
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {execFileSync, spawnSync} from 'node:child_process';
import {createServer} from 'node:net';
import {TEST_IMAGE, labelledContainers, needDocker, needRedisServer} from '../../helpers/env.js';
import {CliProcess} from '../../helpers/spawn-cli.js';
import {basePort} from '../../helpers/lane.js';

function cli(args: string[], env: Record<string, string> = {}) {
	const result = spawnSync(process.execPath, [new URL('../../../dist/cli.js', import.meta.url).pathname, ...args], {encoding: 'utf8', env: {...process.env, NO_COLOR: '1', REDIS_LAB_IMAGE: TEST_IMAGE, ...env}, timeout: 120_000});
	return result;
}

function docker(...args: string[]): string {
	return execFileSync('docker', args, {encoding: 'utf8'}).trim();
}

test('down removes only what redis-lab labelled: a user container named master, one named redis-lab-master and a user network survive', {timeout: 120_000}, async (t) => {
	if (!needDocker(t)) return;
	docker('network', 'create', 'users-own-net');
	docker('run', '-d', '--name', 'master', TEST_IMAGE, 'redis-server', '--port', '7777');
	try {
		const up = cli(['up', '--runtime', 'docker', '--base-port', String(basePort(0))]);
		assert.equal(up.status, 0, up.stderr);
		assert.equal(labelledContainers().length, 5);
		// A container with our name but without our label, after down: created by "someone else".
		const first = cli(['down']);
		assert.equal(first.status, 0, first.stderr);
		assert.match(first.stdout, /Removed 5 containers, 1 network/);
		docker('run', '-d', '--name', 'redis-lab-master', TEST_IMAGE, 'redis-server', '--port', '7778');
		const second = cli(['down']);
		assert.equal(second.status, 0, 'down is safe to run twice');
		assert.match(second.stdout, /Removed 0 containers, 0 networks/);
		assert.equal(docker('inspect', '-f', '{{.State.Running}}', 'master'), 'true');
		assert.equal(docker('inspect', '-f', '{{.State.Running}}', 'redis-lab-master'), 'true');
		assert.equal(docker('network', 'inspect', '-f', '{{.Name}}', 'users-own-net'), 'users-own-net');
		// Our default names are taken by a stranger: a clear message, nothing touched.
		const clash = cli(['up', '--runtime', 'docker']);
		assert.notEqual(clash.status, 0);
		assert.match(clash.stderr, /redis-lab-master already exists and is not part of this lab/);
		assert.equal(docker('inspect', '-f', '{{.State.Running}}', 'redis-lab-master'), 'true');
		assert.deepEqual(labelledContainers(), []);
	} finally {
		spawnSync('docker', ['rm', '-f', 'master', 'redis-lab-master']);
		spawnSync('docker', ['network', 'rm', 'users-own-net']);
	}
});

test('a listener on 6379: --base-port 6379 gives the port message; without the flag another range is picked and named', {timeout: 60_000}, async (t) => {
	if (!needRedisServer(t)) return;
	const server = createServer();
	await new Promise<void>((resolve) => server.listen(6379, '127.0.0.1', resolve));
	try {
		const given = cli(['up', '--runtime', 'local', '--base-port', '6379']);
		assert.notEqual(given.status, 0);
		assert.match(given.stderr, /^redis-lab: Port 6379 is already in use on 127\.0\.0\.1\n.*--base-port/);
		const moved = cli(['up', '--runtime', 'local']);
		assert.equal(moved.status, 0, moved.stdout + moved.stderr);
		assert.match(moved.stderr, /using --base-port (\d+)/);
		assert.notEqual(/using --base-port (\d+)/.exec(moved.stderr)?.[1], '6379');
	} finally {
		server.close();
		cli(['down']);
	}
});

test('after SIGKILL, the next start finds the leftovers: refuses without --clean, removes them with it', {timeout: 120_000}, async (t) => {
	if (!needDocker(t)) return;
	const first = new CliProcess(['run', 'sentinel-setup', '--runtime', 'docker', '--base-port', String(basePort(1))], {REDIS_LAB_IMAGE: TEST_IMAGE});
	await first.waitFor(/\$ docker run .*sentinel1/);
	first.child.kill('SIGKILL');
	await first.exit();
	assert.ok(labelledContainers().length > 0, 'a hard kill leaves containers behind');
	const refused = cli(['run', 'replication-command', '--runtime', 'docker', '--base-port', String(basePort(1))]);
	assert.notEqual(refused.status, 0);
	assert.match(refused.stderr, /from an earlier session are still there/);
	assert.match(refused.stderr, /--clean/);
	const cleaned = cli(['run', 'replication-command', '--runtime', 'docker', '--base-port', String(basePort(1)), '--clean']);
	assert.equal(cleaned.status, 0, cleaned.stdout + cleaned.stderr);
	assert.deepEqual(labelledContainers(), []);
});

test('every lab container publishes its port on 127.0.0.1 only', {timeout: 120_000}, async (t) => {
	if (!needDocker(t)) return;
	const up = cli(['up', '--runtime', 'docker', '--base-port', String(basePort(2))]);
	assert.equal(up.status, 0, up.stderr);
	try {
		for (const id of labelledContainers()) {
			const bindings = JSON.parse(docker('inspect', '-f', '{{json .HostConfig.PortBindings}}', id)) as Record<string, Array<{HostIp: string}>>;
			const ips = Object.values(bindings).flat().map((binding) => binding.HostIp);
			assert.ok(ips.length > 0);
			assert.deepEqual([...new Set(ips)], ['127.0.0.1']);
		}
	} finally {
		cli(['down']);
	}
});
