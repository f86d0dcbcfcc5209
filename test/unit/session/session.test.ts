import {test} from 'node:test';
import assert from 'node:assert/strict';
import {Session} from '../../../source/engine/session/session.js';
import {standardTopology} from '../../../source/engine/topology/topology.js';
import {FakeClock} from '../../helpers/fake-clock.js';
import {RedisLabError} from '../../../source/engine/base/errors.js';
import {FakeRuntime, type FakeRuntimeOptions} from '../../helpers/fake-runtime.js';

function fakeSession(options: FakeRuntimeOptions = {}) {
	const runtime = new FakeRuntime(options);
	const clock = new FakeClock(1000);
	const session = new Session({runtime, clock, probe: runtime.probes, events: runtime.events});
	return {runtime, clock, session};
}

/** Moves the fake clock in steps (letting other work run between them) until `work` settles. */
async function settleOnClock<T>(clock: FakeClock, work: Promise<T>, stepMs = 100, maxMs = 120_000): Promise<unknown> {
	let settled = false;
	const outcome = work.then((value) => value, (error: unknown) => error).finally(() => (settled = true));
	for (let spent = 0; !settled && spent < maxMs; spent += stepMs) {
		await new Promise((resolve) => setImmediate(resolve));
		await clock.advance(stepMs);
	}
	return outcome;
}

/** The order nodes were started in. */
function started(runtime: FakeRuntime): string[] {
	return runtime.log.filter((line) => line.startsWith('start ')).map((line) => line.slice(6));
}

test('start plan on a runtime that knows addresses early: sentinels first (told their replicas), then the master, then the replicas', async () => {
	const {runtime, session} = fakeSession({addressesKnown: true});
	const nodes = standardTopology({sentinels: 2});
	session.declare(nodes);
	await session.startNodes(nodes.map((node) => node.name), {quiet: true});
	assert.deepEqual(started(runtime), ['sentinel1', 'sentinel2', 'master', 'replica1', 'replica2']);
	assert.deepEqual(session.spec('sentinel1').monitor?.knownReplicas, ['replica1', 'replica2']);
	assert.deepEqual(runtime.nodes().find((node) => node.name === 'sentinel2')?.monitor?.knownReplicas, ['replica1', 'replica2']);
	await session.close();
});

test('start plan without early addresses: the servers first, the sentinels once the replicas have linked', async () => {
	const {runtime, session} = fakeSession();
	const nodes = standardTopology({sentinels: 3});
	session.declare(nodes);
	await session.startNodes(nodes.map((node) => node.name), {quiet: true});
	assert.deepEqual(started(runtime), ['master', 'replica1', 'replica2', 'sentinel1', 'sentinel2', 'sentinel3']);
	assert.equal(session.spec('sentinel1').monitor?.knownReplicas, undefined);
	await session.close();
});

test('start shows the command as the learner would type it, and a running node is left alone', async () => {
	const {runtime, session} = fakeSession();
	session.declare(standardTopology({sentinels: 0}));
	await session.startNode('master');
	await session.startNode('master');
	assert.deepEqual(runtime.log, ['create master', 'start master']);
	assert.deepEqual(session.getState().transcript.map((entry) => entry.text), ['redis-server ./redis-lab/master/redis.conf --daemonize yes']);
	await session.close();
});

test('waitHealthy resolves once replicas link and sentinels report ok with every replica and sentinel', async () => {
	const {session} = fakeSession({addressesKnown: true});
	await session.up(standardTopology({sentinels: 2}), {quiet: true, timeoutMs: 5000});
	assert.equal(session.getState().phase, 'ready');
	await session.close();
});

test('waitHealthy times out on the clock, naming what it waited for', async () => {
	const {runtime, clock, session} = fakeSession();
	runtime.linkReplicas = false;
	const nodes = standardTopology({sentinels: 2});
	session.declare(nodes);
	// The replicas never link: the start waits its 10 s for them, then starts the sentinels anyway.
	const before = clock.now();
	await settleOnClock(clock, session.startNodes(nodes.map((node) => node.name), {quiet: true}));
	assert.ok(clock.now() - before >= 10_000, `waited ${clock.now() - before} ms`);
	assert.deepEqual(started(runtime).slice(-2), ['sentinel1', 'sentinel2']);
	const waitedFrom = clock.now();
	const error = await settleOnClock(clock, session.waitHealthy(3000));
	assert.ok(clock.now() - waitedFrom >= 3000);
	assert.ok(error instanceof RedisLabError, String(error));
	assert.equal(error.code, 'TIMEOUT');
	assert.match(error.message, /waiting for the replicas to link up and the sentinels to report status=ok, slaves=2, sentinels=2/);
	await session.close();
});

test('a wait re-tests when the state changes, without waiting for its interval', async () => {
	const {runtime, session} = fakeSession();
	session.declare(standardTopology({sentinels: 0}));
	runtime.linkReplicas = false;
	await session.startNodes(['master', 'replica1'], {quiet: true});
	const linked = session.waitFor((state) => state.nodes.find((node) => node.name === 'replica1')?.replication?.masterLinkStatus === 'up', 60_000, 'replica1 to link', 60_000);
	runtime.linkReplicas = true;
	await session.refresh();
	assert.equal(await linked, true);
	await session.close();
});

test('currentMaster: what the running sentinels agree on, followed through a failover; none when they disagree', async () => {
	const {runtime, session} = fakeSession({addressesKnown: true});
	await session.up(standardTopology({sentinels: 2}), {quiet: true});
	assert.equal(session.currentMaster(), 'master');
	runtime.master = 'replica1';
	await session.refresh();
	assert.equal(session.currentMaster(), 'replica1');
	const other = runtime.observe('sentinel2').sentinel!;
	runtime.overrides.set('sentinel2', {sentinel: {...other, masters: [{...other.masters[0]!, port: 6381}]}});
	await session.refresh();
	assert.equal(session.currentMaster(), undefined);
	await session.close();
});

test('currentMaster without sentinels: the only master that has replicas', async () => {
	const {session} = fakeSession();
	await session.up(standardTopology({sentinels: 0}), {quiet: true});
	assert.equal(session.currentMaster(), 'master');
	await session.close();
});

test('console on a node that is not running answers at once with what redis-cli says, recorded as output', async () => {
	const {runtime, session} = fakeSession({basePort: 7379});
	session.declare(standardTopology({basePort: 7379, sentinels: 0}));
	const never = await session.cli('replica1', ['PING'], {byUser: true});
	assert.deepEqual(never, {stdout: '', stderr: 'Could not connect to Redis at 127.0.0.1:7380: Connection refused', exitCode: 1});
	await session.startNode('master', {quiet: true});
	await session.stopNode('master', 'kill', {quiet: true});
	const killed = await session.cli('master', ['GET', 'k'], {byUser: true});
	assert.equal(killed.stderr, 'Could not connect to Redis at 127.0.0.1:7379: Connection refused');
	assert.ok(!runtime.log.some((line) => line.startsWith('exec')), runtime.log.join('\n'));
	const transcript = session.getState().transcript.map((entry) => `${entry.kind} ${entry.text}`);
	assert.deepEqual(transcript, [
		'command redis-cli -p 7380 PING',
		'output Could not connect to Redis at 127.0.0.1:7380: Connection refused',
		'command redis-cli -p 7379 GET k',
		'output Could not connect to Redis at 127.0.0.1:7379: Connection refused',
	]);
	await session.close();
});

test('console on a running node runs the command', async () => {
	const {runtime, session} = fakeSession();
	session.declare(standardTopology({sentinels: 0}));
	await session.startNode('master', {quiet: true});
	const result = await session.cli('master', ['PING']);
	assert.equal(result.stdout, 'PONG\n');
	assert.ok(runtime.log.includes('exec PING on master'));
	await session.close();
});

test('the session\'s server: the first node to say it names it; one outside the support table gets its warning', async () => {
	const {StateStore} = await import('../../../source/engine/session/store.js');
	const store = new StateStore({sessionId: 's', kind: 'docker', label: 'valkey/valkey:9'});
	const view = {name: 'master', kind: 'redis' as const, address: '127.0.0.1:6379', health: 'up' as const, changedAt: {}, names: {}};
	store.update((state) => ({...state, nodes: [view]}));
	store.setNode({...view, server: {flavour: 'valkey', version: '9.0.1'}});
	assert.deepEqual(store.getState().server, {flavour: 'valkey', version: '9.0.1'});
	assert.match(store.getState().serverWarning!.en, /^Valkey 9\.0\.1 is not in redis-lab's support table/);
	store.setNode({...view, server: {flavour: 'redis', version: '7.2.6'}});
	assert.equal(store.getState().server?.flavour, 'valkey', 'the first one stays');
	const known = new StateStore({sessionId: 't', kind: 'local', label: 'valkey-server'});
	known.learnServer({flavour: 'valkey', version: '8.0.1'});
	assert.equal(known.getState().serverWarning, undefined);
});
