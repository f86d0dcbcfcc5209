// Every action kind's preview (the commands on screen) and exported script lines, on a stub ShellText: no Redis, no Docker.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {ACTIONS, actionOf, describeAction, type Action} from '../../../source/engine/lab/actions/registry.js';
import type {PreviewContext, ScriptContext} from '../../../source/engine/lab/define/define.js';
import {portFor} from '../../../source/engine/topology/topology.js';
import {stubShell} from './stub-shell.js';

/** The current master is replica1 on screen; the script asks the sentinels (`$(current_master)`). */
const preview: PreviewContext = {
	shell: stubShell,
	node: (ref) => (ref === 'current-master' ? 'replica1' : ref),
	spec: (name) => ({name, kind: name.startsWith('sentinel') ? 'sentinel' : 'redis', port: portFor(name)}),
	expand: (text) => text.replace('{{master.port}}', '6379'),
	hostPort: (name) => portFor(name),
};

const script: ScriptContext = {
	shell: stubShell,
	kind: 'docker',
	node: (ref) => (ref === 'current-master' ? '$(current_master)' : ref),
	arg: (ref) => (ref === 'current-master' ? '"$(current_master)"' : ref),
	words: (command) => command.replace('{{master.port}}', '6379').split(' '),
	word: (text) => `'${text}'`,
	start: (name) => [`# config of ${name}`, `create ${name}`],
	writeConfig: (name, set) => [`# ${name}: ${Object.keys(set).join(' ')}`],
	showConfig: (name) => [`cat ${name}.conf`],
	hostPort: (name) => portFor(name),
	removeAtEnd: () => undefined,
};

/** One example per kind, with what it shows and what it exports. */
const examples: Array<{action: Action; preview: string[]; script: string[]}> = [
	{action: {start: ['master', 'sentinel1']}, preview: ['create master :6379', 'create sentinel1 :16379'], script: ['# config of master', 'create master', '# config of sentinel1', 'create sentinel1']},
	{action: {stop: 'current-master'}, preview: ['stop replica1'], script: ['stop $(current_master)']},
	{action: {kill: ['master', 'replica2']}, preview: ['kill master', 'kill replica2'], script: ['kill master', 'kill replica2']},
	{action: {pause: 'master'}, preview: ['pause master'], script: ['pause master']},
	{action: {resume: 'master'}, preview: ['resume master'], script: ['resume master']},
	{action: {restart: 'current-master'}, preview: ['restart replica1'], script: ['restart $(current_master)']},
	{action: {isolate: 'master'}, preview: ['isolate master'], script: ['isolate master']},
	{action: {heal: 'current-master'}, preview: ['heal replica1'], script: ['heal $(current_master)']},
	{action: {cli: {node: 'current-master', command: 'REPLICAOF master {{master.port}}'}}, preview: ['cli replica1 REPLICAOF master 6379'], script: ['cli_$(current_master) REPLICAOF master 6379']},
	{action: {cli: {node: 'master', from: 'replica1', command: 'PING'}}, preview: ['cli replica1 PING'], script: ['cli replica1 PING']},
	{action: {'write-config': {node: 'replica1', set: {'replica-read-only': 'no', 'repl-timeout': 10}}}, preview: ['# set replica-read-only no, repl-timeout 10 in replica1\'s config file'], script: ['# replica1: replica-read-only repl-timeout']},
	{action: {'show-config': 'replica1'}, preview: ['show-config replica1'], script: ['cat replica1.conf']},
	{
		action: {write: {node: 'current-master', count: 3, prefix: 'k'}},
		preview: ['on replica1: for i in $(seq 1 3); do redis-cli -p 6380 SET k:$i $i; done'],
		script: ['for i in $(seq 1 3); do cli_$(current_master) SET k:$i $i; done  # redis-cli -p $(node_port "$(current_master)")'],
	},
	{action: {logs: {node: 'sentinel1', lines: 5, grep: 'odown|sdown'}}, preview: ['logs sentinel1 -n 5 | grep -E \'odown|sdown\''], script: ['logs sentinel1 -n 5 | grep -E \'odown|sdown\' || true']},
	{action: {'client-start': {id: 'app', intervalMs: 20}}, preview: ['# start an application client that finds the master through the sentinels and writes every 20 ms'], script: ['# (the app starts an application client here that writes through the sentinels; see redis-lab run)']},
	{action: {'client-stop': {id: 'app'}}, preview: ['# stop the client and check every acknowledged write on the current master'], script: ['# (the app stops the client and checks every acknowledged write)']},
	{action: {mark: 'fault'}, preview: [], script: []},
	{action: {'docker-run': {id: 'article', publish: 6380}}, preview: [], script: ['# docker-run article: needs the docker runtime']},
];

test('every action kind has an example here', () => {
	assert.deepEqual([...new Set(examples.map(({action}) => Object.keys(action)[0]))], ACTIONS.map((definition) => definition.key));
});

for (const example of examples) {
	const {definition, body} = actionOf(example.action);
	test(`action ${definition.key}: preview and script lines`, () => {
		assert.deepEqual(definition.preview(body, preview), example.preview, 'preview');
		assert.deepEqual(definition.script(body, script), example.script, 'script');
	});
}

test('every action reads in English and Chinese', () => {
	for (const {action} of examples) {
		const {definition, body} = actionOf(action);
		const en = definition.label(body, 'en');
		const zh = definition.label(body, 'zh');
		assert.ok(en.length > 0 && zh.length > 0, definition.key);
		assert.notEqual(en, zh, definition.key);
		assert.match(zh, /[\u4e00-\u9fff]/, `${definition.key}: ${zh}`);
	}
});

test('action labels', () => {
	assert.equal(describeAction({stop: ['replica1', 'replica2']}), 'stop replica1, replica2');
	assert.equal(describeAction({stop: ['replica1', 'replica2']}, 'zh'), '停止 replica1、replica2');
	assert.equal(describeAction({cli: {node: 'replica1', command: 'REPLICAOF no one'}}, 'zh'), '在 replica1 上执行 REPLICAOF no one');
});
