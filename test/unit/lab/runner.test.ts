// The lab runner on an in-memory session: steps, catch-up and settling, in milliseconds.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {fileURLToPath} from 'node:url';
import {loadLab} from '../../../source/engine/lab/format/loader.js';
import {LabRunner} from '../../../source/engine/lab/run/runner.js';
import {settle} from '../../../source/engine/lab/run/settle.js';
import type {CheckContext} from '../../../source/engine/lab/define/define.js';
import type {LabRunState} from '../../../source/engine/lab/run/state.js';
import {FakeClock} from '../../helpers/fake-clock.js';
import {FakeLabSession} from './fake-lab-session.js';

const engineLab = fileURLToPath(new URL('../../fixtures/labs-engine/01-engine.yaml', import.meta.url));

async function open(options: {clock?: FakeClock; startFails?: boolean} = {}) {
	const session = new FakeLabSession();
	if (options.startFails) session.startNodes = async () => {};
	const runner = new LabRunner(session.asSession, await loadLab(engineLab), {clock: options.clock});
	return {session, runner};
}

test('runner: a step runs its actions, waits for its checks and is marked passed', async () => {
	const {session, runner} = await open();
	assert.deepEqual(runner.getState().steps[1]!.commands, ['cli replica1 REPLICAOF master 6379'], 'the commands are shown before the step runs');
	assert.equal(await runner.runStep(0), true);
	assert.equal(await runner.runStep(1), true);
	assert.deepEqual(runner.getState().steps.map((step) => step.status), ['passed', 'passed', 'pending']);
	assert.deepEqual(session.lines('command'), ['create master', 'create replica1', 'cli replica1 REPLICAOF master 6379']);
	assert.deepEqual(session.lines('check'), ['✓ master role is master (master is master)', '✓ replica1 role is slave (replica1 is slave)']);
});

test('runner: catchUp replays the steps before the target, shows it meanwhile, then opens the target', async () => {
	const {session, runner} = await open();
	const history: LabRunState[] = [];
	runner.subscribe(() => history.push(runner.getState()));
	assert.equal(await runner.catchUp(2), true);
	const lab = runner.getState();
	assert.equal(lab.current, 2);
	assert.equal(lab.catchingUp, undefined);
	assert.deepEqual(lab.steps.map((step) => step.status), ['passed', 'passed', 'pending']);
	assert.ok(history.some((state) => state.catchingUp?.to === 2), 'catchingUp was set while it ran');
	assert.deepEqual(session.lines('step'), ['Step 1/3: Start', 'Step 2/3: Follow']);
	assert.equal(await runner.runStep(2), true, 'the target step starts from the state the earlier steps built');
});

test('runner: catchUp skips the steps that already passed in this session', async () => {
	const {session, runner} = await open();
	await runner.runStep(0);
	await runner.catchUp(2);
	assert.deepEqual(session.lines('step'), ['Step 1/3: Start', 'Step 2/3: Follow']);
	assert.deepEqual(session.lines('command'), ['create master', 'create replica1', 'cli replica1 REPLICAOF master 6379']);
});

test('runner: catchUp marks a step whose checks fail, and still opens the target', async () => {
	// Step 1's check waits for master to be up: it never is (start does nothing), so its 10 s run out.
	const clock = new FakeClock(Date.now());
	const {session, runner} = await open({clock, startFails: true});
	const caught = runner.catchUp(1);
	let settled = false;
	void caught.then(() => (settled = true));
	for (let i = 0; i < 100 && !settled; i++) await clock.advance(1000);
	assert.equal(await caught, false);
	assert.deepEqual(runner.getState().steps.map((step) => step.status), ['failed', 'pending', 'pending']);
	assert.equal(runner.getState().current, 1);
	assert.match(session.lines('check').at(-1)!, /^✗ master role is master \(master is down after 10s\)$/);
});

function eventContext(): CheckContext {
	const session = new FakeLabSession();
	return {session: session.asSession, since: 0, baseline: new Map(), writes: new Map(), clients: new Map(), resolveNode: (ref) => ref};
}

test('settle: an absent event passes when its time runs out; a signal stops a wait early', async () => {
	const clock = new FakeClock(0);
	const absent = settle({event: {type: '+odown', absent: true, within: '2s'}}, eventContext(), {clock});
	await clock.advance(2000);
	assert.deepEqual(await absent, {ok: true, detail: 'no +odown'});
	const controller = new AbortController();
	const seen = settle({event: {type: '+odown'}}, eventContext(), {clock, signal: controller.signal});
	await clock.advance(300);
	controller.abort();
	assert.deepEqual(await seen, {ok: false, detail: 'no +odown yet after 10s'});
});

test('runner: a step marked runtimes: [docker] is skipped on local, with a note, and passes', async () => {
	const session = new FakeLabSession();
	const lab = await loadLab(engineLab);
	const docker = {...lab, steps: lab.steps.map((step, index) => (index === 1 ? {...step, runtimes: ['docker' as const]} : step))};
	const runner = new LabRunner(session.asSession, docker);
	assert.equal(await runner.runStep(0), true);
	assert.equal(await runner.runStep(1), true);
	const state = runner.getState().steps[1]!;
	assert.equal(state.status, 'passed');
	assert.match(state.skipped ?? '', /needs the docker runtime \(this session runs on local\)/);
	assert.deepEqual(session.lines('command'), ['create master', 'create replica1'], 'its actions did not run');
	assert.deepEqual(session.lines('note'), [state.skipped]);
	assert.equal(await runner.watchStep(1), true, 'shown on this runtime, a docker-only step passes as skipped');
	assert.equal(runner.getState().steps[1]?.status, 'passed');
});

test('runner: an action on current-master waits for the sentinels to agree, and says so when they never do', async () => {
	const lab = await loadLab(engineLab);
	const onCurrentMaster = {...lab, steps: lab.steps.map((step, index) => (index === 2 ? {...step, do: [{cli: {node: 'current-master', command: 'SET greeting hello'}}], expect: [{key: {node: 'master', key: 'greeting', equals: 'hello'}}]} : step))};
	const opened = async (agreed: () => string | undefined) => {
		const clock = new FakeClock(Date.now());
		const session = new FakeLabSession();
		const runner = new LabRunner(session.asSession, onCurrentMaster, {clock});
		assert.equal(await runner.runStep(0), true);
		assert.equal(await runner.runStep(1), true);
		session.currentMaster = agreed;
		return {clock, session, runner};
	};

	const sentinels: {agreeOn?: string} = {};
	const later = await opened(() => sentinels.agreeOn);
	const third = later.runner.runStep(2);
	for (let tick = 0; tick < 20; tick++) await later.clock.advance(250);
	assert.deepEqual(later.session.lines('command').slice(3), [], 'nothing ran while the sentinels disagreed');
	sentinels.agreeOn = 'master';
	await later.clock.advance(250);
	assert.equal(await third, true);
	assert.deepEqual(later.session.lines('command').slice(3), ['cli master SET greeting hello']);

	const never = await opened(() => undefined);
	let ended = false;
	const waiting = never.runner.runStep(2).finally(() => (ended = true));
	for (let second = 0; second < 40 && !ended; second++) await never.clock.advance(1000);
	assert.equal(await waiting, false);
	assert.match(never.runner.getState().steps[2]?.error ?? '', /do not agree on a master/);
});
