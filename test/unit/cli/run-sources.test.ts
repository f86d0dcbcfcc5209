import {test} from 'node:test';
import assert from 'node:assert/strict';
import {sourcesText} from '../../../source/commands/run.js';
import {COMMANDS} from '../../../source/commands/program.js';
import type {Step} from '../../../source/engine/lab/format/types.js';

const step = {
	id: 'stop', title: {en: 'Stop'}, text: {en: 'Stop the master.'}, do: [], expect: [],
	sources: [
		{file: 'src/sentinel.c', symbol: 'sentinelCheckSubjectivelyDown', backs: {en: 'no reply for down-after-milliseconds', zh: '超过 down-after-milliseconds 没有回复'}},
		{url: 'https://docs.docker.com/reference/cli/docker/container/stop/', backs: {en: 'SIGTERM, then SIGKILL'}},
	],
} as unknown as Step;

test('run --sources: each place of the step, then what it backs, under a heading, in the chosen language', () => {
	assert.equal(sourcesText(step, 'en'), [
		"  In Redis's source:",
		'    src/sentinel.c · sentinelCheckSubjectivelyDown',
		'        no reply for down-after-milliseconds',
		'    https://docs.docker.com/reference/cli/docker/container/stop/',
		'        SIGTERM, then SIGKILL',
	].join('\n'));
	const zh = sourcesText(step, 'zh')!;
	assert.match(zh, /^ {2}Redis 源码出处：$/m);
	assert.match(zh, /超过 down-after-milliseconds 没有回复/);
	assert.match(zh, /SIGTERM, then SIGKILL/, 'English when there is no translation');
	assert.equal(sourcesText({...step, sources: undefined}, 'en'), undefined);
});

test('run takes --sources', () => {
	assert.ok(COMMANDS.find((command) => command.name === 'run')!.options.includes('sources'));
});
