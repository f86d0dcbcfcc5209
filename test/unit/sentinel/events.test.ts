import {test} from 'node:test';
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {parseEvent, parseLogLine} from '../../../source/engine/redis/sentinel/events.js';
import {EVENT_CATALOGUE, FAILOVER_PHASES, meaningOf, phaseProgress} from '../../../source/engine/redis/sentinel/catalogue.js';
import {stampEvent} from '../../../source/engine/redis/sentinel/stream.js';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/sentinel/${name}`, import.meta.url), 'utf8');

/** A plausible payload for every event type. */
function payloadFor(type: string): string {
	if (type === '+switch-master') return 'master 172.18.0.2 6379 172.18.0.3 6380';
	if (type === '+new-epoch') return '7';
	if (type === '+vote-for-leader') return '0123456789abcdef0123456789abcdef01234567 7';
	if (type === '+odown') return 'master master 172.18.0.2 6379 #quorum 2/2';
	if (type === '+tilt' || type === '-tilt') return '#tilt mode entered';
	if (/sentinel|config-update-from/.test(type)) return 'sentinel 0123456789abcdef0123456789abcdef01234567 172.18.0.5 16380 @ master 172.18.0.2 6379';
	if (/slave|convert|promoted|selected/.test(type)) return 'slave 172.18.0.3:6380 172.18.0.3 6380 @ master 172.18.0.2 6379';
	return 'master master 172.18.0.2 6379';
}

test('every catalogue type parses with its fields', () => {
	for (const {type} of EVENT_CATALOGUE) {
		const event = parseEvent(type, payloadFor(type));
		assert.equal(event.type, type);
		const payload = payloadFor(type);
		if (type === '+switch-master') {
			assert.deepEqual(event.switchMaster, {name: 'master', oldHost: '172.18.0.2', oldPort: 6379, newHost: '172.18.0.3', newPort: 6380});
		} else if (type === '+new-epoch') {
			assert.equal(event.epoch, 7);
		} else if (type === '+vote-for-leader') {
			assert.equal(event.leader, '0123456789abcdef0123456789abcdef01234567');
			assert.equal(event.epoch, 7);
		} else if (payload.startsWith('#')) {
			assert.equal(event.instanceRole, undefined, type);
		} else {
			assert.equal(event.instanceRole, payload.split(' ')[0], type);
			assert.equal(event.port, Number(payload.split(' ')[3]), type);
			if (payload.includes('@')) assert.deepEqual(event.master, {name: 'master', host: '172.18.0.2', port: 6379}, type);
		}
		if (type === '+odown') assert.deepEqual(event.quorum, {count: 2, needed: 2});
	}
});

test('every catalogue entry has a meaning in English and Chinese, and unknown types do not throw', () => {
	for (const entry of EVENT_CATALOGUE) {
		assert.ok(entry.en.length > 5, entry.type);
		assert.ok(entry.zh && /[\u4e00-\u9fff]/.test(entry.zh), entry.type);
	}
	assert.equal(new Set(EVENT_CATALOGUE.map((entry) => entry.type)).size, EVENT_CATALOGUE.length);
	assert.equal(meaningOf('+brand-new-event').severity, 'info');
});

test('catalogue meanings say what sentinel.c logs: role-change sign, reconf timeouts, Chinese terms', () => {
	// sentinelRefreshInstanceInfo: "+role-change" when the new role agrees with the sentinel's config, "-role-change" when not.
	assert.match(meaningOf('+role-change').en, /agrees/);
	assert.match(meaningOf('-role-change').en, /disagrees/);
	// sentinelFailoverDetectEnd: "+slave-reconf-sent-be" is the best-effort SLAVEOF after failover-timeout.
	assert.match(meaningOf('+slave-reconf-sent-be').en, /failover-timeout/);
	// One set of Chinese terms: no bare English master/replica/sentinel in the Chinese meanings.
	for (const entry of EVENT_CATALOGUE) assert.doesNotMatch(entry.zh ?? '', /(?<![\w:-])(master|replica|sentinel)s?(?![\w-])/, entry.type);
});

test('pub/sub messages captured from a real failover', () => {
	const lines = fixture('pubsub-failover.txt').split('\n');
	const events = [];
	for (let i = 0; i < lines.length; i++) {
		if (lines[i] === 'pmessage' && lines[i + 2] && lines[i + 3] !== undefined) events.push(parseEvent(lines[i + 2]!, lines[i + 3]!));
	}
	const types = events.map((event) => event.type);
	for (const type of ['+sdown', '+odown', '+new-epoch', '+try-failover', '+elected-leader', '+switch-master']) assert.ok(types.includes(type), `${type} in ${types.join(' ')}`);
	assert.ok(types.indexOf('+sdown') < types.indexOf('+odown'));
	assert.ok(types.indexOf('+odown') < types.indexOf('+switch-master'));
	const switched = events.find((event) => event.type === '+switch-master')!;
	assert.equal(switched.switchMaster?.oldPort, 27100);
	assert.ok([27101, 27102].includes(switched.switchMaster.newPort));
	assert.deepEqual(events.find((event) => event.type === '+odown')?.quorum, {count: 1, needed: 1});
});

test('sentinel log lines from a real failover', () => {
	const parsed = fixture('sentinel-failover.log').split('\n').filter(Boolean).map((line) => parseLogLine(line));
	assert.ok(parsed.every(Boolean), 'every line parses');
	const events = parsed.filter((line) => line?.event).map((line) => line!.event!.type);
	for (const type of ['+monitor', '+sdown', '+odown', '+elected-leader', '+selected-slave', '+promoted-slave', '+switch-master']) assert.ok(events.includes(type), `${type} in ${events.join(' ')}`);
	assert.equal(parsed.find((line) => line?.text.startsWith('Running mode'))?.event, undefined);
});

test("the article's log line", () => {
	const line = parseLogLine('1:X 03 Aug 2024 04:18:54.656 # +sdown master master 172.17.0.2 6379\r');
	assert.equal(line?.pid, 1);
	assert.equal(line?.roleChar, 'X');
	assert.equal(line?.level, '#');
	assert.equal(line?.event?.type, '+sdown');
	assert.equal(line?.event?.host, '172.17.0.2');
	assert.equal(parseLogLine('not a log line'), undefined);
});

test('events are stamped with their source and node names', () => {
	const event = stampEvent(parseEvent('+switch-master', 'master 172.18.0.2 6379 172.18.0.3 6380'), 'sentinel2', 4, (_host, port) => ({6379: 'master', 6380: 'replica1'})[port], 1000);
	assert.equal(event.source, 'sentinel2');
	assert.equal(event.oldMasterNode, 'master');
	assert.equal(event.newMasterNode, 'replica1');
	assert.equal(event.receivedAt, 1000);
});

test('failover phases in order', () => {
	assert.deepEqual(FAILOVER_PHASES, ['detect', 'agree', 'elect', 'promote', 'reconfigure', 'done']);
	assert.deepEqual(phaseProgress(['+sdown', '+odown']).map((phase) => phase.reached), [true, true, false, false, false, false]);
	assert.equal(phaseProgress(['-failover-abort-not-elected'])[2]!.reached, false, 'an abort does not reach a phase');
});

test('an address Sentinel could not resolve (a stopped container) keeps the fields in place', () => {
	const event = parseEvent('+slave', 'slave :6379  6379 @ master 172.18.0.3 6380');
	assert.equal(event.instanceRole, 'slave');
	assert.equal(event.instanceName, ':6379');
	assert.equal(event.host, '');
	assert.equal(event.port, 6379);
	assert.deepEqual(event.master, {name: 'master', host: '172.18.0.3', port: 6380});
});
