import {test} from 'node:test';
import assert from 'node:assert/strict';
import {existsSync, mkdtempSync, rmSync, symlinkSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import type Docker from 'dockerode';
import {binaryChecks, imageCheck} from '../../../source/engine/host/doctor-checks.js';
import {findBinary} from '../../../source/engine/runtime/local/binaries.js';

/** A Docker client whose only image has this environment (doctor reads it, never starts a container). */
function dockerWithImage(env: string[]): Docker {
	return {getImage: () => ({inspect: async () => ({Size: 12 * 1048576, Config: {Env: env}})})} as unknown as Docker;
}

test('doctor: the image line names the server its environment says (REDIS_VERSION, VALKEY_VERSION)', async () => {
	const redis = await imageCheck(dockerWithImage(['PATH=/usr/local/bin', 'REDIS_VERSION=7.2.6']), 'redis:7.2');
	assert.deepEqual([redis.level, redis.text.en], ['ok', 'redis:7.2 present (12 MB): Redis 7.2.6']);
	const valkey = await imageCheck(dockerWithImage(['VALKEY_VERSION=8.0.1']), 'valkey/valkey:8');
	assert.deepEqual([valkey.level, valkey.text.en], ['ok', 'valkey/valkey:8 present (12 MB): Valkey 8.0.1']);
	assert.match(valkey.text.zh, /Valkey 8\.0\.1$/);
	const future = await imageCheck(dockerWithImage(['VALKEY_VERSION=9.0.0']), 'valkey/valkey:9');
	assert.equal(future.level, 'warn');
	assert.match(future.text.en, /^valkey\/valkey:9 present \(12 MB\): Valkey 9\.0\.0 is not in redis-lab's support table/);
	const plain = await imageCheck(dockerWithImage(['PATH=/bin']), 'my/redis');
	assert.deepEqual([plain.level, plain.text.en], ['ok', 'my/redis present (12 MB)']);
});

const builds = process.env.REDIS_LAB_BUILDS ?? fileURLToPath(new URL('../../../../shared/redis-builds', import.meta.url));
const valkeyBin = join(builds, 'valkey-8.0.1/bin');

test('doctor: a Valkey folder with its own names, and no valkey-sentinel: the server, how sentinels start, the cli', {skip: !existsSync(join(valkeyBin, 'valkey-server')) && 'no Valkey build'}, async () => {
	const dir = mkdtempSync(join(tmpdir(), 'redis-lab-doctor-'));
	symlinkSync(join(valkeyBin, 'valkey-server'), join(dir, 'valkey-server'));
	symlinkSync(join(valkeyBin, 'valkey-cli'), join(dir, 'valkey-cli'));
	try {
		const {checks, usable} = await binaryChecks(dir, true);
		assert.equal(usable, true);
		assert.deepEqual(checks.map((check) => [check.topic, check.level, check.text.en]), [
			['valkey-server', 'ok', `Valkey 8.0.1 at ${join(dir, 'valkey-server')}`],
			['valkey-sentinel', 'ok', 'none here: sentinels start as valkey-server <file> --sentinel'],
			['valkey-cli', 'ok', `Valkey 8.0.1 at ${join(dir, 'valkey-cli')}`],
		]);
		symlinkSync(join(valkeyBin, 'valkey-server'), join(dir, 'valkey-sentinel'));
		const again = await binaryChecks(dir, true);
		assert.equal(again.checks[1]!.text.en, `sentinels start as ${join(dir, 'valkey-sentinel')}`);
	} finally {
		rmSync(dir, {recursive: true});
	}
});

test('doctor: an empty folder fails the server and the cli when the local runtime is asked for', async () => {
	const dir = mkdtempSync(join(tmpdir(), 'redis-lab-doctor-'));
	try {
		const {checks, usable} = await binaryChecks(dir, true);
		assert.equal(usable, false);
		assert.deepEqual(checks.map((check) => [check.topic, check.level]), [['redis-server', 'fail'], ['redis-cli', 'fail']]);
		assert.equal(checks[0]!.text.en, `not found in ${dir} (needed by --runtime local only)`);
	} finally {
		rmSync(dir, {recursive: true});
	}
});

test('doctor: Debian\'s Redis on PATH is named Redis, with redis-sentinel', {skip: !(await findBinary('redis-sentinel')) && 'no redis-sentinel on PATH'}, async () => {
	const {checks} = await binaryChecks(undefined, false);
	assert.match(checks[0]!.text.en, /^Redis 7\.\d+\.\d+ at \S+redis-server$/);
	assert.match(checks[1]!.text.en, /^sentinels start as \S+redis-sentinel$/);
});
