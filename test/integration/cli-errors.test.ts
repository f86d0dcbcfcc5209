import {test} from 'node:test';
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {createServer, type Server} from 'node:net';
import {CLI, needDocker, needRedisServer, TEST_IMAGE} from '../helpers/env.js';

function cli(args: string[], env: Record<string, string> = {}) {
	const started = Date.now();
	const result = spawnSync(process.execPath, [CLI, ...args], {encoding: 'utf8', env: {...process.env, NO_COLOR: '1', ...env}, timeout: 60_000});
	return {...result, ms: Date.now() - started};
}

function assertOneLineError(result: ReturnType<typeof cli>, pattern: RegExp): void {
	assert.notEqual(result.status, 0, 'exit code is not zero');
	const lines = result.stderr.trim().split('\n');
	assert.match(lines[0]!, pattern);
	assert.ok(lines.length <= 2, `one message line and at most one hint: ${result.stderr}`);
	assert.doesNotMatch(result.stderr, /\n\s+at /, 'no stack trace');
}

function listen(port: number): Promise<Server> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(port, '127.0.0.1', () => resolve(server));
	});
}

test('unknown runtime: one line, exit 2', () => {
	const result = cli(['up', '--runtime', 'podman']);
	assertOneLineError(result, /^redis-lab: Unknown runtime "podman"/);
	assert.equal(result.status, 2);
});

test('unknown command and unknown flag: one line each', () => {
	assertOneLineError(cli(['frobnicate']), /^redis-lab: Unknown command "frobnicate"/);
	assertOneLineError(cli(['up', '--colour']), /^redis-lab: Unknown option '--colour'/);
	assertOneLineError(cli(['up', '--base-port', 'abc']), /^redis-lab: Bad --base-port "abc"/);
	assertOneLineError(cli(['run', 'no-such-lab']), /^redis-lab: Unknown lab "no-such-lab"/);
	assertOneLineError(cli(['start', 'no-such-lab']), /^redis-lab: Unknown lab "no-such-lab"/);
	assertOneLineError(cli(['up', '--base-port', '70000']), /^redis-lab: Bad --base-port "70000"/);
});

test('Docker unreachable with --runtime docker: one line within 3 s', () => {
	const result = cli(['up', '--runtime', 'docker'], {DOCKER_HOST: 'unix:///tmp/redis-lab-no-such-docker.sock'});
	assertOneLineError(result, /^redis-lab: Docker is not reachable at unix:\/\/\/tmp\/redis-lab-no-such-docker\.sock/);
	assert.ok(result.ms < 3000, `took ${result.ms} ms`);
});

test('port taken (local runtime): the message names the port', async (t) => {
	if (!needRedisServer(t)) return;
	const server = await listen(8380);
	try {
		const result = cli(['up', '--runtime', 'local', '--base-port', '8379']);
		assertOneLineError(result, /Port 8380 is already in use on 127\.0\.0\.1/);
		assert.match(result.stderr, /--base-port/);
	} finally {
		server.close();
		cli(['down']);
	}
});

test('port taken (docker runtime): the message names the port, nothing is left', async (t) => {
	if (!needDocker(t)) return;
	const server = await listen(9381);
	try {
		const result = cli(['up', '--runtime', 'docker', '--base-port', '9379'], {REDIS_LAB_IMAGE: TEST_IMAGE});
		assertOneLineError(result, /Port 9381 is already in use on 127\.0\.0\.1/);
		const left = spawnSync('docker', ['ps', '-aq', '--filter', 'label=redis-lab.managed=true'], {encoding: 'utf8'}).stdout.trim();
		assert.equal(left, '', 'the failed up removed what it created');
	} finally {
		server.close();
	}
});

test('image missing and the pull failing: one line naming the image, a hint naming --image, nothing left', async (t) => {
	if (!needDocker(t)) return;
	// A registry on a closed loopback port: the pull fails at once, and nothing leaves this machine.
	const image = '127.0.0.1:1/redis-lab/absent:1';
	for (const args of [['up'], ['run', 'replication-command']]) {
		const result = cli([...args, '--runtime', 'docker', '--image', image, '--base-port', '9379']);
		const lines = result.stderr.trim().split('\n');
		assert.notEqual(result.status, 0);
		assert.match(lines[0]!, /^redis-lab: Image 127\.0\.0\.1:1\/redis-lab\/absent:1 is not here and could not be pulled/);
		assert.match(lines[1]!, /--image/);
		assert.equal(lines.length, 2, result.stderr);
	}
	const left = spawnSync('docker', ['ps', '-aq', '--filter', 'label=redis-lab.managed=true'], {encoding: 'utf8'}).stdout.trim();
	assert.equal(left, '');
});
