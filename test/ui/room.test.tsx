// The host's room screen and the learner's room line, drawn by Ink from fake stores (no Redis).
import {test} from 'node:test';
import assert from 'node:assert/strict';
import React from 'react';
import {render} from 'ink-testing-library';
import stripAnsi from 'strip-ansi';
import {RoomScreen} from '../../source/ui/RoomScreen.js';
import {LabScreen} from '../../source/ui/LabScreen.js';
import type {RoomView} from '../../source/engine/room/watcher.js';
import type {RoomLinkState} from '../../source/engine/room/publisher.js';
import {MENU_STATUS, type LearnerStatus} from '../../source/engine/room/status.js';
import {FakeSession, sessionState} from './fake-session.js';
import {renderSized} from './sized.js';
import {frameMatching, until} from './until.js';

class Store<T> {
	private listeners = new Set<() => void>();
	constructor(public state: T) {}
	getState = () => this.state;
	subscribe = (listener: () => void) => {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	};
	set(state: T) {
		this.state = state;
		for (const listener of this.listeners) listener();
	}
}

const now = Date.now();
const learner = (over: Partial<LearnerStatus>): LearnerStatus => ({...MENU_STATUS, id: over.name ?? 'x', name: 'x', mode: 'app', failCount: 0, joinedAt: now, updatedAt: now, ...over});
const onLab = {lab: 'sentinel-failover', steps: 6, checksTotal: 6};

function view(learners: LearnerStatus[], extra: Partial<RoomView> = {}): RoomView {
	return {room: 'ws-1', at: '10.0.0.5:6375', status: 'connected', learners, events: [{type: 'passed', learner: 'ann', name: 'ann', at: now, lab: 'sentinel-failover', step: 1, stepId: 'healthy', ms: 90_000}], changedAt: now, fresh: [], ...extra};
}

test('the host\'s screen: one row per learner, who needs help first with the failing reason, a summary per lab, live', async (t) => {
	const store = new Store(view([
		learner({name: 'ann', ...onLab, step: 3, stepState: 'watching', checksPassed: 2, stepStartedAt: now - 60_000}),
		learner({name: 'ben', ...onLab, step: 2, stepState: 'failed', checksPassed: 5, failedCheck: 'event +odown seen', failReason: 'no +odown within 15s', failCount: 3, stepStartedAt: now - 14 * 60_000}),
		learner({name: 'cat', lab: 'quorum', steps: 7, step: 7, stepState: 'passed', finished: true, checksPassed: 2, checksTotal: 2, stepStartedAt: now - 5000}),
	]));
	// A wide terminal: each row shows the failing reason whole.
	const app = renderSized(<RoomScreen store={store} options={{stuckMs: 10 * 60_000, quietMs: 15_000}} lang="en" />, 160, 30);
	t.after(() => app.unmount());
	let frame = await frameMatching(app.frame, [/^redis-lab room/, /✓ cat/]);
	const lines = frame.split('\n');
	assert.match(lines[0]!, /^redis-lab room ws-1 · 10\.0\.0\.5:6375 · 3 learners · stuck after 10 min/);
	assert.match(frame, /quorum: 1 on it · 1 finished · median - per step/);
	assert.match(frame, /sentinel-failover: 2 on it · 0 finished · median 1m30s per step/);
	const rows = lines.filter((line) => /^[!✓ ] (ann|ben|cat) /.test(line));
	assert.deepEqual(rows.map((line) => line.slice(2, 5)), ['ben', 'ann', 'cat']);
	assert.match(rows[0]!, /^! ben +sentinel-failover +2\/6 +failed +5\/6 +14m0\ds +stuck 14 min · same check failed 3x · event \+odown seen: no \+odown within 15s/);
	assert.match(rows[2]!, /^✓ cat +quorum +7\/7 +finished/);
	// A learner's update arrives: the row moves at once.
	store.set(view([...store.state.learners.filter((each) => each.name !== 'ann'), learner({name: 'ann', ...onLab, step: 3, stepState: 'watching', nodesDown: ['master', 'replica1'], stepStartedAt: now - 60_000})]));
	frame = await frameMatching(app.frame, /! ann .*down: master replica1/);
	assert.match(frame, /! ann .*down: master replica1/);
	store.set(view(store.state.learners, {status: 'unreachable', reason: 'connection refused'}));
	frame = await frameMatching(app.frame, /connection refused/);
	assert.match(frame.split('\n')[1]!, /^room ws-1 at 10\.0\.0\.5:6375: connection refused/);
});

test('the host\'s screen with nobody yet, in Chinese', async () => {
	const app = render(<RoomScreen store={new Store(view([], {events: []}))} options={{stuckMs: 5 * 60_000, quietMs: 15_000}} lang="zh" />);
	const frame = await frameMatching(() => stripAnsi(app.lastFrame() ?? ''), /还没有人加入/);
	assert.match(frame, /redis-lab 房间 ws-1 · 10\.0\.0\.5:6375 · 0 位学员 · 超过 5 分钟算卡住/);
	assert.match(frame, /还没有人加入/);
	app.unmount();
});

test('the learner\'s header names the room; a wrong password or an unreachable room is one line below it', async () => {
	const room = new Store<RoomLinkState>({room: 'ws-1', at: '127.0.0.1:6375', name: 'ann', status: 'joined'});
	const session = new FakeSession(sessionState());
	const app = render(<LabScreen handle={session} room={room} lang="en" onQuit={() => undefined} active />);
	const screen = () => stripAnsi(app.lastFrame() ?? '');
	let lines = (await frameMatching(screen, /room ws-1/)).split('\n');
	assert.match(lines[0]!, /^redis-lab · sentinel-failover · step 1\/2 · room ws-1/);
	assert.doesNotMatch(lines[1]!, /room/);
	room.set({...room.state, status: 'refused'});
	lines = (await frameMatching(screen, /wrong password/)).split('\n');
	assert.match(lines[1]!, /^room ws-1 at 127\.0\.0\.1:6375: wrong password; the lab goes on/);
	assert.equal(lines.filter((line) => /wrong password/.test(line)).length, 1);
	room.set({...room.state, status: 'unreachable', reason: 'timed out'});
	lines = (await frameMatching(screen, /unreachable/)).split('\n');
	assert.match(lines[1]!, /^room ws-1 unreachable at 127\.0\.0\.1:6375 \(timed out\)/);
	room.set({...room.state, status: 'joined'});
	await until(() => !/unreachable/.test(screen()));
	assert.doesNotMatch(screen(), /unreachable/);
	app.unmount();
});
