import {test} from 'node:test';
import assert from 'node:assert/strict';
import {execSync, spawnSync} from 'node:child_process';
import {mkdtempSync, readdirSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import Docker from 'dockerode';
import {dockerOptions} from '../../../source/engine/runtime/docker/host.js';
import {CLI, inCI, TEST_IMAGE} from '../../helpers/env.js';
import {basePort} from '../../helpers/lane.js';

// A second Docker engine: Podman's Docker-compatible API (`podman system service`). Set-up in
// /work/shared/docs/tech-brief.md; REDIS_LAB_REQUIRE_PODMAN=1 turns a missing service into a failure.
const SOCKET = process.env.REDIS_LAB_PODMAN_SOCKET ?? '/run/podman/podman.sock';
const HOST = `unix://${SOCKET}`;
const BASE_PORT = basePort(0);
const podman = new Docker(dockerOptions({host: HOST, source: 'DOCKER_HOST'}, {}));

async function podmanUnavailable(): Promise<string | undefined> {
	try {
		await podman.ping();
	} catch (error) {
		return `Podman's API does not answer at ${SOCKET} (${(error as Error).message})`;
	}
	try {
		await podman.getImage(TEST_IMAGE).inspect();
	} catch {
		// The offline image lives in Docker: copy it over once.
		const copied = spawnSync('bash', ['-c', `docker save ${TEST_IMAGE} | podman load`], {encoding: 'utf8'});
		if (copied.status !== 0) return `the image ${TEST_IMAGE} is not in Podman and could not be copied from Docker`;
	}
	return undefined;
}

/**
 * The CLI against Podman only: DOCKER_HOST names Podman's socket, and private session and temp
 * folders keep `down` from touching any other session's folders or local processes.
 */
function cli(args: string[], folders: {cache: string; temp: string}) {
	return spawnSync(process.execPath, [CLI, ...args], {
		encoding: 'utf8',
		timeout: 120_000,
		env: {...process.env, NO_COLOR: '1', DOCKER_HOST: HOST, DOCKER_CONTEXT: '', REDIS_LAB_IMAGE: TEST_IMAGE, REDIS_LAB_CACHE_DIR: folders.cache, TMPDIR: folders.temp},
	});
}

/** What a failed command said, for the assertion message (a CI log shows only this). */
const said = (result: ReturnType<typeof cli>) => `exit ${result.status}${result.signal ? ` (${result.signal}, the 120 s limit?)` : ''}\n${result.stdout.slice(-2000)}\n${result.stderr.slice(-2000)}`;

async function labelled(): Promise<string[]> {
	const containers = await podman.listContainers({all: true, filters: {label: ['redis-lab.managed=true']}});
	const networks = await podman.listNetworks({filters: {label: ['redis-lab.managed=true']}});
	return [...containers.map((each) => each.Names[0] ?? each.Id), ...networks.map((each) => each.Name)];
}

test('Podman as the engine: up, status, down, run sentinel-failover, nothing left', {timeout: 300_000}, async (t) => {
	const reason = await podmanUnavailable();
	if (reason) {
		if (inCI && process.env.REDIS_LAB_REQUIRE_PODMAN === '1') throw new Error(reason);
		t.skip(reason);
		return;
	}
	assert.deepEqual(await labelled(), [], 'Podman holds no redis-lab containers before the test');
	const folders = {cache: mkdtempSync(join(tmpdir(), 'redis-lab-podman-cache-')), temp: mkdtempSync(join(tmpdir(), 'redis-lab-podman-tmp-'))};
	try {
		const up = cli(['up', '--base-port', String(BASE_PORT)], folders);
		assert.equal(up.status, 0, said(up));
		assert.match(up.stdout, /ready in [\d.]+s: sentinels report status=ok/);
		assert.equal(readdirSync(join(folders.cache, 'sessions')).length, 1, 'the session folder is in the cache folder');

		const status = cli(['status'], folders);
		assert.equal(status.status, 0, said(status));
		for (const node of ['master', 'replica1', 'replica2', 'sentinel1', 'sentinel2']) assert.match(status.stdout, new RegExp(`^\\s*${node}\\s+docker\\s`, 'm'));

		const down = cli(['down'], folders);
		assert.equal(down.status, 0, said(down));
		assert.match(down.stdout, /Removed 5 containers, 1 network/);
		assert.deepEqual(await labelled(), []);

		const run = cli(['run', 'sentinel-failover', '--base-port', String(BASE_PORT)], folders);
		assert.equal(run.status, 0, said(run));
		assert.match(run.stdout, /sentinel-failover: every check passed/);
		assert.deepEqual(await labelled(), [], 'the run removed its containers and network');
		assert.deepEqual(readdirSync(join(folders.cache, 'sessions')), [], 'and its session folder');
	} finally {
		const left = await labelled();
		if (left.length > 0) execSync(`DOCKER_HOST=${HOST} REDIS_LAB_CACHE_DIR=${folders.cache} TMPDIR=${folders.temp} ${process.execPath} ${CLI} down`);
		rmSync(folders.cache, {recursive: true, force: true});
		rmSync(folders.temp, {recursive: true, force: true});
	}
});
