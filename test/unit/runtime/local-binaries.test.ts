import {test} from 'node:test';
import assert from 'node:assert/strict';
import {mkdtempSync, rmSync, symlinkSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {RedisLabError} from '../../../source/engine/errors.js';
import {checkRedisBinaries, findBinary} from '../../../source/engine/runtime/local-binaries.js';
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

test('a PATH without redis-sentinel is named in one line', {skip: noRedis}, async () => {
	const dir = withoutSentinel();
	try {
		await assert.rejects(checkRedisBinaries({env: {PATH: dir}}), oneLine(/^redis-sentinel not found on PATH \(apt-get install redis-sentinel \/ brew install redis\)$/));
		await assert.rejects(checkRedisBinaries({env: {PATH: join(dir, 'nothing')}}), oneLine(/^redis-server and redis-sentinel and redis-cli not found on PATH \(apt-get install redis-server redis-sentinel redis-tools/));
	} finally {
		rmSync(dir, {recursive: true});
	}
});

test('the local runtime checks all three before starting (--redis-bin folder)', {skip: noRedis}, async () => {
	const dir = withoutSentinel();
	try {
		const runtime = new LocalRuntime({sessionId: 'unit-no-sentinel', basePort: 32000, image: 'unused', redisBin: dir});
		await assert.rejects(runtime.prepare(), oneLine(new RegExp(`^redis-sentinel not found in ${dir} `)));
	} finally {
		rmSync(dir, {recursive: true});
	}
});

test('all three found, with their versions', {skip: noRedis || !process.env.PATH}, async () => {
	const found = await checkRedisBinaries();
	for (const name of ['redis-server', 'redis-sentinel', 'redis-cli'] as const) {
		assert.match(found[name].version, /^\d+\.\d+\.\d+$/, name);
		assert.ok(found[name].path.endsWith(name));
	}
});

test('on Windows the local runtime says in one line that it needs Linux or macOS', async () => {
	await assert.rejects(checkRedisBinaries({platform: 'win32'}), oneLine(/^The local runtime needs Linux or macOS$/));
});
