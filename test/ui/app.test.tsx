import {test} from 'node:test';
import assert from 'node:assert/strict';
import React from 'react';
import {render} from 'ink-testing-library';
import stripAnsi from 'strip-ansi';
import {App} from '../../source/ui/App.js';
import {FAILOVER_EVENTS, FakeSession, NOW, controller, sessionState} from './fake-session.js';

const tick = () => new Promise((resolve) => setTimeout(resolve, 30));

/** Waits (up to 3 s) until `ready` holds: a loaded machine may take more than a tick to re-render. */
async function until(ready: () => boolean): Promise<void> {
	const deadline = Date.now() + 3000;
	while (!ready() && Date.now() < deadline) await tick();
}

test('menu -> lab -> step keys call the intents -> q asks -> yes closes', async () => {
	const session = new FakeSession(sessionState());
	const exits: Array<{keep: boolean}> = [];
	const app = render(<App controller={controller(session)} onExit={(result) => exits.push({keep: result.keep})} />);
	await tick();
	let frame = stripAnsi(app.lastFrame()!);
	assert.match(frame, /› 08 The master goes down/);
	assert.match(frame, /11 Quorum is not a majority/);
	app.stdin.write('\r');
	await tick();
	await tick();
	frame = stripAnsi(app.lastFrame()!);
	assert.match(frame, /redis-lab · sentinel-failover · step 1\/2/);
	assert.match(frame, /Step 1\/2: Everything is healthy/);
	assert.match(frame, /master +● master/);
	assert.ok(frame.split('\n').length <= 29, `the lab screen fits a 100x30 terminal: ${frame.split('\n').length} rows`);
	for (const key of ['n', 'b', 'r', '2']) {
		app.stdin.write(key);
		await tick();
	}
	assert.deepEqual(session.calls, ['next', 'back', 'runStep', 'goToStep 1']);
	session.set({events: FAILOVER_EVENTS, faultAt: NOW});
	await tick();
	assert.match(stripAnsi(app.lastFrame()!), /\+switch-master +master → replica1/);
	app.stdin.write('q');
	await tick();
	const asked = stripAnsi(app.lastFrame()!);
	assert.match(asked.split('\n').at(-1)!, /Remove the lab's containers and processes\? Y: yes \(default\)/, 'the question takes the key bar line');
	assert.doesNotMatch(asked, /n next · b back/);
	app.stdin.write('y');
	await until(() => exits.length > 0);
	assert.deepEqual(exits, [{keep: false}]);
	app.unmount();
});

test('the console sends a command to a node and shows Redis errors as replies', async () => {
	const session = new FakeSession(sessionState());
	const app = render(<App controller={{...controller(session), initialLab: 'sentinel-failover'}} onExit={() => undefined} />);
	await tick();
	await tick();
	app.stdin.write('c');
	await tick();
	assert.match(stripAnsi(app.lastFrame()!), /console: redis-cli on master/);
	app.stdin.write('\t');
	await tick();
	for (const char of 'SET k v') app.stdin.write(char);
	await tick();
	app.stdin.write('\r');
	await tick();
	await tick();
	const frame = stripAnsi(app.lastFrame()!);
	assert.deepEqual(session.calls, ['console replica1 SET k v']);
	assert.match(frame, /replica1> SET k v/);
	assert.match(frame, /\(error\) READONLY/);
	app.stdin.write('\u001B');
	await tick();
	assert.match(stripAnsi(app.lastFrame()!), /command log/);
	app.unmount();
});

test('n on the menu keeps going; a burst of keys is handled key by key', async () => {
	const session = new FakeSession(sessionState());
	const opened: string[] = [];
	const app = render(<App controller={{...controller(session), openLab: async (id) => (opened.push(id), session)}} onExit={() => undefined} />);
	await tick();
	app.stdin.write('j\r');
	await tick();
	await tick();
	assert.deepEqual(opened, ['quorum']);
	app.unmount();
});

test('a startup error screen says what to do, and q quits', async () => {
	const exits: boolean[] = [];
	const app = render(<App controller={controller(new FakeSession(sessionState()), {startupError: {message: 'Docker is not reachable at /var/run/docker.sock', hint: 'Start Docker'}})} onExit={(result) => exits.push(result.keep)} />);
	await tick();
	assert.match(stripAnsi(app.lastFrame()!), /Docker is not reachable/);
	app.stdin.write('q');
	await tick();
	assert.deepEqual(exits, [false]);
	app.unmount();
});

test('leftovers of an earlier session: the app says so first, and y removes them before the menu', async () => {
	const session = new FakeSession(sessionState());
	const removed: string[] = [];
	const app = render(<App controller={controller(session, {leftovers: ['master (docker, port 6379)', 'network redis-lab'], removeLeftovers: async () => void removed.push('all')})} onExit={() => undefined} />);
	await tick();
	const frame = stripAnsi(app.lastFrame()!);
	assert.match(frame, /An earlier redis-lab session left nodes behind/);
	assert.match(frame, /master \(docker, port 6379\), network redis-lab/);
	app.stdin.write('y');
	await tick();
	await tick();
	assert.deepEqual(removed, ['all']);
	assert.match(stripAnsi(app.lastFrame()!), /› 08 The master goes down/);
	app.unmount();
});

test('leftovers: n leaves them and goes on to the menu', async () => {
	const removed: string[] = [];
	const app = render(<App controller={controller(new FakeSession(sessionState()), {leftovers: ['sentinel1 (local, port 16379)'], removeLeftovers: async () => void removed.push('all')})} onExit={() => undefined} />);
	await tick();
	app.stdin.write('n');
	await tick();
	assert.deepEqual(removed, []);
	assert.match(stripAnsi(app.lastFrame()!), /enter open · q quit/);
	app.unmount();
});
