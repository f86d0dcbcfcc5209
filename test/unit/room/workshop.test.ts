// The workshop room's pure parts: the URL, the hash, what a lab run publishes, step events, who needs help, the summary, the CSV.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {joinLine, parseRoomUrl, roomEndpoint, validName} from '../../../source/engine/room/url.js';
import {roomKeys, heartbeatMs, learnerTtlSeconds} from '../../../source/engine/room/keys.js';
import {MENU_STATUS, fromHash, toHash, type LabProgressStatus, type LearnerStatus} from '../../../source/engine/room/status.js';
import {eventFields, eventOf, stepEvents, track} from '../../../source/engine/room/events.js';
import {labSummaries, median, triage} from '../../../source/engine/room/triage.js';
import {reportCsv, roomReport} from '../../../source/engine/room/report.js';
import {learnerId} from '../../../source/engine/room/publisher.js';
import {roomProblemLine} from '../../../source/engine/room/line.js';
import {problemOf} from '../../../source/engine/room/connection.js';
import {bindKind} from '../../../source/engine/host/room/record.js';
import {roomChoice} from '../../../source/commands/room-join.js';

const learner = (over: Partial<LearnerStatus> = {}): LearnerStatus => ({...MENU_STATUS, id: 'id-1', name: 'alice', mode: 'run', failCount: 0, joinedAt: 1000, updatedAt: 1000, ...over});
const onStep = (over: Partial<LabProgressStatus> = {}): LabProgressStatus => ({...MENU_STATUS, lab: 'sentinel-failover', step: 2, steps: 6, stepId: 'stop', stepState: 'watching', checksTotal: 3, ...over});

test('a room URL: host, port, password, room id; shown without the password; bad ones are one line', () => {
	const address = parseRoomUrl('redis://:p%40ss@10.0.0.5:6375/ws-1');
	assert.deepEqual(address, {host: '10.0.0.5', port: 6375, username: undefined, password: 'p@ss', tls: false, roomId: 'ws-1'});
	assert.equal(roomEndpoint(address), '10.0.0.5:6375');
	assert.equal(joinLine(address), 'redis-lab --room redis://:p%40ss@10.0.0.5:6375/ws-1');
	assert.equal(joinLine(address, 'HOST'), 'redis-lab --room redis://:p%40ss@HOST:6375/ws-1');
	assert.equal(parseRoomUrl('rediss://user:pw@example.org/r').tls, true);
	assert.equal(parseRoomUrl('rediss://user:pw@example.org/r').port, 6379);
	assert.throws(() => parseRoomUrl('http://x/room'), (error: Error) => /Not a room address: http:\/\/x\/room/.test(error.message));
	assert.throws(() => parseRoomUrl('redis://:secret@x:1/'), (error: Error) => /room id ""/.test(error.message));
	// The password never appears in the error line.
	assert.throws(() => parseRoomUrl('ftp://:secret@x:1/r'), (error: Error) => !error.message.includes('secret'));
	assert.equal(validName(' Bob '), 'Bob');
	assert.throws(() => validName('a\u0007b'));
});

test('keys under one prefix per room; the TTL from REDIS_LAB_ROOM_TTL; a heartbeat a third of it, at most 5 s', () => {
	const keys = roomKeys('ws-1');
	assert.deepEqual([keys.learners, keys.learner('abc'), keys.events, keys.updates], ['redis-lab:room:ws-1:learners', 'redis-lab:room:ws-1:learner:abc', 'redis-lab:room:ws-1:events', 'redis-lab:room:ws-1:updates']);
	assert.equal(learnerTtlSeconds({}), 60);
	assert.equal(learnerTtlSeconds({REDIS_LAB_ROOM_TTL: '6'}), 6);
	assert.equal(heartbeatMs(60), 5000);
	assert.equal(heartbeatMs(6), 2000);
});

test('a status survives the hash both ways; a learner id is stable for the same name, account and machine', () => {
	const status = learner({lab: 'quorum', step: 3, steps: 7, stepState: 'failed', failedCheck: 'replica1 role is slave', failReason: 'replica1 is master', failCount: 2, nodesDown: ['master', 'sentinel2'], finished: false, stepStartedAt: 500});
	assert.deepEqual(fromHash(toHash(status)), {...status, left: false, stepId: undefined, runtime: undefined, server: undefined});
	assert.equal(fromHash({updatedAt: '5'}), undefined, 'a hash with no id and name is not a learner');
	assert.equal(learnerId('alice', 'u1', 'box'), learnerId('alice', 'u1', 'box'));
	assert.notEqual(learnerId('alice', 'u1', 'box'), learnerId('alice', 'u2', 'box'));
});

test('tracking: the step start holds while on a step; the same check failing again counts; a pass clears it', () => {
	const first = {...learner(), ...onStep(), ...track(learner(), onStep(), 2000), updatedAt: 2000};
	assert.equal(first.stepStartedAt, 2000);
	const failing = onStep({stepState: 'failed', failedCheck: 'replica1 role is slave', failReason: 'replica1 is master'});
	// The check fails while the step still runs, then the step ends failed: one failure, not two.
	const checkFailed = onStep({stepState: 'running', failedCheck: 'replica1 role is slave', failReason: 'replica1 is master'});
	const during = {...first, ...checkFailed, ...track(first, checkFailed, 2500), updatedAt: 2500};
	assert.equal(during.failCount, 0);
	assert.equal({...during, ...failing, ...track(during, failing, 2600)}.failCount, 1);
	const once = {...first, ...failing, ...track(first, failing, 3000), updatedAt: 3000};
	assert.deepEqual([once.stepStartedAt, once.failCount], [2000, 1]);
	const rerun = {...once, ...onStep({stepState: 'running'}), ...track(once, onStep({stepState: 'running'}), 4000)};
	assert.equal(rerun.failCount, 1, 'running again keeps the count');
	assert.equal(rerun.failedCheck, 'replica1 role is slave', 'and the last failure shown');
	const twice = {...rerun, ...failing, ...track(rerun, failing, 5000)};
	assert.equal(twice.failCount, 2);
	const other = onStep({stepState: 'failed', failedCheck: 'another check'});
	assert.equal(track(twice, other, 5500).failCount, 1, 'another check starts its own count');
	const passed = track(twice, onStep({stepState: 'passed'}), 6000);
	assert.deepEqual([passed.failCount, passed.failedCheck], [0, undefined]);
	const next = track(twice, onStep({step: 3, stepId: 'next'}), 7000);
	assert.deepEqual([next.stepStartedAt, next.failCount], [7000, 0]);
});

test('step events: joined, step, passed (with its time), failed (with its reason), finished; none for a heartbeat', () => {
	const joined = learner();
	assert.deepEqual(stepEvents(undefined, joined).map((event) => event.type), ['joined']);
	const arrived = learner({...onStep(), stepStartedAt: 2000, updatedAt: 2000});
	assert.deepEqual(stepEvents(joined, arrived).map((event) => event.type), ['step']);
	assert.deepEqual(stepEvents(arrived, {...arrived, updatedAt: 9000}), []);
	const failed = learner({...onStep({stepState: 'failed', failedCheck: 'c', failReason: 'why'}), stepStartedAt: 2000, updatedAt: 3000});
	assert.deepEqual(stepEvents(arrived, failed).map((event) => [event.type, event.reason]), [['failed', 'c: why']]);
	const passed = learner({...onStep({stepState: 'passed', step: 6, stepId: 'last'}), stepStartedAt: 2000, updatedAt: 4500, finished: true});
	const events = stepEvents({...passed, stepState: 'running', finished: false}, passed);
	assert.deepEqual(events.map((event) => [event.type, event.ms]), [['passed', 2500], ['finished', undefined]]);
	const back = eventOf(eventFields(events[0]!));
	assert.deepEqual(back, {...events[0], reason: undefined});
});

test('triage: stuck first, then the same check failing, nodes down, quiet; the failing reason on the row', () => {
	const now = 20 * 60_000;
	const options = {stuckMs: 10 * 60_000, quietMs: 15_000};
	const rows = triage([
		learner({id: 'ok', name: 'ok', ...onStep(), stepStartedAt: now - 60_000, updatedAt: now}),
		learner({id: 'quiet', name: 'quiet', ...onStep(), stepStartedAt: now - 60_000, updatedAt: now - 30_000}),
		learner({id: 'down', name: 'down', ...onStep({nodesDown: ['replica1']}), stepStartedAt: now - 60_000, updatedAt: now}),
		learner({id: 'failing', name: 'failing', ...onStep({stepState: 'failed', failedCheck: 'c'}), failCount: 3, stepStartedAt: now - 120_000, updatedAt: now}),
		learner({id: 'stuck', name: 'stuck', ...onStep(), stepStartedAt: now - 11 * 60_000, updatedAt: now}),
		learner({id: 'done', name: 'done', ...onStep({stepState: 'passed', finished: true}), stepStartedAt: now - 30 * 60_000, updatedAt: now}),
		learner({id: 'left', name: 'left', ...onStep(), stepStartedAt: now - 30 * 60_000, updatedAt: now - 60_000, left: true}),
	], now, options);
	assert.deepEqual(rows.map((row) => row.learner.name), ['stuck', 'failing', 'down', 'quiet', 'done', 'ok', 'left']);
	assert.deepEqual(rows[0]!.reasons, [{kind: 'stuck', minutes: 11}]);
	assert.deepEqual(rows[1]!.reasons, [{kind: 'failing', count: 3}]);
	assert.deepEqual(rows.at(-1)!.reasons, [], 'who left needs nobody now');
});

test('a summary per lab: on it, finished (now or by the stream), median time per step', () => {
	assert.equal(median([3, 1, 2]), 2);
	assert.equal(median([4, 1, 2, 3]), 2.5);
	assert.equal(median([]), undefined);
	const events = [
		{type: 'passed' as const, learner: 'a', name: 'a', at: 1, lab: 'quorum', step: 1, stepId: 's1', ms: 1000},
		{type: 'passed' as const, learner: 'b', name: 'b', at: 1, lab: 'quorum', step: 1, stepId: 's1', ms: 3000},
		{type: 'passed' as const, learner: 'b', name: 'b', at: 1, lab: 'quorum', step: 2, stepId: 's2', ms: 8000},
		{type: 'finished' as const, learner: 'gone', name: 'gone', at: 1, lab: 'quorum'},
	];
	const [summary] = labSummaries([learner({id: 'a', lab: 'quorum'}), learner({id: 'b', lab: 'quorum', finished: true})], events);
	assert.deepEqual(summary, {lab: 'quorum', learners: 2, finished: 2, medianStepMs: 3000, stepMedians: {s1: 2000, s2: 8000}});
});

test('the CSV: one line per learner, quoted where needed, a would-be formula kept as text', () => {
	const view = {room: 'r', at: 'h:1', status: 'connected' as const, learners: [learner({name: '=HYPERLINK("x")', ...onStep({failReason: 'a, "b"'})})], events: [], changedAt: 0, fresh: []};
	const report = roomReport(view, 2000, {stuckMs: 60_000, quietMs: 15_000});
	const lines = reportCsv(report).split('\r\n');
	assert.match(lines[0]!, /^name,lab,step,steps,step_id,state,checks_passed,checks_total,failed_check,reason,/);
	assert.match(lines[1]!, /^"'=HYPERLINK\(""x""\)",sentinel-failover,2,6,stop,watching,0,3,,"a, ""b""",0,/);
	assert.equal(report.learners[0]!.checks.total, 3);
});

test('the learner\'s one line: a wrong password or an unreachable room, named; nothing while joined', () => {
	const state = {room: 'ws-1', at: '10.0.0.5:6375', name: 'a'};
	assert.equal(roomProblemLine({...state, status: 'joined'}), undefined);
	assert.match(roomProblemLine({...state, status: 'refused'})!.en, /^room ws-1 at 10\.0\.0\.5:6375: wrong password; the lab goes on/);
	assert.match(roomProblemLine({...state, status: 'unreachable', reason: 'connection refused'})!.en, /^room ws-1 unreachable at 10\.0\.0\.5:6375 \(connection refused\)/);
	assert.match(roomProblemLine({...state, status: 'refused'})!.zh, /密码不对/);
	assert.equal(problemOf(new Error('WRONGPASS invalid username-password pair or user is disabled.')), 'refused');
	assert.equal(problemOf(new Error('NOAUTH Authentication required.')), 'refused');
	assert.equal(problemOf(Object.assign(new Error('connect ECONNREFUSED'), {code: 'ECONNREFUSED'})), 'unreachable');
	assert.deepEqual(['127.0.0.1', '0.0.0.0', '192.168.1.4'].map(bindKind), ['loopback', 'any', 'address']);
});

test('which room: --room, else REDIS_LAB_ROOM, else the one remembered; none forgets it; the name defaults to the account', () => {
	let saved: {url: string; name?: string} | undefined = {url: 'redis://:p@h:1/old', name: 'Ann'};
	const progress = {get room() {
		return saved;
	}, setRoom(room: typeof saved) {
		saved = room;
	}} as unknown as Parameters<typeof roomChoice>[1];
	assert.deepEqual(roomChoice({}, progress, {REDIS_LAB_OWNER: 'u1'})?.name, 'Ann');
	assert.equal(roomChoice({}, progress, {REDIS_LAB_ROOM: 'redis://:p@h:1/env', REDIS_LAB_OWNER: 'u1'})?.address.roomId, 'env');
	assert.equal(roomChoice({room: 'redis://:p@h:1/flag', name: 'Bo'}, progress, {})?.name, 'Bo');
	assert.deepEqual(saved, {url: 'redis://:p@h:1/flag', name: 'Bo'});
	assert.equal(roomChoice({room: 'none'}, progress, {}), undefined);
	assert.equal(saved, undefined);
	assert.equal(roomChoice({}, progress, {REDIS_LAB_OWNER: 'u1'}), undefined);
	assert.equal(roomChoice({room: 'redis://:p@h:1/x'}, undefined, {REDIS_LAB_OWNER: 'carol'})?.name, 'carol');
});
