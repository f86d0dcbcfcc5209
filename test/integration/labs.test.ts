import {test} from 'node:test';
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {CLI, TEST_IMAGE, labelledContainers, needDocker, needRedisServer, redisProcessesOn} from '../helpers/env.js';

function runAll(runtime: 'docker' | 'local') {
	return spawnSync(process.execPath, [CLI, 'run', 'all', '--runtime', runtime, '--image', TEST_IMAGE], {encoding: 'utf8', env: {...process.env, NO_COLOR: '1'}, timeout: 600_000});
}

function summary(stdout: string): Record<string, string> {
	const rows: Record<string, string> = {};
	for (const match of stdout.matchAll(/^\d\d\s+([\w-]+)\s+(passed|FAILED|skipped \(needs docker\))\s+[\d.]+s$/gm)) rows[match[1]!] = match[2]!;
	return rows;
}

test('docker: every lab passes every check, headless', {timeout: 600_000}, async (t) => {
	if (!needDocker(t)) return;
	const result = runAll('docker');
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
	const result = runAll('local');
	const rows = summary(result.stdout);
	console.log(result.stdout.split('\n').slice(-17).join('\n'));
	assert.equal(Object.keys(rows).length, 13, result.stdout.slice(-3000) + result.stderr);
	assert.equal(rows['split-brain'], 'skipped (needs docker)');
	assert.deepEqual(Object.entries(rows).filter(([id, outcome]) => id !== 'split-brain' && outcome !== 'passed'), [], result.stdout.slice(-6000));
	assert.equal(result.status, 0);
	assert.match(result.stdout, /\$ redis-cli -p 6380 REPLICAOF 127\.0\.0\.1 6379/);
	assert.deepEqual(redisProcessesOn([6379, 6380, 6381, 16379, 16380, 16381]), []);
});
