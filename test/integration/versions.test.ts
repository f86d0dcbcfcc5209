// test-lane: long 400
// The version matrix: every lab headless on the servers learners run, beside Debian's Redis 7.0
// (which test/integration/labs.test.ts covers on both runtimes): Redis 7.2.6 and Valkey 8.0.1 on
// docker, and Valkey 8.0.1 on local with Valkey's own program names (valkey-server, valkey-sentinel,
// valkey-cli; no redis-* at all). The three lanes run at once, each with its own owner, config and
// cache folders and port block. Images and the folder come from scripts/build-version-images.sh.
import {test, type TestContext} from 'node:test';
import assert from 'node:assert/strict';
import {spawn, spawnSync} from 'node:child_process';
import {existsSync, mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {CLI, inCI, labelledContainers, redisProcessesOn} from '../helpers/env.js';
import {basePort, laneOwner} from '../helpers/lane.js';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const BUILDS = process.env.REDIS_LAB_BUILDS ?? join(REPO, '..', 'shared', 'redis-builds');
const BUILD_COMMAND = `bash scripts/build-version-images.sh ${BUILDS}`;
const VALKEY_BIN = join(REPO, '.builds', 'valkey-8.0.1', 'bin');

interface Lane {
	index: number;
	server: string;
	runtime: 'docker' | 'local';
	/** --image or --redis-bin. */
	flags: string[];
	basePort: number;
	/** What `run` must say it found. */
	serverLine: RegExp;
}

// Slots of this file's lane (test/helpers/lane.ts): a lab's throw-away container takes the master port + 100.
const LANES: Lane[] = [
	{index: 0, server: 'Redis 7.2.6', runtime: 'docker', flags: ['--image', 'redis-lab/redis:7.2.6-offline'], basePort: basePort(0), serverLine: /server: Redis 7\.2\.6 \(redis-lab\/redis:7\.2\.6-offline\)/},
	{index: 1, server: 'Valkey 8.0.1', runtime: 'docker', flags: ['--image', 'redis-lab/valkey:8.0.1-offline'], basePort: basePort(1), serverLine: /server: Valkey 8\.0\.1 \(redis-lab\/valkey:8\.0\.1-offline\)/},
	{index: 2, server: 'Valkey 8.0.1', runtime: 'local', flags: ['--redis-bin', VALKEY_BIN], basePort: basePort(2), serverLine: /server: Valkey 8\.0\.1 \(valkey-server\)/},
];

const dockerAnswers = () => spawnSync('docker', ['info'], {stdio: 'ignore', timeout: 10_000}).status === 0;
const imagePresent = (image: string) => spawnSync('docker', ['image', 'inspect', image], {stdio: 'ignore'}).status === 0;
const ready = () => LANES.every((lane) => (lane.runtime === 'docker' ? imagePresent(lane.flags[1]!) : existsSync(join(VALKEY_BIN, 'valkey-server'))));

/** Why the matrix cannot run here (after building what is missing), or undefined. */
function unavailable(): string | undefined {
	if (!dockerAnswers()) return 'Docker is not reachable (docker info failed)';
	if (ready()) return undefined;
	if (!existsSync(BUILDS)) return `the version images are missing and there is no builds folder at ${BUILDS} to make them from (set REDIS_LAB_BUILDS, then: ${BUILD_COMMAND})`;
	const built = spawnSync('bash', [join(REPO, 'scripts', 'build-version-images.sh'), BUILDS], {encoding: 'utf8', timeout: 300_000});
	if (built.status !== 0 || !ready()) return `building the version images failed (${BUILD_COMMAND}): ${built.stderr.trim()}`;
	return undefined;
}

let reason: string | undefined | null = null;
function need(t: TestContext): boolean {
	reason ??= unavailable() ?? undefined;
	if (reason === undefined) return true;
	if (inCI) throw new Error(`The version matrix is required in CI: ${reason}`);
	console.log(`# skipped: ${reason}`);
	t.skip(reason);
	return false;
}

interface Result {
	status: number | null;
	stdout: string;
	stderr: string;
}

/** `run all` for one lane, as a child process with its own owner, folders and ports. */
function runLane(lane: Lane): Promise<Result> {
	const owner = `${laneOwner()}-${lane.index}`;
	const env = {
		...process.env,
		NO_COLOR: '1',
		REDIS_LAB_OWNER: owner,
		REDIS_LAB_CONFIG_DIR: mkdtempSync(join(tmpdir(), `${owner}-config-`)),
		REDIS_LAB_CACHE_DIR: mkdtempSync(join(tmpdir(), `${owner}-cache-`)),
	};
	const args = [CLI, 'run', 'all', '--runtime', lane.runtime, ...lane.flags, '--base-port', String(lane.basePort), '--down-after', '3000', '--lang', 'en'];
	return new Promise((resolve) => {
		const child = spawn(process.execPath, args, {env, timeout: 900_000});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
		child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
		child.on('close', (status) => resolve({status, stdout, stderr}));
	});
}

const runs = new Map<number, Promise<Result>>();
/** Starts every lane the first time any test asks: they run side by side. */
function laneRun(lane: Lane): Promise<Result> {
	if (runs.size === 0) for (const each of LANES) runs.set(each.index, runLane(each));
	return runs.get(lane.index)!;
}

/** The summary table of `run all`: lab id -> passed, FAILED or skipped. */
function summary(stdout: string): Record<string, string> {
	const rows: Record<string, string> = {};
	for (const match of stdout.matchAll(/^\d\d\s+([\w-]+)\s+(passed|FAILED|skipped \(needs docker\))\s+[\d.]+s$/gm)) rows[match[1]!] = match[2]!;
	return rows;
}

/** One lab's part of the output (from its ━━ line to the next), for a failure message. */
function labOutput(stdout: string, id: string): string {
	const start = stdout.indexOf(`(${id}) ·`);
	if (start === -1) return '';
	const end = stdout.indexOf('\n━━ ', start);
	return stdout.slice(Math.max(0, stdout.lastIndexOf('\n', start)), end === -1 ? undefined : end).slice(-4000);
}

for (const lane of LANES) {
	const where = `${lane.server} on ${lane.runtime} (${lane.flags.join(' ')})`;
	test(`version matrix: every lab on ${where}`, {timeout: 900_000}, async (t) => {
		if (!need(t)) return;
		const result = await laneRun(lane);
		const rows = summary(result.stdout);
		console.log(`# ${where}\n${result.stdout.split('\n').slice(-17).join('\n')}`);
		assert.equal(Object.keys(rows).length, 13, `${where}: run all did not finish (exit ${result.status}):\n${result.stdout.slice(-3000)}\n${result.stderr}`);
		const failed = Object.entries(rows).filter(([id, outcome]) => outcome !== 'passed' && !(lane.runtime === 'local' && id === 'split-brain'));
		assert.deepEqual(failed, [], `${where}: ${failed.map(([id]) => id).join(', ')} failed\n${failed.map(([id]) => labOutput(result.stdout, id)).join('\n')}`);
		if (lane.runtime === 'local') assert.equal(rows['split-brain'], 'skipped (needs docker)', `${where}: split-brain is docker-only`);
		assert.equal(result.status, 0, `${where}: exit ${result.status}`);
		assert.match(result.stdout, lane.serverLine, `${where}: run names the server it found`);
		assert.match(result.stdout, new RegExp(`✓ offsets: every check passed · ${lane.runtime} · ${lane.server.replace('.', '\\.')}`), `${where}: the verdict names the server and runtime`);
		if (lane.runtime === 'local') {
			assert.match(result.stdout, /\$ valkey-sentinel \.\/redis-lab\/sentinel1\/sentinel\.conf --daemonize yes/, `${where}: sentinels start with Valkey's own name`);
			const base = lane.basePort;
			assert.deepEqual(redisProcessesOn([base, base + 1, base + 2, base + 10_000, base + 10_001, base + 10_002]), [], `${where}: nothing left running`);
		} else {
			assert.match(result.stdout, /redis-server \/usr\/local\/etc\/redis\/sentinel\.conf --sentinel/, `${where}: sentinels start as redis-server --sentinel`);
			assert.deepEqual(labelledContainers(`redis-lab.owner=${laneOwner()}-${lane.index}`), [], `${where}: no container left`);
		}
	});
}
