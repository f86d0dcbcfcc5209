import {test} from 'node:test';
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {CLI, TEST_IMAGE, labelledContainers, needDocker, needRedisServer} from '../../helpers/env.js';
import {basePort} from '../../helpers/lane.js';

const BASE = basePort(0);

const PASSWORD = 'lab-s3cret';

function cli(args: string[]) {
	return spawnSync(process.execPath, [CLI, ...args], {encoding: 'utf8', env: {...process.env, NO_COLOR: '1', REDIS_LAB_IMAGE: TEST_IMAGE}, timeout: 180_000});
}

function redisCli(port: number, ...args: string[]): string {
	const result = spawnSync('redis-cli', ['-p', String(port), ...args], {encoding: 'utf8', env: {...process.env, REDISCLI_AUTH: ''}});
	return (result.stdout + result.stderr).trim();
}

test('--password: every node refuses an unauthenticated redis-cli and answers with the password', {timeout: 120_000}, async (t) => {
	if (!needDocker(t)) return;
	const up = cli(['up', '--runtime', 'docker', '--base-port', String(BASE), '--password', PASSWORD]);
	assert.equal(up.status, 0, up.stdout + up.stderr);
	try {
		for (const port of [0, 1, 2, 10_000, 10_001].map((offset) => BASE + offset)) {
			assert.match(redisCli(port, 'PING'), /NOAUTH Authentication required/, `port ${port} without the password`);
			assert.match(redisCli(port, '--no-auth-warning', '-a', PASSWORD, 'PING'), /^PONG$/, `port ${port} with the password`);
		}
		assert.match(redisCli(BASE + 10_000, '--no-auth-warning', '-a', PASSWORD, 'INFO', 'sentinel'), new RegExp(`status=ok,address=[\\d.]+:${BASE},slaves=2,sentinels=2`));
	} finally {
		cli(['down']);
	}
	assert.deepEqual(labelledContainers(), []);
});

test('--password: a failover lab passes on docker, a replication lab on local processes', {timeout: 240_000}, async (t) => {
	if (!needDocker(t) || !needRedisServer(t)) return;
	const docker = cli(['run', 'sentinel-failover', '--runtime', 'docker', '--base-port', String(basePort(1)), '--password', PASSWORD, '--down-after', '3000']);
	assert.equal(docker.status, 0, docker.stdout.slice(-3000) + docker.stderr);
	assert.match(docker.stdout, /✓ sentinel-failover: every check passed/);
	const local = cli(['run', 'read-only-replicas', '--runtime', 'local', '--base-port', String(basePort(2)), '--password', PASSWORD]);
	assert.equal(local.status, 0, local.stdout.slice(-3000) + local.stderr);
	assert.match(local.stdout, /✓ read-only-replicas: every check passed/);
});
