// test-lane: long 300
// A bounded soak, as an application developer meets a failover: `up`, an ioredis Sentinel client
// configured exactly as `up` prints it, writes every 50 ms, `docker stop` of the master right
// after `up` returned; twenty rounds in a row. Each round the sentinels must promote a replica
// and the client must write again within down-after + 10 s. It also prints how ready the
// sentinels were when `up` returned: how many other sentinels each knew, and how long ago each
// had last read each replica's INFO (a failover needs both).
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {execFileSync, spawnSync} from 'node:child_process';
import {Redis} from 'ioredis';
import {CLI, TEST_IMAGE, labelledContainers, needDocker} from '../../helpers/env.js';
import {basePort} from '../../helpers/lane.js';

const ROUNDS = Number(process.env.SOAK_ROUNDS ?? 20);
/** Sentinels call the master down after 3 s, as in every other failover of the suite. */
const DOWN_AFTER_MS = 3000;
const BASE = basePort(0);

function cli(args: string[]) {
	return spawnSync(process.execPath, [CLI, ...args], {encoding: 'utf8', env: {...process.env, NO_COLOR: '1', REDIS_LAB_IMAGE: TEST_IMAGE}, timeout: 120_000});
}

/** The client settings `up` printed: its sentinels and its container -> host address map. */
function clientSettings(out: string): {sentinels: Array<{host: string; port: number}>; natMap: Record<string, {host: string; port: number}>} {
	const sentinels = [...(/sentinels {3}(.+)/.exec(out)?.[1] ?? '').matchAll(/([\d.]+):(\d+)/g)].map((match) => ({host: match[1]!, port: Number(match[2])}));
	const natMap = Object.fromEntries([...(/address map[^:]*: (.+)/.exec(out)?.[1] ?? '').matchAll(/([\d.]+:\d+) -> ([\d.]+):(\d+)/g)].map((match) => [match[1]!, {host: match[2]!, port: Number(match[3])}]));
	return {sentinels, natMap};
}

/** What each sentinel knew the moment `up` returned. */
function readiness(sentinels: Array<{port: number}>): {knownSentinels: number[]; infoAgeMs: number[]; downAfterMs: number[]} {
	const ask = (port: number, ...args: string[]) => execFileSync('redis-cli', ['-p', String(port), ...args], {encoding: 'utf8'});
	const field = (reply: string, name: string) => reply.split('\n').map((line) => line.trim()).find((_, index, lines) => lines[index - 1] === name);
	const masters = sentinels.map(({port}) => ask(port, 'SENTINEL', 'MASTER', 'master'));
	const knownSentinels = masters.map((reply) => Number(field(reply, 'num-other-sentinels')));
	const downAfterMs = masters.map((reply) => Number(field(reply, 'down-after-milliseconds')));
	const infoAgeMs = sentinels.flatMap(({port}) => ask(port, 'SENTINEL', 'REPLICAS', 'master').split('\n').map((line) => line.trim()).filter((_, index, lines) => lines[index - 1] === 'info-refresh').map(Number));
	return {knownSentinels, infoAgeMs, downAfterMs};
}

/** Writes every 50 ms until one is acknowledged after `since`; resolves with when. */
async function writesAgain(client: Redis, since: number, deadlineMs: number): Promise<number | undefined> {
	for (let n = 0; Date.now() - since < deadlineMs; n++) {
		try {
			await client.set(`soak:${n}`, String(n));
			if (Date.now() > since) return Date.now();
		} catch {
			// Refused while the master is gone: that is what the round waits through.
		}
		await new Promise((resolve) => setTimeout(resolve, 50));
	}
	return undefined;
}

async function round(index: number): Promise<{recoveredMs?: number; knownSentinels: number[]; infoAgeMs: number[]; downAfterMs: number[]}> {
	const up = cli(['up', '--runtime', 'docker', '--base-port', String(BASE), '--down-after', String(DOWN_AFTER_MS)]);
	assert.equal(up.status, 0, `round ${index}: ${up.stdout}${up.stderr}`);
	let client: Redis | undefined;
	try {
		const settings = clientSettings(up.stdout);
		const ready = readiness(settings.sentinels);
		client = new Redis({...settings, name: 'master', maxRetriesPerRequest: 1, enableOfflineQueue: false, lazyConnect: true, retryStrategy: () => 100});
		// Refused connections during the failover are what the round measures: not worth a line each.
		client.on('error', () => undefined);
		await client.connect();
		await client.set('soak:before', '1');
		execFileSync('docker', ['stop', `redis-lab-${BASE}-master`]);
		const stoppedAt = Date.now();
		const recoveredAt = await writesAgain(client, stoppedAt, DOWN_AFTER_MS + 10_000);
		return {recoveredMs: recoveredAt === undefined ? undefined : recoveredAt - stoppedAt, ...ready};
	} finally {
		client?.disconnect();
		cli(['down']);
	}
}

test(`up, then stop the master, ${ROUNDS} times: a replica is promoted and the application writes again within down-after + 10 s each time`, {timeout: ROUNDS * 60_000}, async (t) => {
	if (!needDocker(t)) return;
	const rounds = [];
	for (let index = 1; index <= ROUNDS; index++) rounds.push(await round(index));
	const recovered = rounds.map((result) => result.recoveredMs);
	console.log(`# recovery after docker stop (ms): ${recovered.map((ms) => ms ?? 'never').join(', ')}`);
	console.log(`# when up returned, other sentinels known to each sentinel: min ${Math.min(...rounds.flatMap((result) => result.knownSentinels))}; age of the oldest replica INFO a sentinel held: max ${Math.max(...rounds.flatMap((result) => result.infoAgeMs))} ms`);
	assert.deepEqual(recovered.map((ms, index) => (ms === undefined || ms > DOWN_AFTER_MS + 10_000 ? `round ${index + 1}: ${ms ?? 'never'}` : undefined)).filter(Boolean), []);
	// A failover needs each sentinel to know the other (the election): `up` returns only then. The
	// replica INFO's age is printed, not asserted: once the master is down a sentinel refreshes it every
	// second (sentinelSelectSlave wants it under 5 s then), and on a loaded machine reading it takes seconds.
	assert.ok(rounds.every((result) => result.knownSentinels.every((known) => known >= 1)), 'every sentinel knew the other when up returned');
	assert.ok(rounds.every((result) => result.downAfterMs.every((ms) => ms === DOWN_AFTER_MS)), `every sentinel was set up with up's --down-after ${DOWN_AFTER_MS}`);
	assert.deepEqual(labelledContainers(), []);
});
