import {test} from 'node:test';
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {createServer, type Server} from 'node:net';
import {CLI, labelledContainers, needDocker, needRedisServer, TEST_IMAGE} from '../helpers/env.js';
import {basePort} from '../helpers/lane.js';

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

// How fast the answer comes is a benchmark figure (scripts/bench-cli.ts, goal 3 s); here: it comes, with no connect retries.
test('Docker unreachable with --runtime docker: one line, no waiting on retries', () => {
	const result = cli(['up', '--runtime', 'docker'], {DOCKER_HOST: 'unix:///tmp/redis-lab-no-such-docker.sock'});
	assertOneLineError(result, /^redis-lab: Docker is not reachable at unix:\/\/\/tmp\/redis-lab-no-such-docker\.sock/);
	assert.ok(result.ms < 20_000, `took ${result.ms} ms`);
});

test('port taken (local runtime): the message names the port', async (t) => {
	if (!needRedisServer(t)) return;
	const server = await listen(basePort(0) + 1);
	try {
		const result = cli(['up', '--runtime', 'local', '--base-port', String(basePort(0))]);
		assertOneLineError(result, new RegExp(`Port ${basePort(0) + 1} is already in use on 127\\.0\\.0\\.1`));
		assert.match(result.stderr, /--base-port/);
	} finally {
		server.close();
		cli(['down']);
	}
});

test('port taken (docker runtime): the message names the port, nothing is left', async (t) => {
	if (!needDocker(t)) return;
	const server = await listen(basePort(1) + 2);
	try {
		const result = cli(['up', '--runtime', 'docker', '--base-port', String(basePort(1))], {REDIS_LAB_IMAGE: TEST_IMAGE});
		assertOneLineError(result, new RegExp(`Port ${basePort(1) + 2} is already in use on 127\\.0\\.0\\.1`));
		const left = labelledContainers().join('\n');
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
		const result = cli([...args, '--runtime', 'docker', '--image', image, '--base-port', String(basePort(2))]);
		const lines = result.stderr.trim().split('\n');
		assert.notEqual(result.status, 0);
		assert.match(lines[0]!, /^redis-lab: Image 127\.0\.0\.1:1\/redis-lab\/absent:1 is not here and could not be pulled/);
		assert.match(lines[1]!, /--image/);
		assert.equal(lines.length, 2, result.stderr);
	}
	const left = labelledContainers().join('\n');
	assert.equal(left, '');
});
