import {test} from 'node:test';
import assert from 'node:assert/strict';
import React from 'react';
import {render} from 'ink-testing-library';
import stripAnsi from 'strip-ansi';
import {App} from '../../source/ui/App.js';
import {FAILOVER_EVENTS, FakeSession, NOW, controller, sessionState} from './fake-session.js';

const tick = () => new Promise((resolve) => setTimeout(resolve, 30));

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
	assert.match(frame, /master ● master/);
	for (const key of ['n', 'b', 'r', 's', '2']) {
		app.stdin.write(key);
		await tick();
	}
	assert.deepEqual(session.calls, ['next', 'back', 'runStep', 'solveStep', 'goToStep 1']);
	session.set({events: FAILOVER_EVENTS, faultAt: NOW});
	await tick();
	assert.match(stripAnsi(app.lastFrame()!), /\+switch-master +master → replica1/);
	app.stdin.write('q');
	await tick();
	assert.match(stripAnsi(app.lastFrame()!), /Remove the lab's containers and processes\?/);
	app.stdin.write('y');
	await tick();
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
