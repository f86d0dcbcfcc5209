import {test} from 'node:test';
import assert from 'node:assert/strict';
import {ERROR_CODES, RedisLabError, errorKindOf, exitStatusOf, hintOf, messageOf, saidOf} from '../../source/engine/base/errors.js';
import {ENGINE, sharedKeys} from '../../source/i18n/engine.js';
import {daemonAnswer, dockerError, isDockerStatus, redisError} from '../../source/engine/base/known-errors.js';
import {both} from '../../source/i18n/index.js';

const x = {en: 'x', zh: 'x'};

function raw(message: string, fields: Record<string, unknown> = {}): Error {
	return Object.assign(new Error(message), fields);
}

test('exit status: 2 for what the user typed, 1 for the environment, redis-lab itself and anything unknown', () => {
	assert.equal(exitStatusOf(new RedisLabError('BAD_INPUT', x)), 2);
	assert.equal(exitStatusOf(new RedisLabError('UNKNOWN_LAB', x)), 2);
	assert.equal(exitStatusOf(new RedisLabError('LAB_FILE', 'x')), 2);
	assert.equal(exitStatusOf(new RedisLabError('PORT_TAKEN', x)), 1);
	assert.equal(exitStatusOf(new RedisLabError('INTERNAL', 'x')), 1);
	assert.equal(exitStatusOf(new Error('boom')), 1);
	assert.equal(errorKindOf(new RedisLabError('DOCKER_LOST', x)), 'environment');
	assert.equal(errorKindOf(new RedisLabError('BAD_INPUT', x)), 'input');
	for (const [code, info] of Object.entries(ERROR_CODES)) assert.equal(info.exit === 2, info.kind === 'input', code);
});

test('a code\'s default hint is used only when the throw site gives none', () => {
	assert.match(new RedisLabError('PORT_TAKEN', x).hint!, /--base-port/);
	assert.equal(new RedisLabError('PORT_TAKEN', x, {hint: {en: 'mine', zh: '我的'}}).hint, 'mine');
	assert.equal(new RedisLabError('TIMEOUT', x).hint, undefined);
});

test('raw Docker errors become known codes', () => {
	const socket = '/var/run/docker.sock';
	assert.equal(dockerError(raw('connect EACCES /var/run/docker.sock', {code: 'EACCES', address: socket}), {dockerHost: socket}).message, 'Permission denied on the Docker socket /var/run/docker.sock');
	assert.equal(dockerError(raw('connect ENOENT /var/run/docker.sock', {code: 'ENOENT'})).code, 'DOCKER_LOST');
	assert.equal(dockerError(raw('connect ECONNREFUSED', {code: 'ECONNREFUSED'})).code, 'DOCKER_LOST');
	const port = dockerError(raw('(HTTP code 500) server error - driver failed programming external connectivity: Bind for 127.0.0.1:6379 failed: port is already allocated', {statusCode: 500}), {port: 6379});
	assert.deepEqual([port.code, port.message], ['PORT_TAKEN', 'Port 6379 is already in use on 127.0.0.1']);
	const image = dockerError(raw('(HTTP code 404) no such container - No such image: redis:9', {statusCode: 404}), {image: 'redis:9'});
	assert.equal(image.code, 'IMAGE_MISSING');
	assert.match(image.message, /^Image redis:9 is not here/);
	const name = dockerError(raw('(HTTP code 409) unexpected - Conflict. The container name "/redis-lab-master" is already in use', {statusCode: 409}), {name: 'redis-lab-master'});
	assert.deepEqual([name.code, name.message], ['NAME_CONFLICT', 'A container named redis-lab-master already exists and is not part of this lab']);
	const other = dockerError(raw('(HTTP code 500) server error - something odd', {statusCode: 500, json: {message: 'something odd'}}));
	assert.deepEqual([other.code, other.message], ['INTERNAL', 'Docker: something odd']);
	const known = new RedisLabError('TIMEOUT', x);
	assert.equal(dockerError(known), known);
	assert.ok(isDockerStatus(raw('x', {statusCode: 304}), 304, 409));
	assert.ok(!isDockerStatus(raw('x'), 404));
});

test('raw ioredis errors become known codes, in redis-cli\'s words where it has them', () => {
	assert.equal(redisError(raw('connect ECONNREFUSED 127.0.0.1:6380', {code: 'ECONNREFUSED', port: 6380})).message, 'Could not connect to Redis at 127.0.0.1:6380: Connection refused');
	assert.equal(redisError(raw('WRONGPASS invalid username-password pair or user is disabled.')).code, 'BAD_INPUT');
	assert.equal(redisError(raw('Command timed out'), {port: 6379}).code, 'TIMEOUT');
	assert.equal(redisError(raw('READONLY You can\'t write against a read only replica.')).code, 'INTERNAL');
});

test('a daemon\'s refusal reads as the docker CLI prints it', () => {
	assert.equal(daemonAnswer(raw('(HTTP code 409) unexpected - Container abc is paused, unpause the container before exec', {statusCode: 409, json: {message: 'Container abc is paused, unpause the container before exec'}})), 'Error response from daemon: Container abc is paused, unpause the container before exec');
	assert.equal(daemonAnswer(raw('(HTTP code 409) unexpected - Container abc is not running', {statusCode: 409})), 'Error response from daemon: Container abc is not running');
	assert.equal(daemonAnswer(raw('connect ENOENT /var/run/docker.sock', {code: 'ENOENT'})), undefined);
});

test('engine errors and hints speak both languages; redis-cli\'s own words stay as redis-cli prints them', () => {
	assert.deepEqual(sharedKeys, [], 'a key in both the hint and the error group hides one of them');
	for (const key of Object.keys(ENGINE)) {
		const params = {name: 'master', port: 6379, value: 'v', text: 't', lab: 'quorum', runtimes: 'docker', host: 'h', reason: 'r', where: 'w', names: 'a, b', seconds: 1, what: 'w', tried: 't', image: 'i', missing: 'm', packages: 'p', binDir: '', path: 'p', version: '6.2.0', id: 'c', detail: 'd', number: 9, highest: 65000, quote: '"', line: 'l', socket: 's', source: 's', scheme: 'ftp:', why: 'w', count: 2, tail: ''};
		const text = both(ENGINE[key as keyof typeof ENGINE], params);
		assert.ok(text.en.trim() && text.zh.trim(), key);
		if (key !== 'connectionRefused') assert.match(text.zh, /[\u4e00-\u9fff]/, `${key} has Chinese: ${text.zh}`);
	}
	const error = new RedisLabError('PORT_TAKEN', both(ENGINE.portInUse, {port: 6379}));
	assert.equal(error.message, 'Port 6379 is already in use on 127.0.0.1');
	assert.equal(messageOf(error, 'zh'), '127.0.0.1 上的端口 6379 已被占用');
	assert.match(hintOf(error, 'zh')!, /--base-port/);
	assert.match(hintOf(error, 'zh')!, /[\u4e00-\u9fff]/, 'the default hint is said in Chinese too');
	assert.deepEqual(saidOf(new Error('plain')), {message: {en: 'plain', zh: 'plain'}, hint: undefined});
	for (const [code, info] of Object.entries(ERROR_CODES)) {
		const hint = (info as {hint?: {en: string; zh: string}}).hint;
		if (hint) assert.match(hint.zh, /[\u4e00-\u9fff]/, code);
	}
	const refused = redisError(raw('connect ECONNREFUSED 127.0.0.1:6380', {code: 'ECONNREFUSED', port: 6380}));
	assert.equal(messageOf(refused, 'zh'), 'Could not connect to Redis at 127.0.0.1:6380: Connection refused');
	assert.equal(messageOf(dockerError(raw('connect EACCES', {code: 'EACCES'}), {dockerHost: '/s'}), 'zh'), '没有权限访问 Docker socket /s');
});
