import {test} from 'node:test';
import assert from 'node:assert/strict';
import {spawn} from 'node:child_process';
import {CLI, TEST_IMAGE, dockerUnavailable, labelledContainers, needDocker, needRedisServer, redisProcessesOn, redisServerFound} from '../helpers/env.js';

/** `run all` as a child process; the two runtimes run at once on different ports to halve the wait. */
function runAll(runtime: 'docker' | 'local', basePort: number): Promise<{status: number | null; stdout: string; stderr: string}> {
	return new Promise((resolve) => {
		const child = spawn(process.execPath, [CLI, 'run', 'all', '--runtime', runtime, '--image', TEST_IMAGE, '--base-port', String(basePort)], {env: {...process.env, NO_COLOR: '1'}, timeout: 600_000});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
		child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
		child.on('close', (status) => resolve({status, stdout, stderr}));
	});
}

const LOCAL_BASE = 7379;
const runs = {docker: undefined as ReturnType<typeof runAll> | undefined, local: undefined as ReturnType<typeof runAll> | undefined};
/** Starts both catalogue runs the first time either test asks. */
function catalogueRun(runtime: 'docker' | 'local'): ReturnType<typeof runAll> {
	if (!dockerUnavailable()) runs.docker ??= runAll('docker', 6379);
	if (redisServerFound()) runs.local ??= runAll('local', LOCAL_BASE);
	return runs[runtime]!;
}

function summary(stdout: string): Record<string, string> {
	const rows: Record<string, string> = {};
	for (const match of stdout.matchAll(/^\d\d\s+([\w-]+)\s+(passed|FAILED|skipped \(needs docker\))\s+[\d.]+s$/gm)) rows[match[1]!] = match[2]!;
	return rows;
}

test('docker: every lab passes every check, headless', {timeout: 600_000}, async (t) => {
	if (!needDocker(t)) return;
	const result = await catalogueRun('docker');
	const rows = summary(result.stdout);
	console.log(result.stdout.split('\n').slice(-17).join('\n'));
	assert.equal(Object.keys(rows).length, 13, result.stdout.slice(-3000) + result.stderr);
	assert.deepEqual(Object.entries(rows).filter(([, outcome]) => outcome !== 'passed'), [], result.stdout.slice(-6000));
	assert.equal(result.status, 0);
	assert.match(result.stdout, /✓ sentinel-failover: every check passed/);
	assert.match(result.stdout, /\$ docker stop redis-lab-master/);
	assert.deepEqual(labelledContainers(), []);
});

test('local: every lab that needs no network isolation passes; split-brain says it needs docker', {timeout: 600_000}, async (t) => {
	if (!needRedisServer(t)) return;
	const result = await catalogueRun('local');
	const rows = summary(result.stdout);
	console.log(result.stdout.split('\n').slice(-17).join('\n'));
	assert.equal(Object.keys(rows).length, 13, result.stdout.slice(-3000) + result.stderr);
	assert.equal(rows['split-brain'], 'skipped (needs docker)');
	assert.deepEqual(Object.entries(rows).filter(([id, outcome]) => id !== 'split-brain' && outcome !== 'passed'), [], result.stdout.slice(-6000));
	assert.equal(result.status, 0);
	assert.match(result.stdout, /\$ redis-cli -p 7380 REPLICAOF 127\.0\.0\.1 7379/);
	assert.deepEqual(redisProcessesOn([7379, 7380, 7381, 17379, 17380, 17381]), []);
});
