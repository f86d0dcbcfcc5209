import {test} from 'node:test';
import assert from 'node:assert/strict';
import {mkdtempSync, rmSync, readFileSync, readdirSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join, relative} from 'node:path';
import {fileURLToPath} from 'node:url';
import {parse, stringify} from 'yaml';
import {findLab, loadCatalogue, loadLab} from '../../../source/engine/lab/format/loader.js';
import {actionKind, checkKind, checkWithin, describeCheck, parseDuration, validateLab} from '../../../source/engine/lab/format/schema.js';
import {RedisLabError} from '../../../source/engine/base/errors.js';
import type {Check, Lab} from '../../../source/engine/lab/format/types.js';

const fixture = fileURLToPath(new URL('../../fixtures/labs/00-fixture.yaml', import.meta.url));
const brokenDir = fileURLToPath(new URL('../../fixtures/labs-broken/', import.meta.url));

/** The message of a LAB_FILE error, checked to be one line. */
function labError(error: unknown): string {
	assert.ok(error instanceof RedisLabError, String(error));
	assert.equal(error.code, 'LAB_FILE');
	assert.ok(!error.message.includes('\n'), `one line: ${error.message}`);
	return error.message;
}

async function loadError(file: string): Promise<string> {
	try {
		await loadLab(file);
	} catch (error) {
		return labError(error);
	}
	throw new Error(`${file} loaded without error`);
}

/** Validates the fixture lab after one change and returns the error message (file "x.yaml"). */
function brokenBy(change: (lab: any) => void): string {
	const lab = parse(readFileSync(fixture, 'utf8'));
	change(lab);
	try {
		validateLab(lab, 'x.yaml');
	} catch (error) {
		return labError(error);
	}
	throw new Error('the changed lab validated');
}

function validBy(change: (lab: any) => void): Lab {
	const lab = parse(readFileSync(fixture, 'utf8'));
	change(lab);
	return validateLab(lab, 'x.yaml');
}

test('the fixture lab is valid', async () => {
	const lab = await loadLab(fixture);
	assert.equal(lab.id, 'fixture');
	assert.equal(lab.file, fixture);
	assert.deepEqual(Object.keys(lab.nodes), ['master', 'replica1']);
	assert.equal(lab.steps.length, 1);
	assert.deepEqual(lab.steps[0]!.do.map(actionKind), ['start', 'cli']);
	assert.deepEqual(lab.steps[0]!.expect.map(checkKind), ['role']);
});

test('broken fixture files: one line naming the file, the step and the field', async () => {
	const expected: Record<string, string> = {
		'bad-field.yaml': ': step 2 "follow": expect[0].role.iz: unknown field, did you mean is? (known: node, is, within)',
		'unknown-node.yaml': ': step 1 "follow": do[1].cli.node: unknown node "replica9" (declared: master, replica1, or current-master)',
		'unknown-action.yaml': ': step 1 "start": do[0]: unknown action "strat" (known: start, stop, kill, pause, resume, restart, isolate, heal, cli, write-config, show-config, write, logs, client-start, client-stop, mark, docker-run)',
		'unknown-check.yaml': ': step 1 "start": expect[0]: unknown check "rolle" (known: role, info, in-sync, reply, key, event, sentinel-master, writes, client, config-file, log, reach, restarted)',
		'missing-en-title.yaml': ': step 1 "start": title.en: required',
		'missing-info-field.yaml': ': step 2 "count-replicas": expect[1].info.field: required',
		'duplicate-step-id.yaml': ': step 2 "start": id: duplicate step id "start"',
		'bad-duration.yaml': ': step 1 "start": expect[0].role.within: bad duration "soon" (use 500ms, 10s, 2m, or the sentinel settings down-after, failover-timeout like down-after + 20s)',
		'isolate-local.yaml': ': step 2 "cut": do[0].isolate: isolate needs the docker runtime: set runtimes: [docker] on the lab or on this step',
		'yaml-syntax.yaml': ':9:1: Flow sequence in block collection must be sufficiently indented and end with a ]',
	};
	assert.deepEqual(readdirSync(brokenDir).sort(), Object.keys(expected).sort(), 'one expected message per broken fixture');
	for (const [name, rest] of Object.entries(expected)) {
		const file = join(brokenDir, name);
		assert.equal(await loadError(file), relative(process.cwd(), file) + rest, name);
	}
});

test('top-level fields', () => {
	assert.equal(brokenBy((lab) => (lab.formatVersion = 2)), 'x.yaml: formatVersion: must be 1, not 2');
	assert.equal(brokenBy((lab) => delete lab.formatVersion), 'x.yaml: formatVersion: required (formatVersion: 1)');
	assert.equal(brokenBy((lab) => (lab.id = 'Fixture Lab')), 'x.yaml: id: must be a slug like sentinel-failover, not "Fixture Lab"');
	assert.equal(brokenBy((lab) => (lab.order = 0)), 'x.yaml: order: must be a whole number above 0');
	assert.equal(brokenBy((lab) => (lab.order = 1.5)), 'x.yaml: order: must be a whole number above 0');
	assert.equal(brokenBy((lab) => (lab.title = {zh: '只有中文'})), 'x.yaml: title.en: required');
	assert.equal(brokenBy((lab) => (lab.title = 'Plain')), 'x.yaml: title: must be a map like {en: "...", zh: "..."}');
	assert.equal(brokenBy((lab) => (lab.title.fr = 'Labo')), 'x.yaml: title.fr: unknown field (known: en, zh)');
	assert.equal(brokenBy((lab) => (lab.summary.zh = 5)), 'x.yaml: summary.zh: must be text');
	assert.equal(brokenBy((lab) => (lab.minutes = -1)), 'x.yaml: minutes: must be a number above 0');
	assert.equal(brokenBy((lab) => (lab.runtimes = [])), 'x.yaml: runtimes: must be a list: [docker, local] or [docker]');
	assert.equal(brokenBy((lab) => (lab.runtimes = ['docker', 'podman'])), 'x.yaml: runtimes[1]: unknown runtime "podman" (known: docker, local)');
	assert.equal(brokenBy((lab) => (lab.colour = 'red')), 'x.yaml: colour: unknown field (known: formatVersion, id, order, title, section, summary, minutes, runtimes, nodes, setup, steps)');
	assert.equal(brokenBy((lab) => (lab.steps = [])), 'x.yaml: steps: must be a list of at least one step');
	assert.equal(validBy((lab) => (lab.minutes = 1.5)).minutes, 1.5);
});

test('node declarations', () => {
	assert.equal(brokenBy((lab) => (lab.nodes.slave1 = {})), 'x.yaml: nodes.slave1: unknown node name (known: master, replica1, replica2, sentinel1, sentinel2, sentinel3)');
	assert.equal(brokenBy((lab) => (lab.nodes.replica1 = {replicaof: 'replica2'})), 'x.yaml: nodes.replica1.replicaof: must name a declared Redis server, not "replica2"');
	assert.equal(brokenBy((lab) => (lab.nodes.sentinel1 = {replicaof: 'master'})), 'x.yaml: nodes.sentinel1.replicaof: only Redis servers replicate; a sentinel uses monitor');
	assert.equal(brokenBy((lab) => (lab.nodes.sentinel1 = {monitor: 'replica2'})), 'x.yaml: nodes.sentinel1.monitor: must name a declared Redis server, not "replica2"');
	assert.equal(brokenBy((lab) => ((lab.nodes.sentinel1 = {monitor: 'master'}), (lab.nodes.sentinel2 = {monitor: 'sentinel1'}))), 'x.yaml: nodes.sentinel2.monitor: must name a declared Redis server, not "sentinel1"');
	assert.equal(brokenBy((lab) => (lab.nodes.replica1 = {monitor: 'master'})), 'x.yaml: nodes.replica1.monitor: only sentinels have this field');
	assert.equal(brokenBy((lab) => (lab.nodes.sentinel1 = {monitor: 'master', quorum: 0})), 'x.yaml: nodes.sentinel1.quorum: must be a whole number above 0');
	assert.equal(brokenBy((lab) => (lab.nodes.master = {config: {'appendonly': true}})), 'x.yaml: nodes.master.config.appendonly: must be text or a number (write "yes"/"no" in quotes)');
	assert.equal(brokenBy((lab) => (lab.nodes.master = {port: 7000})), 'x.yaml: nodes.master.port: unknown field (known: replicaof, monitor, quorum, downAfterMs, failoverTimeoutMs, config)');
	const lab = validBy((lab) => ((lab.nodes.replica1 = null), (lab.nodes.sentinel1 = {quorum: 1}), (lab.nodes.master = {config: {'min-replicas-to-write': 1}})));
	assert.deepEqual(lab.nodes.replica1, {});
	assert.equal(lab.nodes.sentinel1!.quorum, 1);
});

test('actions', () => {
	const step = ': step 1 "follow": ';
	assert.equal(brokenBy((lab) => (lab.steps[0].do[0] = {start: 'master', stop: 'replica1'})), `x.yaml${step}do[0]: one action per list item, found start, stop (start each with "- ")`);
	assert.equal(brokenBy((lab) => (lab.steps[0].do[0] = {start: {node: 'master'}})), `x.yaml${step}do[0].start: must be a node name or a list of node names, e.g. [master, replica1]`);
	assert.equal(brokenBy((lab) => (lab.steps[0].do[0] = {stop: ['master', 'replica3']})), `x.yaml${step}do[0].stop[1]: unknown node "replica3" (declared: master, replica1, or current-master)`);
	assert.equal(brokenBy((lab) => (lab.steps[0].do[1].cli.cmd = 'PING')), `x.yaml${step}do[1].cli.cmd: unknown field (known: node, command, from)`);
	assert.equal(brokenBy((lab) => delete lab.steps[0].do[1].cli.command), `x.yaml${step}do[1].cli.command: required`);
	assert.equal(brokenBy((lab) => ((lab.steps[0].do[1].cli.comand = lab.steps[0].do[1].cli.command), delete lab.steps[0].do[1].cli.command)), `x.yaml${step}do[1].cli.comand: unknown field, did you mean command? (known: node, command, from)`, 'a misspelt required field is one mistake');
	assert.equal(brokenBy((lab) => (lab.steps[0].do[1].cli.command = 'REPLICAOF {{master}} 6379')), `x.yaml${step}do[1].cli.command: bad template "{{master}}" (use {{node.host}} or {{node.port}})`);
	assert.equal(brokenBy((lab) => (lab.steps[0].do[1].cli.command = 'REPLICAOF {{replica2.host}} 6381')), `x.yaml${step}do[1].cli.command: unknown node "replica2" in "{{replica2.host}}" (declared: master, replica1, or current-master)`);
	assert.equal(brokenBy((lab) => lab.steps[0].do.push({'write-config': {node: 'replica1', set: {'replica-read-only': false}}})), `x.yaml${step}do[2].write-config.set.replica-read-only: must be text or a number (write "yes"/"no" in quotes)`);
	assert.equal(brokenBy((lab) => lab.steps[0].do.push({write: {node: 'master', count: 0, prefix: 'k'}})), `x.yaml${step}do[2].write.count: must be a whole number above 0`);
	assert.equal(brokenBy((lab) => lab.steps[0].do.push({logs: {node: 'master', grep: '(unclosed'}})), `x.yaml${step}do[2].logs.grep: not a valid regular expression: /(unclosed/: Unterminated group`);
	assert.equal(brokenBy((lab) => lab.steps[0].do.push({'client-stop': {id: 'app'}})), `x.yaml${step}do[2].client-stop.id: no client-start with id "app" before this action`);
	assert.equal(brokenBy((lab) => lab.steps[0].do.push({heal: 'master'})), `x.yaml${step}do[2].heal: heal needs the docker runtime: set runtimes: [docker] on the lab or on this step`);
	assert.equal(brokenBy((lab) => (lab.steps[0].do = undefined)), `x.yaml${step}do: required (use [] for none)`);
	assert.equal(brokenBy((lab) => (lab.setup = [{do: [{strat: 'master'}]}])), 'x.yaml: setup 1: do[0]: unknown action "strat" (known: start, stop, kill, pause, resume, restart, isolate, heal, cli, write-config, show-config, write, logs, client-start, client-stop, mark, docker-run)');
	const docker = validBy((lab) => ((lab.runtimes = ['docker']), lab.steps[0].do.push({isolate: 'current-master'}, {heal: 'master'}, {'client-start': {id: 'app'}}, {'client-stop': {id: 'app'}}, {mark: 'fault'})));
	assert.deepEqual(docker.steps[0]!.do.map(actionKind), ['start', 'cli', 'isolate', 'heal', 'client-start', 'client-stop', 'mark']);
});

test('checks', () => {
	const step = ': step 1 "follow": ';
	const withCheck = (check: unknown) => brokenBy((lab) => (lab.steps[0].expect = [check]));
	assert.equal(withCheck({role: {node: 'replica1', is: 'replica'}}), `x.yaml${step}expect[0].role.is: must be master, slave, sentinel or down`);
	assert.equal(withCheck({role: {node: 'replica1', is: 'slave'}, key: {node: 'master', key: 'k'}}), `x.yaml${step}expect[0]: one check per list item, found role, key (start each with "- ")`);
	assert.equal(withCheck({info: {node: 'master', field: 'connected_slaves'}}), `x.yaml${step}expect[0].info: needs one of equals, matches, atLeast, atMost`);
	assert.equal(withCheck({info: {node: 'master', field: 'connected_slaves', atLeast: 'one'}}), `x.yaml${step}expect[0].info.atLeast: must be a number`);
	assert.equal(withCheck({info: {node: 'master', field: 'role', matches: '[master'}}), `x.yaml${step}expect[0].info.matches: not a valid regular expression: /[master/: Unterminated character class`);
	assert.equal(withCheck({reply: {node: 'replica1', command: 'SET k v'}}), `x.yaml${step}expect[0].reply: needs one of equals, matches, error`);
	assert.equal(withCheck({reply: {node: 'replica1', command: 'GET {{master.host}}', equals: 'x'}}), `x.yaml${step}expect[0].reply.command: templates like {{master.host}} work only in cli actions`);
	assert.equal(withCheck({reply: {node: 'replica1', command: 'INFO replication', matches: 'master_port:{{replica9.port}}'}}), `x.yaml${step}expect[0].reply.matches: unknown node "replica9" in "{{replica9.port}}" (declared: master, replica1, or current-master)`);
	assert.equal(withCheck({reply: {node: 'replica1', command: 'CONFIG GET port', equals: '{{master}}'}}), `x.yaml${step}expect[0].reply.equals: bad template "{{master}}" (use {{node.host}} or {{node.port}})`);
	assert.equal(withCheck({key: {node: 'master', key: 'k', equals: 'v', missing: true}}), `x.yaml${step}expect[0].key: use either equals or missing: true, not both`);
	assert.equal(withCheck({event: {type: 'switch-master'}}), `x.yaml${step}expect[0].event.type: not a sentinel event type: "switch-master" (e.g. +switch-master, -sdown)`);
	assert.equal(withCheck({event: {type: '+sdown', from: 'master'}}), `x.yaml${step}expect[0].event.from: must name a sentinel, not "master"`);
	assert.equal(withCheck({'sentinel-master': {within: '30s'}}), `x.yaml${step}expect[0].sentinel-master: needs is or not`);
	assert.equal(withCheck({'in-sync': {master: 'replica2'}}), `x.yaml${step}expect[0].in-sync.master: unknown node "replica2" (declared: master, replica1, or current-master)`);
	assert.equal(withCheck({writes: {id: 'lost', lost: {equals: 0}}}), `x.yaml${step}expect[0].writes.id: no write with id "lost" before this check`);
	assert.equal(withCheck({client: {id: 'app', lost: {equals: 0}}}), `x.yaml${step}expect[0].client.id: no client-start with id "app" before this check`);
	assert.equal(brokenBy((lab) => ((lab.steps[0].do = [{write: {node: 'master', count: 5, prefix: 'k'}}]), (lab.steps[0].expect = [{writes: {id: 'k'}}]))), `x.yaml${step}expect[0].writes: needs one of acknowledged, refused, lost`);
	assert.equal(brokenBy((lab) => ((lab.steps[0].do = [{write: {node: 'master', count: 5, prefix: 'k'}}]), (lab.steps[0].expect = [{writes: {id: 'k', lost: 0}}]))), `x.yaml${step}expect[0].writes.lost: must be a comparison like {equals: 0} or {atLeast: 1}`);
	assert.equal(brokenBy((lab) => (lab.steps[0].expect = [])), `x.yaml${step}expect: must list at least one check`);
	const lab = validBy((lab) => {
		lab.setup = [{do: [{'client-start': {id: 'app', intervalMs: 20}}]}];
		lab.steps[0].do.push({write: {node: 'master', count: 5, prefix: 'k', id: 'batch'}});
		lab.steps[0].expect.push(
			{info: {node: 'master', field: 'master_repl_offset', grows: true}},
			{reply: {node: 'master', command: 'DBSIZE', equals: 5}},
			{key: {node: 'replica1', key: 7, equals: 8}},
			{writes: {id: 'batch', acknowledged: {equals: 5}, within: '1.5s'}},
			{client: {id: 'app', errors: {atMost: 3}}},
			{'sentinel-master': {not: 'master', within: '1m'}},
		);
	});
	const reply = lab.steps[0]!.expect[2] as Extract<Check, {reply: unknown}>;
	assert.equal(reply.reply.equals, '5', 'an unquoted number in reply.equals becomes text');
	const key = lab.steps[0]!.expect[3] as Extract<Check, {key: unknown}>;
	assert.deepEqual([key.key.key, key.key.equals], ['7', '8']);
	assert.deepEqual(lab.steps[0]!.expect.map(checkWithin), [10_000, 10_000, 10_000, 10_000, 1500, 10_000, 60_000]);
});

test('durations', () => {
	assert.equal(parseDuration('10s'), 10_000);
	assert.equal(parseDuration('1.5s'), 1500);
	assert.equal(parseDuration('500ms'), 500);
	assert.equal(parseDuration('2m'), 120_000);
	assert.equal(parseDuration(' 3s '), 3000);
	assert.equal(parseDuration(250), 250);
	for (const bad of ['soon', '10', '-1s', '1h', '', -5, Number.NaN]) assert.throws(() => parseDuration(bad), RedisLabError, String(bad));
});

test('check labels in English and Chinese', () => {
	const label = (check: Check) => [describeCheck(check), describeCheck(check, 'zh')];
	assert.deepEqual(label({role: {node: 'replica1', is: 'slave'}}), ['replica1 role is slave', 'replica1 的角色是 slave']);
	assert.deepEqual(label({info: {node: 'master', field: 'connected_slaves', equals: 2}}), ['master connected_slaves = 2', 'master 上 connected_slaves = 2']);
	assert.deepEqual(label({info: {node: 'master', field: 'slave0.lag', atLeast: 3, atMost: 20}}), ['master slave0.lag >= 3 and <= 20', 'master 上 slave0.lag >= 3 且 <= 20']);
	assert.deepEqual(label({info: {node: 'master', field: 'master_repl_offset', grows: true}}), ['master master_repl_offset grows', 'master 上 master_repl_offset 增长']);
	assert.deepEqual(label({event: {type: '+switch-master'}}), ['event +switch-master seen', '收到事件 +switch-master']);
	assert.deepEqual(label({event: {type: '+odown', from: 'sentinel1', absent: true}}), ['no event +odown from sentinel1', '没有事件 +odown（来自 sentinel1）']);
	assert.deepEqual(label({reply: {node: 'replica1', command: 'SET k v', error: '^READONLY'}}), ['replica1 SET k v → error /^READONLY/', 'replica1 执行 SET k v → 报错 /^READONLY/']);
	assert.deepEqual(label({key: {node: 'replica2', key: 'name', equals: 'farb'}}), ['replica2 name = farb', 'replica2 上 name = farb']);
	assert.deepEqual(label({key: {node: 'master', key: 'name', missing: true}}), ['master name is nil', 'master 上 name 为 nil']);
	assert.deepEqual(label({'in-sync': {master: 'master'}}), ['every replica of master has its whole stream', 'master 的每个 replica 都已追上复制流']);
	assert.deepEqual(label({'sentinel-master': {not: 'master'}}), ['sentinels report a master other than master', '哨兵报告的 master 不是 master']);
	assert.deepEqual(label({restarted: {node: 'replica1'}}), ['replica1 restarted (new run_id)', 'replica1 已重启（run_id 变了）']);
	assert.deepEqual(label({writes: {id: 'isolated', acknowledged: {atLeast: 1}, lost: {equals: 0}}}), ['writes isolated: acknowledged >= 1, lost = 0', '写入 isolated：已确认 >= 1，丢失 = 0']);
	assert.deepEqual(label({client: {id: 'app', lost: {equals: 0}}}), ['client app: lost = 0', '客户端 app：丢失 = 0']);
});

test('catalogue loading: duplicate ids and orders, lookup by number or id', async (t) => {
	const dir = mkdtempSync(join(tmpdir(), 'redis-lab-catalogue-'));
	t.after(() => rmSync(dir, {recursive: true, force: true}));
	const base = parse(readFileSync(fixture, 'utf8'));
	writeFileSync(join(dir, '01-one.yaml'), stringify({...base, id: 'one', order: 1}));
	writeFileSync(join(dir, '02-two.yaml'), stringify({...base, id: 'two', order: 2}));
	writeFileSync(join(dir, 'notes.txt'), 'not a lab');
	const labs = await loadCatalogue(dir);
	assert.deepEqual(labs.map((lab) => lab.id), ['one', 'two']);
	assert.equal(findLab(labs, '2').id, 'two');
	assert.equal(findLab(labs, '02').id, 'two');
	assert.equal(findLab(labs, 2).id, 'two');
	assert.equal(findLab(labs, 'one').id, 'one');
	assert.throws(() => findLab(labs, 'nope'), (error: unknown) => error instanceof RedisLabError && error.code === 'UNKNOWN_LAB' && error.message === 'Unknown lab "nope"' && error.hint === 'Run redis-lab list to see the labs.');
	assert.throws(() => findLab(labs, '3'), /Unknown lab "3"/);

	writeFileSync(join(dir, '03-three.yaml'), stringify({...base, id: 'three', order: 2}));
	await assert.rejects(loadCatalogue(dir), (error: unknown) => labError(error) === `${join(dir, '03-three.yaml')}: order: 2 is already used by ${join(dir, '02-two.yaml')}`);
	writeFileSync(join(dir, '03-three.yaml'), stringify({...base, id: 'two', order: 3}));
	await assert.rejects(loadCatalogue(dir), (error: unknown) => labError(error) === `${join(dir, '03-three.yaml')}: id: "two" is already used by ${join(dir, '02-two.yaml')}`);
	writeFileSync(join(dir, '00-broken.yaml'), 'id: [');
	writeFileSync(join(dir, '03-three.yaml'), stringify({...base, id: 'three', order: 3, minutes: 0}));
	await assert.rejects(loadCatalogue(dir), (error: unknown) => labError(error).startsWith(`${join(dir, '00-broken.yaml')}:`) && (error as RedisLabError).hint!.startsWith('1 more lab file(s) have errors too'));
});
