import {test} from 'node:test';
import assert from 'node:assert/strict';
import {existsSync, mkdtempSync, rmSync, symlinkSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {RedisLabError} from '../../../source/engine/base/errors.js';
import {checkRedisBinaries, findBinary} from '../../../source/engine/runtime/local/binaries.js';
import {LocalRuntime} from '../../../source/engine/runtime/local/runtime.js';

const serverPath = await findBinary('redis-server');
const cliPath = await findBinary('redis-cli');
const noRedis = (!serverPath || !cliPath) && 'redis-server and redis-cli are not on PATH';

/** A folder holding only redis-server and redis-cli (links to the real ones). */
function withoutSentinel(): string {
	const dir = mkdtempSync(join(tmpdir(), 'redis-lab-bin-'));
	symlinkSync(serverPath!, join(dir, 'redis-server'));
	symlinkSync(cliPath!, join(dir, 'redis-cli'));
	return dir;
}

function oneLine(pattern: RegExp) {
	return (error: unknown) => {
		assert.ok(error instanceof RedisLabError, String(error));
		assert.match(error.message, pattern);
		assert.ok(!error.message.includes('\n'), 'one line');
		return true;
	};
}

/** A folder of links: name -> target. */
function folderOf(links: Record<string, string>): string {
	const dir = mkdtempSync(join(tmpdir(), 'redis-lab-bin-'));
	for (const [name, target] of Object.entries(links)) symlinkSync(target, join(dir, name));
	return dir;
}

test('no redis-sentinel: the sentinel starts as redis-server <file> --sentinel', {skip: noRedis}, async () => {
	const dir = withoutSentinel();
	try {
		const found = await checkRedisBinaries({env: {PATH: dir}});
		assert.equal(found.family, 'redis');
		assert.deepEqual(found.sentinel, {path: join(dir, 'redis-server'), args: ['--sentinel']});
		assert.equal(found.server.kind.flavour, 'redis');
	} finally {
		rmSync(dir, {recursive: true});
	}
});

test('a missing cli, or no server of either name, is said in one line', {skip: noRedis}, async () => {
	const dir = folderOf({'redis-server': serverPath!});
	try {
		await assert.rejects(checkRedisBinaries({env: {PATH: dir}}), oneLine(/^redis-cli not found on PATH \(apt-get install redis-tools \/ brew install redis\)$/));
		await assert.rejects(checkRedisBinaries({env: {PATH: join(dir, 'nothing')}}), oneLine(/^neither redis-server nor valkey-server found on PATH \(apt-get install redis-server redis-sentinel redis-tools/));
	} finally {
		rmSync(dir, {recursive: true});
	}
});

test('the local runtime checks before starting (--redis-bin folder)', {skip: noRedis}, async () => {
	const dir = folderOf({'redis-server': serverPath!});
	try {
		const runtime = new LocalRuntime({sessionId: 'unit-no-cli', basePort: 32000, image: 'unused', redisBin: dir});
		await assert.rejects(runtime.prepare(), oneLine(new RegExp(`^redis-cli not found in ${dir} `)));
	} finally {
		rmSync(dir, {recursive: true});
	}
});

test('all found on PATH, with their versions', {skip: noRedis || !process.env.PATH}, async () => {
	const found = await checkRedisBinaries();
	for (const binary of [found.server, found.cli]) assert.match(binary.version, /^\d+\.\d+\.\d+$/);
	assert.ok(found.server.path.endsWith(`${found.family}-server`));
	assert.ok(found.cli.path.endsWith('-cli'));
});

// Valkey 8.0.1 as its own `make install` names it, from the shared builds (see build-version-images.sh).
const builds = process.env.REDIS_LAB_BUILDS ?? fileURLToPath(new URL('../../../../shared/redis-builds', import.meta.url));
const valkeyServer = join(builds, 'valkey-8.0.1/bin/valkey-server');
const noValkey = !existsSync(valkeyServer) && `no Valkey build at ${valkeyServer}`;

test('a Valkey folder with only valkey-* names: valkey-server, valkey-sentinel, valkey-cli; Valkey 8.0.1', {skip: noValkey}, async () => {
	const cli = join(builds, 'valkey-8.0.1/bin/valkey-cli');
	const dir = folderOf({'valkey-server': valkeyServer, 'valkey-sentinel': valkeyServer, 'valkey-cli': cli});
	try {
		const found = await checkRedisBinaries({binDir: dir});
		assert.equal(found.family, 'valkey');
		assert.deepEqual(found.server.kind, {flavour: 'valkey', version: '8.0.1'});
		assert.deepEqual(found.sentinel, {path: join(dir, 'valkey-sentinel'), args: []});
		assert.equal(found.cli.path, join(dir, 'valkey-cli'));
		rmSync(join(dir, 'valkey-sentinel'));
		assert.deepEqual((await checkRedisBinaries({binDir: dir})).sentinel, {path: join(dir, 'valkey-server'), args: ['--sentinel']}, 'no valkey-sentinel: the server with --sentinel');
	} finally {
		rmSync(dir, {recursive: true});
	}
});

test('a redis-server that is a link to valkey-server says it is Valkey', {skip: noValkey}, async () => {
	const dir = folderOf({'redis-server': valkeyServer, 'redis-cli': join(builds, 'valkey-8.0.1/bin/valkey-cli')});
	try {
		const found = await checkRedisBinaries({binDir: dir});
		assert.equal(found.family, 'redis');
		assert.deepEqual(found.server.kind, {flavour: 'valkey', version: '8.0.1'});
	} finally {
		rmSync(dir, {recursive: true});
	}
});

test('on Windows the local runtime says in one line that it needs Linux or macOS', async () => {
	await assert.rejects(checkRedisBinaries({platform: 'win32'}), oneLine(/^The local runtime needs Linux or macOS$/));
});
