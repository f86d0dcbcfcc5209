// Every check kind's exported script lines, on a stub script context: no Redis, no Docker.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {CHECKS, checkOf, checkWithin, describeCheck, type Check} from '../../../source/engine/lab/checks/registry.js';
import type {CheckScriptContext} from '../../../source/engine/lab/define/define.js';
import {DEFAULT_WITHIN_MS} from '../../../source/engine/lab/define/fields.js';

function context(check: Check): CheckScriptContext {
	return {
		label: `'${describeCheck(check)}'`,
		describe: describeCheck(check),
		seconds: Math.ceil(checkWithin(check) / 1000),
		lang: 'en',
		arg: (ref) => (ref === 'current-master' ? '"$(current_master)"' : ref),
		word: (text) => `'${text}'`,
		fill: (text) => text.replace('{{master.port}}', '6379'),
	};
}

const examples: Array<{check: Check; script: string[]; before?: string[]}> = [
	{check: {role: {node: 'current-master', is: 'master', within: '45s'}}, script: ['wait_for \'current-master role is master\' 45 role_is "$(current_master)" master']},
	{
		check: {info: {node: 'master', field: 'master_repl_offset', atLeast: 1, grows: true}},
		script: ['wait_for \'master master_repl_offset grows >= 1\' 10 info_is master master_repl_offset ge 1', 'wait_for \'master master_repl_offset grows >= 1\' 10 info_is master master_repl_offset gt "$BEFORE_master_repl_offset"'],
		before: ['BEFORE_master_repl_offset=$(info_get master master_repl_offset)'],
	},
	{check: {'in-sync': {master: 'master'}}, script: ['wait_for \'every replica of master has its whole stream\' 10 in_sync master']},
	{check: {reply: {node: 'replica1', command: 'CONFIG GET port', equals: '{{master.port}}'}}, script: ['wait_for \'replica1 CONFIG GET port → <master port>\' 10 reply_matches replica1 \'^6379$\' CONFIG GET port']},
	{check: {key: {node: 'replica1', key: 'k', missing: true}}, script: ['wait_for \'replica1 k is nil\' 10 key_is replica1 k \'\'']},
	{check: {event: {type: '+odown', absent: true, within: '3s'}}, script: ['echo "  watching 3s: +odown must not appear"; sleep 3']},
	{check: {'sentinel-master': {not: 'master'}}, script: ['wait_for \'sentinels report a master other than master\' 10 sentinel_master_not master']},
	{check: {writes: {id: 'w', lost: {equals: 0}}}, script: ['# expect: writes w: lost = 0']},
	{check: {client: {id: 'app', errors: {atMost: 3}}}, script: ['# expect: client app: errors <= 3']},
	{check: {'config-file': {node: 'replica1', directive: 'replicaof', matches: ' {{master.port}}$', within: '5s'}}, script: ['wait_for \'replica1\'s config file has a "replicaof" line matching / <master port>$/\' 5 config_is replica1 replicaof re \' 6379$\'']},
	{check: {log: {node: 'sentinel1', matches: '\\+switch-master'}}, script: ['wait_for \'sentinel1\'s log (this step) has /\\+switch-master/\' 10 log_has sentinel1 \'\\+switch-master\'']},
	{check: {reach: {container: 'article', answers: false}}, script: ['wait_for \'article does not answer from the host\' 10 reach_answers "$(( $(node_port master) + 100 ))" no']},
	{
		check: {restarted: {node: 'replica1', within: '20s'}},
		script: ['wait_for \'replica1 restarted (new run_id)\' 20 info_is replica1 run_id ne "$RUN_ID_BEFORE_replica1"'],
		before: ['RUN_ID_BEFORE_replica1=$(info_get replica1 run_id)'],
	},
];

test('every check kind has an example here', () => {
	assert.deepEqual(examples.map(({check}) => Object.keys(check)[0]), CHECKS.map((definition) => definition.key));
});

for (const example of examples) {
	const {definition, body} = checkOf(example.check);
	test(`check ${definition.key}: script lines`, () => {
		assert.deepEqual(definition.script(body, context(example.check)), example.script);
		assert.deepEqual(definition.scriptBefore?.(body, context(example.check)) ?? [], example.before ?? []);
	});
}

test('a check without within has the default time; only absent events are inverted', () => {
	assert.equal(checkWithin({role: {node: 'master', is: 'master'}}), DEFAULT_WITHIN_MS);
	const inverted = examples.filter(({check}) => {
		const {definition, body} = checkOf(check);
		return definition.inverted?.(body) ?? false;
	});
	assert.deepEqual(inverted.map(({check}) => Object.keys(check)[0]), ['event']);
});

test('a check\'s verdict speaks the learner\'s language: a down node, sentinels that disagree, a client never started', async () => {
	const nodes = [
		{name: 'master', kind: 'redis', health: 'down', lastLogs: ['Redis is now ready to exit, bye bye...']},
		{name: 'sentinel1', kind: 'sentinel', health: 'up', sentinel: {masters: [{host: '10.0.0.2', port: 6379}]}},
		{name: 'sentinel2', kind: 'sentinel', health: 'up', sentinel: {masters: [{host: '10.0.0.3', port: 6380}]}},
	];
	const session = {getState: () => ({nodes}), runtime: {resolve: (_host: string, port: number) => (port === 6379 ? 'master' : 'replica1')}};
	const verdict = async (check: Check, lang: 'en' | 'zh') => {
		const {definition, body} = checkOf(check);
		const context = {session, baseline: new Map(), writes: new Map(), clients: new Map(), resolveNode: (ref: string) => ref, lang} as unknown as Parameters<typeof definition.evaluate>[1];
		return definition.evaluate(body, context);
	};
	const info: Check = {info: {node: 'master', field: 'connected_slaves', equals: 2}};
	assert.deepEqual(await verdict(info, 'en'), {ok: false, detail: 'master is down; its last log line: Redis is now ready to exit, bye bye...'});
	assert.deepEqual(await verdict(info, 'zh'), {ok: false, detail: 'master 已停止；它的最后一行日志：Redis is now ready to exit, bye bye...'});
	const agreed: Check = {'sentinel-master': {is: 'master'}};
	assert.equal((await verdict(agreed, 'en')).detail, 'sentinels disagree: sentinel1 says master, sentinel2 says replica1');
	assert.equal((await verdict(agreed, 'zh')).detail, '哨兵意见不一：sentinel1 说是 master，sentinel2 说是 replica1');
	assert.equal((await verdict({client: {id: 'app', errors: {atMost: 0}}}, 'zh')).detail, '客户端 app 没有启动');
});

test('restarted passes only on a run_id other than the one read before the step\'s actions', async () => {
	const {definition, body} = checkOf({restarted: {node: 'replica1'}});
	let runId = 'a'.repeat(40);
	let answers = true;
	const session = {runtime: {exec: async () => ({stdout: answers ? `# Server\r\nredis_version:7.2.6\r\nrun_id:${runId}\r\nuptime_in_seconds:3\r\n` : '', stderr: answers ? '' : 'Could not connect', exitCode: answers ? 0 : 1})}};
	const context = (lang: 'en' | 'zh') => ({session, baseline: new Map(), writes: new Map(), clients: new Map(), resolveNode: (ref: string) => ref, lang}) as unknown as Parameters<typeof definition.evaluate>[1];
	const en = context('en');
	await definition.baseline!(body, en);
	// Uptime 3 s, same process: an uptime check would pass here; this one must not.
	assert.deepEqual(await definition.evaluate(body, en), {ok: false, detail: 'run_id still aaaaaaaa…: the same process'});
	answers = false;
	assert.deepEqual(await definition.evaluate(body, en), {ok: false, detail: 'replica1 does not answer INFO server'});
	answers = true;
	runId = 'b'.repeat(40);
	assert.deepEqual(await definition.evaluate(body, en), {ok: true, detail: 'run_id aaaaaaaa… → bbbbbbbb…'});
	const zh = context('zh');
	answers = false;
	await definition.baseline!(body, zh);
	answers = true;
	assert.deepEqual(await definition.evaluate(body, zh), {ok: false, detail: '这一步开始时 replica1 没有 run_id'});
	assert.equal(describeCheck({restarted: {node: 'replica1'}}, 'zh'), 'replica1 已重启（run_id 变了）');
});
