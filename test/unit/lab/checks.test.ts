// Every check kind's exported script lines, on a stub script context: no Redis, no Docker.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {CHECKS, checkOf, checkWithin, describeCheck, type Check} from '../../../source/engine/lab/checks.js';
import type {CheckScriptContext} from '../../../source/engine/lab/define.js';
import {DEFAULT_WITHIN_MS} from '../../../source/engine/lab/fields.js';

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
