import {test} from 'node:test';
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {mkdtempSync, rmSync, symlinkSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {findBinary} from '../../../source/engine/runtime/local/binaries.js';
import {CLI, needRedisServer} from '../../helpers/env.js';
import {basePort} from '../../helpers/lane.js';

test('local runtime without redis-cli on PATH: one line naming it, nothing started (a missing redis-sentinel is not missing: redis-server --sentinel)', async (t) => {
	if (!needRedisServer(t)) return;
	const bin = mkdtempSync(join(tmpdir(), 'redis-lab-path-'));
	const cache = mkdtempSync(join(tmpdir(), 'redis-lab-cache-'));
	symlinkSync((await findBinary('redis-server'))!, join(bin, 'redis-server'));
	try {
		const result = spawnSync(process.execPath, [CLI, 'run', 'replication-command', '--runtime', 'local', '--base-port', String(basePort(0))], {
			encoding: 'utf8',
			timeout: 30_000,
			env: {...process.env, NO_COLOR: '1', PATH: bin, REDIS_LAB_CACHE_DIR: cache},
		});
		assert.equal(result.status, 1);
		const lines = result.stderr.trim().split('\n');
		assert.equal(lines[0], 'redis-lab: redis-cli not found on PATH (apt-get install redis-tools / brew install redis)');
		assert.ok(lines.length <= 2, `one line and a hint: ${result.stderr}`);
		assert.doesNotMatch(result.stdout + result.stderr, /did not answer PING/);
	} finally {
		rmSync(bin, {recursive: true});
		rmSync(cache, {recursive: true});
	}
});
