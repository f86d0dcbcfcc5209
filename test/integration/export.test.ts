// test-lane: default-ports
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {execFileSync, spawnSync} from 'node:child_process';
import {existsSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {CLI, TEST_IMAGE, needDocker} from '../helpers/env.js';
import {basePort as laneBase} from '../helpers/lane.js';

// The nodes, and the throw-away container of replication-command's docker-only steps.
const NAMES = ['master', 'replica1', 'replica2', 'sentinel1', 'sentinel2', 'article'].map((node) => `redis-lab-${node}`);

function removeScriptContainers(): void {
	spawnSync('docker', ['rm', '-f', ...NAMES], {stdio: 'ignore'});
	spawnSync('docker', ['network', 'rm', 'redis-lab'], {stdio: 'ignore'});
}

function redisCli(...args: string[]): string {
	return execFileSync('redis-cli', args, {encoding: 'utf8'}).trim();
}

for (const lab of ['replication-command', 'sentinel-setup']) {
	test(`export ${lab}: the script runs with the real docker CLI and builds the topology`, {timeout: 180_000}, async (t) => {
		if (!needDocker(t)) return;
		const dir = mkdtempSync(join(tmpdir(), 'redis-lab-export-'));
		removeScriptContainers();
		try {
			const script = execFileSync(process.execPath, [CLI, 'export', lab, '--image', TEST_IMAGE], {encoding: 'utf8'});
			assert.match(script, /^#!\/usr\/bin\/env bash/);
			assert.match(script, /docker run -d --name redis-lab-master .*-p 127\.0\.0\.1:6379:6379/);
			writeFileSync(join(dir, 'lab.sh'), script);
			const run = spawnSync('bash', ['lab.sh'], {cwd: dir, encoding: 'utf8', timeout: 150_000});
			assert.equal(run.status, 0, run.stdout + run.stderr);
			assert.doesNotMatch(run.stdout + run.stderr, /FAILED/);
			assert.equal(redisCli('-p', '6379', 'ROLE').split('\n')[0], 'master');
			assert.equal(redisCli('-p', '6380', 'ROLE').split('\n')[0], 'slave');
			assert.equal(redisCli('-p', '6381', 'ROLE').split('\n')[0], 'slave');
			if (lab === 'replication-command') assert.equal(redisCli('-p', '6381', 'GET', 'name'), 'farb');
			else assert.match(redisCli('-p', '16379', 'INFO', 'sentinel'), /status=ok,address=[\d.]+:6379,slaves=2,sentinels=2/);
		} finally {
			removeScriptContainers();
			rmSync(dir, {recursive: true, force: true});
		}
	});
}

test('export sentinel-setup --runtime local: the script runs in an empty folder, its files stay in ./redis-lab', {timeout: 180_000}, async () => {
	const dir = mkdtempSync(join(tmpdir(), 'redis-lab-export-local-'));
	const basePort = laneBase(0);
	const ports = [basePort, basePort + 1, basePort + 2, basePort + 10_000, basePort + 10_001];
	try {
		const script = execFileSync(process.execPath, [CLI, 'export', 'sentinel-setup', '--runtime', 'local', '--base-port', String(basePort)], {encoding: 'utf8'});
		assert.doesNotMatch(script, /\.cache|\/tmp\//, 'no folder of the exporting machine');
		writeFileSync(join(dir, 'lab.sh'), script);
		const run = spawnSync('bash', ['lab.sh'], {cwd: dir, encoding: 'utf8', timeout: 150_000});
		assert.equal(run.status, 0, run.stdout + run.stderr);
		assert.doesNotMatch(run.stdout + run.stderr, /FAILED/);
		assert.match(redisCli('-p', String(basePort + 10_000), 'INFO', 'sentinel'), new RegExp(`status=ok,address=127\\.0\\.0\\.1:${basePort},slaves=2,sentinels=2`));
		for (const node of ['master', 'replica1', 'sentinel1']) {
			assert.ok(existsSync(join(dir, 'redis-lab', node, `${node}.pid`)), `${node}'s pid file is in ./redis-lab/${node}`);
			assert.ok(existsSync(join(dir, 'redis-lab', node, `${node}.log`)), `${node}'s log is in ./redis-lab/${node}`);
		}
	} finally {
		for (const port of ports) spawnSync('redis-cli', ['-p', String(port), 'SHUTDOWN', 'NOSAVE'], {stdio: 'ignore'});
		rmSync(dir, {recursive: true, force: true});
	}
});
