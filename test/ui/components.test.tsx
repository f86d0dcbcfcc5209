import {test} from 'node:test';
import assert from 'node:assert/strict';
import React from 'react';
import {render} from 'ink-testing-library';
import stripAnsi from 'strip-ansi';
import {NodePane} from '../../source/ui/NodePane.js';
import {EventTimeline} from '../../source/ui/EventTimeline.js';
import {StepPanel, wrapLines} from '../../source/ui/StepPanel.js';
import {CommandLog} from '../../source/ui/CommandLog.js';
import {LogView} from '../../source/ui/LogView.js';
import {LabMenu} from '../../source/ui/LabMenu.js';
import {HelpScreen, KeyHelp} from '../../source/ui/KeyHelp.js';
import {StartupError} from '../../source/ui/StartupScreen.js';
import {intentFor, KEYBINDINGS} from '../../source/ui/keybindings.js';
import {infoLines, paneModel} from '../../source/ui/presentation/nodes.js';
import {readerContent} from '../../source/ui/presentation/reader.js';
import {DOWN, FAILOVER_EVENTS, MASTER, NOW, REPLICA, REPLICA_DOWN_LINK, SENTINEL, labFixture, sessionState} from './fake-session.js';

const frame = (element: React.ReactElement) => {
	const instance = render(element);
	const text = stripAnsi(instance.lastFrame() ?? '');
	instance.unmount();
	return text;
};

test('a master pane: role, replica count, each replica by node name with state, offset and lag', () => {
	const text = frame(<NodePane view={MASTER} now={NOW} width={60} height={5} />);
	assert.match(text, /master ● master/);
	assert.match(text, /connected_slaves:2/);
	// The pane names nodes; the raw addresses Redis reports are in the zoomed pane (z).
	assert.match(text, /replica1 online off=1427 lag=0/);
	assert.match(text, /replica2 online off=1427 lag=1/);
	assert.doesNotMatch(text, /172\.18/);
	const zoomed = infoLines(MASTER, NOW).map((line) => line.text).join('\n');
	assert.match(zoomed, /slave0:ip=172\.18\.0\.3,port=6380,state=online,offset=1427,lag=0 +→ replica1/);
	assert.match(zoomed, /slave1:ip=172\.18\.0\.4,port=6381,.* +→ replica2/);
});

test('a replica pane: its master by name with the raw address, link, offset, read-only', () => {
	const text = frame(<NodePane view={REPLICA} now={NOW} width={60} height={5} />);
	assert.match(text, /replica1 ● replica/);
	assert.match(text, /master: master\s/);
	assert.match(infoLines(REPLICA, NOW).map((line) => line.text).join('\n'), /master_host:redis-lab-master +→ master/);
	assert.match(text, /link:up/);
	assert.match(text, /read_only:1/);
	assert.match(frame(<NodePane view={REPLICA_DOWN_LINK} now={NOW} width={60} height={5} />), /link:down/);
});

test('a sentinel pane and a down node', () => {
	const sentinel = frame(<NodePane view={SENTINEL} now={NOW} width={60} height={4} />);
	assert.match(sentinel, /sentinel1 ● sentinel/);
	assert.match(sentinel, /master: master\s/);
	assert.match(infoLines(SENTINEL, NOW).map((line) => line.text).join('\n'), /master0:name=master,status=ok,address=172\.18\.0\.2:6379,.* +→ master/);
	assert.match(sentinel, /status=ok slaves=2 sentinels=2/);
	const down = frame(<NodePane view={DOWN} now={NOW} width={60} height={4} />);
	assert.match(down, /master ✗ down/);
	assert.match(down, /last seen 6\.1s ago/);
});

test('a field that changed in the last 2 s is highlighted, and not after', () => {
	const changed = {...MASTER, changedAt: {connected_slaves: NOW - 500}};
	const row = (now: number) => paneModel(changed, now).rows.find((candidate) => candidate.text.startsWith('connected_slaves'))!;
	assert.equal(row(NOW).changed, true);
	assert.equal(row(NOW + 3000).changed, false);
	assert.equal(paneModel(DOWN, NOW).tone, 'red');
	assert.equal(paneModel({...REPLICA, health: 'paused'}, NOW).status, '⏸ paused');
});

test('the event timeline: relative times, source, type, node names, meaning, phases', () => {
	const text = frame(<EventTimeline events={FAILOVER_EVENTS} faultAt={NOW} lang="en" height={6} width={140} />);
	assert.match(text, /\+5\.00s sentinel1 +\+sdown/);
	assert.match(text, /\+5\.07s sentinel2 +\+odown +master #quorum 2\/2/);
	assert.match(text, /\+switch-master +master → replica1/);
	assert.match(text, /enough sentinels \(the quorum, itself included\)/);
	assert.match(text, /detect ✓ → agree ✓ → elect ✓ → promote → reconfigure → done ✓/);
	assert.match(frame(<EventTimeline events={FAILOVER_EVENTS} faultAt={NOW} lang="zh" height={6} width={140} />), /客观下线/);
});

test('the step panel: title, narrative, commands, checks with marks, hint on failure', () => {
	const lab = labFixture();
	const state = sessionState().lab!.steps[1]!;
	const failed = {...state, status: 'failed' as const, checks: [{label: '+switch-master seen', status: 'failed' as const, detail: 'no +switch-master yet after 45s'}]};
	const text = frame(<StepPanel step={lab.steps[1]!} state={failed} index={1} total={2} lang="en" width={100} textLines={2} />);
	assert.match(text, /Step 2\/2: Shut the master down · failed/);
	assert.match(text, /\$ docker stop redis-lab-master/);
	assert.match(text, /✗ \+switch-master seen \(no \+switch-master yet after 45s\)/);
	assert.match(text, /hint: Wait for down-after\./);
	assert.match(frame(<StepPanel step={lab.steps[0]!} state={sessionState().lab!.steps[0]!} index={0} total={2} lang="zh" width={100} textLines={2} />), /一切正常[\s\S]*两个哨兵意见一致/);
});

test('narrative wraps to its lines, CJK included, and says when it was cut', () => {
	assert.deepEqual(wrapLines('one two three four', 9, 2), ['one two', 'three…']);
	assert.deepEqual(wrapLines('两个哨兵意见一致', 8, 1), ['两个哨…']);
	assert.deepEqual(wrapLines('short', 20, 3), ['short']);
});

test('command log, logs with key words, menu, help, startup error', () => {
	assert.match(frame(<CommandLog transcript={sessionState().transcript} height={4} width={80} />), /\$ docker stop redis-lab-master/);
	const logs = frame(<LogView logs={[{seq: 1, node: 'sentinel1', text: '1:X 25 Nov 2026 04:18:54.656 # +sdown master master 172.17.0.2 6379', receivedAt: NOW}]} height={3} width={100} />);
	assert.match(logs, /sentinel1 +1:X .* \+sdown master master/);
	const menu = frame(<LabMenu labs={[labFixture()]} selected={0} progress={() => ({doneSteps: ['healthy']})} runtime="docker" runtimeLabel="redis:7.2" lang="en" height={5} />);
	assert.match(menu, /docker · redis:7\.2/);
	assert.match(menu, /› 08 The master goes down/);
	assert.match(menu, /◐ +1\/2/);
	assert.match(frame(<HelpScreen />), /r +run the step's commands for me/);
	assert.match(frame(<KeyHelp view="lab" />), /n next · b back · r run · c console · l logs · \? help · q quit/);
	assert.match(frame(<StartupError message="Docker is not reachable at /var/run/docker.sock" hint="Start Docker" />), /cannot start a lab[\s\S]*Docker is not reachable[\s\S]*--runtime local/);
});

test('one keybinding table drives input: every intent is reachable, keys do not clash within a view', () => {
	assert.equal(intentFor('lab', 'n', {}), 'next');
	assert.equal(intentFor('lab', '', {rightArrow: true}), 'next');
	assert.equal(intentFor('menu', '', {return: true}), 'menu-open');
	assert.equal(intentFor('console', '', {escape: true}), 'console-leave');
	assert.equal(intentFor('lab', 'c', {ctrl: true}), 'quit');
	for (const view of ['menu', 'lab', 'console'] as const) {
		const keys = KEYBINDINGS.filter((binding) => binding.view === view).flatMap((binding) => binding.keys);
		assert.equal(new Set(keys).size, keys.length, `${view} keys are unique`);
	}
});

test('--demo: a zoomed node hides container addresses, while the names they stand for stay', () => {
	const lines = (demo: boolean) => readerContent({kind: 'node', name: 'master'}, sessionState({demo}), 'en', 100, NOW)!.lines.map((line) => line.text).join('\n');
	assert.match(lines(false), /slave0:ip=172\.18\.0\.3,port=6380/);
	const masked = lines(true);
	assert.doesNotMatch(masked, /172\.18\./);
	assert.match(masked, /slave0:ip=‹ip›,port=6380,.* +→ replica1/);
});
