import {test} from 'node:test';
import assert from 'node:assert/strict';
import type Docker from 'dockerode';
import {watchDaemon} from '../../../source/engine/runtime/docker/daemon-watch.js';

const EVERY_MS = 40;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A daemon whose ping does what `answer` says: answer, refuse, or never answer. */
function daemon(answer: () => 'ok' | 'refused' | 'silent'): Docker {
	return {
		ping: () => {
			const how = answer();
			if (how === 'ok') return Promise.resolve(Buffer.from('OK'));
			if (how === 'refused') return Promise.reject(Object.assign(new Error('connect ECONNREFUSED /var/run/docker.sock'), {code: 'ECONNREFUSED'}));
			return new Promise(() => undefined);
		},
	} as unknown as Docker;
}

/**
 * Watches with `patienceMs` until the daemon is called lost or `ms` passed, and says when (ms after
 * the start). Bounds are one-sided, so a loaded machine (late timers) cannot fail a case that holds.
 */
async function watch(docker: Docker, patienceMs: number, ms: number): Promise<{lostAfterMs?: number; error?: Error}> {
	const started = Date.now();
	const seen: {lostAfterMs?: number; error?: Error} = {};
	const stop = watchDaemon(docker, (error) => Object.assign(seen, {lostAfterMs: Date.now() - started, error}), EVERY_MS, patienceMs);
	while (seen.lostAfterMs === undefined && Date.now() - started < ms) await pause(10);
	stop();
	return seen;
}

test('a daemon that refuses is lost after refused pings, long before a silent one would be', async () => {
	const {lostAfterMs, error} = await watch(daemon(() => 'refused'), 60_000, 20_000);
	assert.ok(lostAfterMs !== undefined, 'lost');
	assert.ok(lostAfterMs < 20_000, `lost after ${lostAfterMs} ms, patience 60 s`);
	assert.equal((error as {code?: string}).code, 'DOCKER_LOST');
});

test('a silent daemon (pings time out) is lost only after the patience, not at its second missed ping', async () => {
	const {lostAfterMs} = await watch(daemon(() => 'silent'), 400, 20_000);
	assert.ok(lostAfterMs !== undefined, 'lost in the end');
	assert.ok(lostAfterMs >= 400, `lost after ${lostAfterMs} ms, patience 400 ms`);
});

test('a busy daemon that answers late now and then is never lost', async () => {
	let calls = 0;
	const {lostAfterMs} = await watch(daemon(() => (++calls % 4 === 0 ? 'ok' : 'silent')), 5000, 1500);
	assert.equal(lostAfterMs, undefined);
	assert.ok(calls >= 4, `pinged ${calls} times`);
});
