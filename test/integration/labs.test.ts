// test-lane: long 150
// Every lab headless through `run`, on the runtime the mutation suite does not run it on: that
// suite (test/mutation/checks-can-fail.test.ts) runs every real step of every lab on the other
// runtime and fails when one does not pass, so together they run every lab on both runtimes once
// (Redis 7.0; other servers: versions.test.ts). One test per lab, several at once: each run takes
// a free slot of this file's lane (its own base port) and sentinels notice a stopped master after
// 3 s (--down-after), as a learner's would after the lab's own setting.
import {describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {spawn} from 'node:child_process';
import {loadCatalogue} from '../../source/engine/lab/format/loader.js';
import {CLI, TEST_IMAGE, dockerUnavailable, inCI, labelledContainers, redisProcessesOn, redisServerFound} from '../helpers/env.js';
import {SLOTS, basePort, laneOwner} from '../helpers/lane.js';
import {mutationRuntime} from '../helpers/mutation.js';

const AT_ONCE = Number(process.env.REDIS_LAB_TEST_LAB_RUNS ?? 4);
const DOWN_AFTER_MS = 3000;

function runLab(id: string, runtime: 'docker' | 'local', base: number, owner: string): Promise<{status: number | null; stdout: string; stderr: string}> {
	return new Promise((resolve) => {
		const child = spawn(process.execPath, [CLI, 'run', id, '--runtime', runtime, '--image', TEST_IMAGE, '--base-port', String(base), '--down-after', String(DOWN_AFTER_MS)], {env: {...process.env, NO_COLOR: '1', REDIS_LAB_OWNER: owner}, timeout: 300_000});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
		child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
		child.on('close', (status) => resolve({status, stdout, stderr}));
	});
}

/** Free slots of the lane; a run waits for one. */
const free = Array.from({length: SLOTS}, (_, slot) => slot);
const waiting: Array<(slot: number) => void> = [];
async function withSlot<T>(work: (base: number) => Promise<T>): Promise<T> {
	const slot = free.shift() ?? (await new Promise<number>((resolve) => waiting.push(resolve)));
	try {
		return await work(basePort(slot));
	} finally {
		const next = waiting.shift();
		if (next) next(slot);
		else free.push(slot);
	}
}

const nodePorts = (base: number) => [0, 1, 2, 10_000, 10_001, 10_002].map((offset) => base + offset);
const labs = await loadCatalogue();

function unavailable(runtime: 'docker' | 'local'): string | undefined {
	const reason = runtime === 'docker' ? dockerUnavailable() : redisServerFound() ? undefined : 'redis-server is not on PATH';
	if (reason && inCI) throw new Error(`${runtime} is required in CI: ${reason}`);
	return reason;
}

/** Every lab on the runtime the mutation suite leaves it, the longest first (by their minutes), so the pool ends together. */
const available = {docker: dockerUnavailable() === undefined, local: redisServerFound()};
const runs = labs.map((lab) => ({lab, runtime: mutationRuntime(lab, available) === 'local' ? ('docker' as const) : ('local' as const)})).sort((a, b) => b.lab.minutes - a.lab.minutes);

describe('every lab passes every check, headless, on the runtime the mutation suite does not use', {concurrency: AT_ONCE}, () => {
	for (const {lab, runtime} of runs) {
		const needsDocker = !lab.runtimes.includes(runtime);
		it(`${runtime}: ${needsDocker ? `${lab.id} says it needs docker` : `${lab.id} passes`}`, {timeout: 300_000, skip: unavailable(runtime)}, async () => {
			await withSlot(async (base) => {
				const owner = `${laneOwner()}-${runtime}-${lab.order}`;
				const result = await runLab(lab.id, runtime, base, owner);
				if (needsDocker) {
					assert.equal(result.status, 1, result.stdout + result.stderr);
					assert.match(result.stderr, new RegExp(`^redis-lab: Lab ${lab.id} needs the docker runtime`));
					return;
				}
				assert.equal(result.status, 0, result.stdout.slice(-6000) + result.stderr);
				assert.match(result.stdout, new RegExp(`✓ ${lab.id}: every check passed`));
				if (runtime === 'docker' && lab.id === 'sentinel-failover') assert.match(result.stdout, new RegExp(`\\$ docker stop redis-lab-${base}-master`));
				if (runtime === 'local' && lab.id === 'replication-command') assert.match(result.stdout, new RegExp(`\\$ redis-cli -p ${base + 1} REPLICAOF 127\\.0\\.0\\.1 ${base}`));
				if (runtime === 'docker') assert.deepEqual(labelledContainers(`redis-lab.owner=${owner}`), []);
				else assert.deepEqual(redisProcessesOn(nodePorts(base)), []);
			});
		});
	}
});
