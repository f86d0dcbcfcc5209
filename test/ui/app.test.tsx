import {test} from 'node:test';
import assert from 'node:assert/strict';
import React from 'react';
import {render} from 'ink-testing-library';
import stripAnsi from 'strip-ansi';
import {App} from '../../source/ui/App.js';
import {FAILOVER_EVENTS, FakeSession, NOW, controller, sessionState} from './fake-session.js';

import {frameMatching, until} from './until.js';

const tick = () => new Promise((resolve) => setTimeout(resolve, 30));

test('menu -> lab -> step keys call the intents -> q asks -> yes closes', async () => {
	const session = new FakeSession(sessionState());
	const exits: Array<{keep: boolean}> = [];
	const app = render(<App controller={controller(session)} onExit={(result) => exits.push({keep: result.keep})} />);
	const screen = () => stripAnsi(app.lastFrame() ?? '');
	let frame = await frameMatching(screen, /11 Quorum is not a majority/);
	assert.match(frame, /› 08 The master goes down/);
	assert.match(frame, /11 Quorum is not a majority/);
	await tick();
	app.stdin.write('\r');
	frame = await frameMatching(screen, /Step 1\/2/);
	assert.match(frame, /redis-lab · sentinel-failover · step 1\/2/);
	assert.match(frame, /Step 1\/2: Everything is healthy/);
	assert.match(frame, /master +● master/);
	assert.ok(frame.split('\n').length <= 29, `the lab screen fits a 100x30 terminal: ${frame.split('\n').length} rows`);
	// The screen's key handler is attached in an effect, after its first frame.
	await tick();
	for (const [index, key] of ['n', 'b', 'r', '2'].entries()) {
		app.stdin.write(key);
		await until(() => session.calls.length > index);
	}
	assert.deepEqual(session.calls, ['next', 'back', 'runStep', 'goToStep 1']);
	session.set({events: FAILOVER_EVENTS, faultAt: NOW});
	assert.match(await frameMatching(screen, /\+switch-master/), /\+switch-master +master → replica1/);
	app.stdin.write('q');
	const asked = await frameMatching(screen, /Remove the lab's containers/);
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
	await until(() => /Step 1\//.test(stripAnsi(app.lastFrame() ?? '')));
	// The screen's key handler is attached in an effect, after its first frame.
	await tick();
	await tick();
	app.stdin.write('c');
	await until(() => /console: redis-cli on master/.test(stripAnsi(app.lastFrame() ?? '')));
	assert.match(stripAnsi(app.lastFrame()!), /console: redis-cli on master/);
	app.stdin.write('\t');
	await until(() => /console: redis-cli on replica1/.test(stripAnsi(app.lastFrame() ?? '')));
	for (const char of 'SET k v') app.stdin.write(char);
	await tick();
	app.stdin.write('\r');
	await until(() => /\(error\) READONLY/.test(stripAnsi(app.lastFrame() ?? '')));
	const frame = stripAnsi(app.lastFrame()!);
	assert.deepEqual(session.calls, ['console replica1 SET k v']);
	assert.match(frame, /replica1> SET k v/);
	assert.match(frame, /\(error\) READONLY/);
	app.stdin.write('\u001B');
	await until(() => /command log/.test(stripAnsi(app.lastFrame() ?? '')));
	assert.match(stripAnsi(app.lastFrame()!), /command log/);
	app.unmount();
});

test('n on the menu keeps going; a burst of keys is handled key by key', async () => {
	const session = new FakeSession(sessionState());
	const opened: string[] = [];
	const app = render(<App controller={{...controller(session), openLab: async (id) => (opened.push(id), session)}} onExit={() => undefined} />);
	await frameMatching(() => stripAnsi(app.lastFrame() ?? ''), /› 08 The master goes down/);
	await tick();
	app.stdin.write('j\r');
	await until(() => opened.length > 0);
	assert.deepEqual(opened, ['quorum']);
	app.unmount();
});

test('a startup error screen says what to do, and q quits', async () => {
	const exits: boolean[] = [];
	const app = render(<App controller={controller(new FakeSession(sessionState()), {startupError: {message: 'Docker is not reachable at /var/run/docker.sock', hint: 'Start Docker'}})} onExit={(result) => exits.push(result.keep)} />);
	assert.match(await frameMatching(() => stripAnsi(app.lastFrame() ?? ''), /Docker is not reachable/), /Docker is not reachable/);
	await tick();
	app.stdin.write('q');
	await until(() => exits.length > 0);
	assert.deepEqual(exits, [false]);
	app.unmount();
});

test('leftovers of an earlier session: the app says so first, and y removes them before the menu', async () => {
	const session = new FakeSession(sessionState());
	const removed: string[] = [];
	const app = render(<App controller={controller(session, {leftovers: ['master (docker, port 6379)', 'network redis-lab'], removeLeftovers: async () => void removed.push('all')})} onExit={() => undefined} />);
	const screen = () => stripAnsi(app.lastFrame() ?? '');
	const frame = await frameMatching(screen, /left nodes behind/);
	assert.match(frame, /An earlier redis-lab session left nodes behind/);
	assert.match(frame, /master \(docker, port 6379\), network redis-lab/);
	await tick();
	app.stdin.write('y');
	await until(() => removed.length > 0);
	assert.deepEqual(removed, ['all']);
	assert.match(await frameMatching(screen, /› 08/), /› 08 The master goes down/);
	app.unmount();
});

test('leftovers: n leaves them and goes on to the menu', async () => {
	const removed: string[] = [];
	const app = render(<App controller={controller(new FakeSession(sessionState()), {leftovers: ['sentinel1 (local, port 16379)'], removeLeftovers: async () => void removed.push('all')})} onExit={() => undefined} />);
	const screen = () => stripAnsi(app.lastFrame() ?? '');
	await frameMatching(screen, /left nodes behind/);
	await tick();
	app.stdin.write('n');
	assert.match(await frameMatching(screen, /enter open · q quit/), /enter open · q quit/);
	assert.deepEqual(removed, []);
	app.unmount();
});
