import {test} from 'node:test';
import assert from 'node:assert/strict';
import {spawn} from 'node:child_process';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {createServer} from 'node:net';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {commandLineOf, isNodeCommandLine, isSessionNodeProcess} from '../../../source/engine/runtime/local/pid-check.js';
import {findBinary} from '../../../source/engine/runtime/local/binaries.js';
import {waitForPing} from '../../../source/engine/runtime/ping.js';

function freePort(): Promise<number> {
	return new Promise((resolve) => {
		const server = createServer().listen(0, '127.0.0.1', () => {
			const {port} = server.address() as {port: number};
			server.close(() => resolve(port));
		});
	});
}

test('command lines: only this node\'s redis-server or redis-sentinel', () => {
	const node = {port: 6380, confPath: '/home/a/.cache/redis-lab/sessions/redis-lab-x/replica1/redis.conf'};
	assert.ok(isNodeCommandLine('redis-server 127.0.0.1:6380', node));
	assert.ok(isNodeCommandLine('/opt/redis 7/bin/redis-server 127.0.0.1:6380', node));
	assert.ok(isNodeCommandLine(`redis-server ${node.confPath}`, node), 'a title left unchanged names the config');
	assert.ok(isNodeCommandLine('redis-sentinel *:26379 [sentinel]', {port: 26379, confPath: '/x/sentinel.conf'}));
	assert.ok(isNodeCommandLine('valkey-server 127.0.0.1:6379', {port: 6379, confPath: '/x/redis.conf'}), 'a Valkey server');
	assert.ok(isNodeCommandLine('/opt/valkey/bin/valkey-sentinel *:26379 [sentinel]', {port: 26379, confPath: '/x/sentinel.conf'}), 'a Valkey sentinel');
	assert.ok(!isNodeCommandLine('redis-server 127.0.0.1:6381', node), 'another port');
	assert.ok(!isNodeCommandLine('redis-server 127.0.0.1:63800', node));
	assert.ok(!isNodeCommandLine('vim 127.0.0.1:6380', node));
	assert.ok(!isNodeCommandLine('node /usr/bin/my-redis-server-wrapper :6380', node));
});

test('an unrelated pid (this test\'s own process) is refused', async () => {
	const dir = mkdtempSync(join(tmpdir(), 'redis-lab-pid-'));
	writeFileSync(join(dir, 'redis.conf'), 'port 6379\n');
	try {
		assert.match((await commandLineOf(process.pid)) ?? '', /node/);
		assert.equal(await isSessionNodeProcess(process.pid, dir), false);
		assert.equal(await isSessionNodeProcess(2 ** 22 + 12345, dir), false, 'a pid nobody has');
	} finally {
		rmSync(dir, {recursive: true});
	}
});

test('the node\'s own redis-server is recognised, on Linux (/proc) and through ps', {skip: process.platform === 'win32'}, async (t) => {
	const server = await findBinary('redis-server');
	if (!server) return t.skip('no redis-server on PATH');
	const dir = mkdtempSync(join(tmpdir(), 'redis-lab-pid-'));
	const port = await freePort();
	writeFileSync(join(dir, 'redis.conf'), `port ${port}\nbind 127.0.0.1\nsave ""\nappendonly no\ndir ${dir}\n`);
	const child = spawn(server, [join(dir, 'redis.conf')], {stdio: 'ignore'});
	try {
		assert.ok(await waitForPing(port, {timeoutMs: 5000}), 'redis-server answers');
		assert.equal(await isSessionNodeProcess(child.pid!, dir), true);
		assert.equal(await isSessionNodeProcess(child.pid!, dir, 'darwin'), true, 'through ps -o command=');
		writeFileSync(join(dir, 'redis.conf'), `port ${port + 1}\n`);
		assert.equal(await isSessionNodeProcess(child.pid!, dir), false, 'another node\'s port');
	} finally {
		child.kill('SIGKILL');
		rmSync(dir, {recursive: true, force: true});
	}
});
