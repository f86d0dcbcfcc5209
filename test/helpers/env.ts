import {execFileSync, spawnSync} from 'node:child_process';
import type {TestContext} from 'node:test';
import {laneOwner} from './lane.js';

/** The image integration tests use: REDIS_LAB_IMAGE, else the offline image CI builds. */
export const TEST_IMAGE = process.env.REDIS_LAB_IMAGE ?? 'redis-lab/redis:offline';

export const inCI = process.env.CI === 'true' || process.env.CI === '1';

let dockerAnswer: string | undefined | null = null;

/** Why Docker (with the test image) cannot be used here, or undefined when it can. */
export function dockerUnavailable(): string | undefined {
	if (dockerAnswer !== null) return dockerAnswer;
	const info = spawnSync('docker', ['info'], {encoding: 'utf8', timeout: 10_000});
	if (info.status !== 0) dockerAnswer = 'Docker is not reachable (docker info failed)';
	else if (spawnSync('docker', ['image', 'inspect', TEST_IMAGE], {encoding: 'utf8'}).status !== 0) dockerAnswer = `the image ${TEST_IMAGE} is missing (scripts/build-offline-image.sh builds it)`;
	else dockerAnswer = undefined;
	return dockerAnswer;
}

/** Skips (developer machine) or fails loudly (CI) when Docker is not usable. Returns true when usable. */
export function needDocker(t: TestContext): boolean {
	const reason = dockerUnavailable();
	if (!reason) return true;
	if (inCI) throw new Error(`Docker is required in CI: ${reason}`);
	console.log(`# skipped: ${reason}`);
	t.skip(reason);
	return false;
}

export function redisServerFound(): boolean {
	return spawnSync('redis-server', ['--version'], {encoding: 'utf8'}).status === 0;
}

/** Same for redis-server on PATH. */
export function needRedisServer(t: TestContext): boolean {
	if (redisServerFound()) return true;
	if (inCI) throw new Error('redis-server is required in CI');
	console.log('# skipped: redis-server is not on PATH');
	t.skip('redis-server is not on PATH');
	return false;
}

/** Label filters: redis-lab's, and `filter` (default: this lane's owner, so other lanes' sessions are not counted). */
function labelFilters(filter: string | undefined): string[] {
	return ['--filter', 'label=redis-lab.managed=true', '--filter', `label=${filter ?? `redis-lab.owner=${laneOwner()}`}`];
}

export function labelledContainers(filter?: string): string[] {
	return execFileSync('docker', ['ps', '-aq', ...labelFilters(filter)], {encoding: 'utf8'}).split('\n').filter(Boolean);
}

export function labelledNetworks(filter?: string): string[] {
	return execFileSync('docker', ['network', 'ls', '-q', ...labelFilters(filter)], {encoding: 'utf8'}).split('\n').filter(Boolean);
}

/** Pids of redis-server / redis-sentinel (or valkey-*) processes listening on one of `ports`. */
export function redisProcessesOn(ports: number[]): number[] {
	const out = spawnSync('pgrep', ['-af', '(redis|valkey)-(server|sentinel)'], {encoding: 'utf8'}).stdout ?? '';
	const pids: number[] = [];
	for (const line of out.split('\n').filter(Boolean)) {
		const [pid, ...rest] = line.split(' ');
		const command = rest.join(' ');
		// The process title is `redis-server 127.0.0.1:6379`; a port must match whole (6379 is not 63790).
		if (ports.some((port) => new RegExp(`[:/ ]${port}(?!\\d)`).test(command))) pids.push(Number(pid));
	}
	return pids;
}

export const CLI = new URL('../../dist/cli.js', import.meta.url).pathname;
