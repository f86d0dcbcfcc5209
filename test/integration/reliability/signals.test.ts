// SIGINT, SIGTERM and SIGHUP mid-lab on both runtimes: six cases at once, each with its own owner,
// cache folder and base port, so each one's leftovers are its own.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {existsSync, mkdtempSync, readdirSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {sessionsRoot} from '../../../source/engine/runtime/session-dir.js';
import {TEST_IMAGE, labelledContainers, labelledNetworks, needDocker, needRedisServer, redisProcessesOn} from '../../helpers/env.js';
import {basePort, laneOwner} from '../../helpers/lane.js';
import {CliProcess} from '../../helpers/spawn-cli.js';

/** Session folders (configs, logs, pid files) in a cache folder. */
function sessionFolders(cacheDir: string): string[] {
	const root = sessionsRoot({REDIS_LAB_CACHE_DIR: cacheDir});
	return existsSync(root) ? readdirSync(root).filter((name) => name.startsWith('redis-lab-')) : [];
}

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

test('a signal mid-lab removes what the lab started, with its clean-up not cut short', {timeout: 180_000}, async (t) => {
	const docker = needDocker(t);
	const local = needRedisServer(t);
	const cases = SIGNALS.flatMap((signal, index) => [
		...(docker ? [{signal, runtime: 'docker' as const, slot: index}] : []),
		...(local ? [{signal, runtime: 'local' as const, slot: index + 3}] : []),
	]);
	await Promise.all(cases.map(({signal, runtime, slot}) => t.test(`${runtime}: ${signal}`, async () => {
		const owner = `${laneOwner()}-${runtime}-${signal}`;
		const cacheDir = mkdtempSync(join(tmpdir(), 'redis-lab-signals-'));
		const base = basePort(slot);
		const cli = new CliProcess(['run', 'sentinel-setup', '--runtime', runtime, '--base-port', String(base)], {REDIS_LAB_IMAGE: TEST_IMAGE, REDIS_LAB_OWNER: owner, REDIS_LAB_CACHE_DIR: cacheDir});
		await cli.waitFor(runtime === 'docker' ? /\$ docker run .*sentinel1/ : /\$ redis-sentinel .*sentinel1/);
		const sentAt = Date.now();
		cli.child.kill(signal);
		const {code} = await cli.exit();
		t.diagnostic(`${runtime} ${signal}: clean exit in ${Date.now() - sentAt} ms`);
		assert.doesNotMatch(cli.stderr, /taking too long|Forced exit/, 'the clean-up ran to its end');
		if (runtime === 'docker') {
			assert.notEqual(code, 0);
			assert.deepEqual(labelledContainers(`redis-lab.owner=${owner}`), []);
			assert.deepEqual(labelledNetworks(`redis-lab.owner=${owner}`), []);
			assert.doesNotMatch(cli.stderr, /\n\s+at /, 'no stack trace');
		} else {
			assert.deepEqual(redisProcessesOn([0, 1, 2, 10_000, 10_001].map((offset) => base + offset)), []);
		}
		assert.deepEqual(sessionFolders(cacheDir), []);
	})));
});
