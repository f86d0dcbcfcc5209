import {test} from 'node:test';
import assert from 'node:assert/strict';
import {serverFromImageEnv, serverFromInfo, serverFromVersionOutput, serverName, supportRow, supportWarning} from '../../../source/engine/redis/server-kind.js';

// The first lines of INFO server, as each server answers it (CRLF, as on the wire).
const crlf = (lines: string[]) => lines.join('\r\n') + '\r\n';
const REDIS_7_0 = crlf(['# Server', 'redis_version:7.0.15', 'redis_git_sha1:00000000', 'redis_build_id:ae4d7c971a948f0', 'redis_mode:standalone', 'os:Linux 6.1.0 x86_64']);
const REDIS_7_2 = crlf(['# Server', 'redis_version:7.2.6', 'redis_git_sha1:00000000', 'redis_build_id:8592213e86f040d', 'redis_mode:sentinel']);
// Valkey says redis_version too (the Redis it is compatible with), before its own version.
const VALKEY_8 = crlf(['# Server', 'redis_version:7.2.4', 'server_name:valkey', 'valkey_version:8.0.1', 'redis_git_sha1:00000000', 'server_mode:standalone']);

test('INFO server: Redis 7.0 and 7.2 by redis_version, Valkey by valkey_version (not its redis_version 7.2.4)', () => {
	assert.deepEqual(serverFromInfo(REDIS_7_0), {flavour: 'redis', version: '7.0.15'});
	assert.deepEqual(serverFromInfo(REDIS_7_2), {flavour: 'redis', version: '7.2.6'});
	assert.deepEqual(serverFromInfo(VALKEY_8), {flavour: 'valkey', version: '8.0.1'});
});

test('INFO server: another server_name, or no version field at all, is unknown', () => {
	assert.deepEqual(serverFromInfo(crlf(['# Server', 'redis_version:7.2.4', 'server_name:keydb'])), {flavour: 'unknown', version: '7.2.4'});
	assert.deepEqual(serverFromInfo(crlf(['# Server', 'os:Linux'])), {flavour: 'unknown', version: ''});
	assert.deepEqual(serverFromInfo(''), {flavour: 'unknown', version: ''});
});

test('--version of each program: server, sentinel (the same binary) and cli, both flavours', () => {
	assert.deepEqual(serverFromVersionOutput('Redis server v=7.0.15 sha=00000000:0 malloc=jemalloc-5.3.0 bits=64 build=ae4d7c971a948f0\n'), {flavour: 'redis', version: '7.0.15'});
	assert.deepEqual(serverFromVersionOutput('Redis server v=7.2.6 sha=00000000:0 malloc=libc bits=64 build=8592213e86f040d\n'), {flavour: 'redis', version: '7.2.6'});
	assert.deepEqual(serverFromVersionOutput('Valkey server v=8.0.1 sha=00000000:1 malloc=libc bits=64 build=197310639d4a9dab\n'), {flavour: 'valkey', version: '8.0.1'});
	assert.deepEqual(serverFromVersionOutput('redis-cli 7.2.6\n'), {flavour: 'redis', version: '7.2.6'});
	assert.deepEqual(serverFromVersionOutput('valkey-cli 8.0.1\n'), {flavour: 'valkey', version: '8.0.1'});
	assert.deepEqual(serverFromVersionOutput('KeyDB server v=6.3.4 sha=0'), {flavour: 'unknown', version: '6.3.4'});
	assert.equal(serverFromVersionOutput('usage: something'), undefined);
});

test('image environment: the official images set REDIS_VERSION or VALKEY_VERSION', () => {
	assert.deepEqual(serverFromImageEnv(['PATH=/usr/local/bin', 'REDIS_VERSION=7.2.6']), {flavour: 'redis', version: '7.2.6'});
	assert.deepEqual(serverFromImageEnv(['VALKEY_VERSION=8.0.1']), {flavour: 'valkey', version: '8.0.1'});
	assert.equal(serverFromImageEnv(['PATH=/bin']), undefined);
});

test('names and the support table: Redis 7 and 8, Valkey 7 and 8 known; Valkey 9, Redis 6 and unknown servers warned of, in one line', () => {
	assert.equal(serverName({flavour: 'valkey', version: '8.0.1'}).en, 'Valkey 8.0.1');
	assert.equal(serverName({flavour: 'redis', version: '7.2.6'}).zh, 'Redis 7.2.6');
	assert.equal(supportRow({flavour: 'redis', version: '7.0.15'})?.tested, true);
	assert.equal(supportRow({flavour: 'valkey', version: '8.0.1'})?.tested, true);
	assert.equal(supportRow({flavour: 'redis', version: '8.0.0'})?.tested, false, 'Redis 8 is on paper');
	for (const known of [{flavour: 'redis', version: '7.0.15'}, {flavour: 'redis', version: '8.2.1'}, {flavour: 'valkey', version: '8.0.1'}] as const) assert.equal(supportWarning(known), undefined);
	const valkey9 = supportWarning({flavour: 'valkey', version: '9.0.0'});
	assert.equal(valkey9?.en, 'Valkey 9.0.0 is not in redis-lab\'s support table (Redis 7, Redis 8, Valkey 7, Valkey 8): some checks may fail');
	assert.match(valkey9.zh, /Valkey 9\.0\.0 不在/);
	assert.match(supportWarning({flavour: 'redis', version: '6.2.14'})!.en, /^Redis 6\.2\.14 is not in/);
	const unknown = supportWarning({flavour: 'unknown', version: ''})!;
	assert.match(unknown.en, /^redis-lab does not know this server \(INFO server has neither valkey_version nor redis_version\)/);
	for (const line of [valkey9.en, valkey9.zh, unknown.en, unknown.zh]) assert.ok(!line.includes('\n'));
});
