// The kinds added for labs.md's corrections and the sentinel timings: config-file, log, reach,
// docker-run, cli/reply `from`, step `runtimes`, `{{sentinel.*}}` texts and `within` expressions. No Redis, no Docker.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {createServer, type Server} from 'node:net';
import {fileURLToPath} from 'node:url';
import {parse} from 'yaml';
import {actionOf, describeAction} from '../../../source/engine/lab/actions/registry.js';
import {describeCheck} from '../../../source/engine/lab/checks/registry.js';
import {cliFromText} from '../../../source/engine/lab/define/cli-from.js';
import {directiveValues} from '../../../source/engine/lab/checks/config-file.js';
import {linesAfter} from '../../../source/engine/lab/checks/log.js';
import {knock} from '../../../source/engine/lab/checks/reach.js';
import type {PreviewContext} from '../../../source/engine/lab/define/define.js';
import {parseDuration} from '../../../source/engine/lab/define/fields.js';
import {labTimings, resolveLab} from '../../../source/engine/lab/format/resolve-lab.js';
import {validateLab} from '../../../source/engine/lab/format/schema.js';
import {durationExpression, fillTimings} from '../../../source/engine/lab/define/timings.js';
import {dockerShell} from '../../../source/engine/runtime/docker/shell-text.js';
import {portFor} from '../../../source/engine/topology/topology.js';
import type {Check, Lab} from '../../../source/engine/lab/format/types.js';
import {RedisLabError} from '../../../source/engine/base/errors.js';

const fixture = fileURLToPath(new URL('../../fixtures/labs/00-fixture.yaml', import.meta.url));

function labWith(change: (lab: any) => void): Lab {
	const lab = parse(readFileSync(fixture, 'utf8'));
	change(lab);
	return {...validateLab(lab, 'x.yaml'), file: 'x.yaml'};
}

function problemOf(change: (lab: any) => void): string {
	try {
		labWith(change);
	} catch (error) {
		assert.ok(error instanceof RedisLabError);
		return error.message;
	}
	throw new Error('the changed lab validated');
}

const withSentinel = (lab: any) => (lab.nodes.sentinel1 = {monitor: 'master', downAfterMs: 4000});

const shell = dockerShell({basePort: 36000, image: 'redis:7.2', port: (node) => portFor(node, 36000), subnet: () => undefined, fixedIp: () => undefined, healIp: () => undefined, spec: () => undefined});

test('timing templates: text and within follow the lab\'s sentinel settings', () => {
	const timings = {'down-after': 3000, 'failover-timeout': 15000, quorum: 2};
	assert.equal(fillTimings('{{sentinel.down-after}} ms = {{ sentinel.down-after-s }} s, {{sentinel.failover-timeout-s}} s, quorum {{sentinel.quorum}}', timings), '3000 ms = 3 s, 15 s, quorum 2');
	assert.equal(fillTimings('{{sentinel.nope}} {{master.port}}', timings), '{{sentinel.nope}} {{master.port}}');
	assert.equal(durationExpression('down-after + 20s', timings), 23_000);
	assert.equal(durationExpression('2 * down-after + 500ms', timings), 6500);
	assert.equal(parseDuration('down-after + 20s'), 25_000, 'defaults: down-after 5000');
	assert.throws(() => parseDuration('down-before + 1s'), /bad duration "down-before \+ 1s"/);

	const lab = labWith((lab) => {
		withSentinel(lab);
		lab.steps[0].text.en = 'Wait {{sentinel.down-after-s}} s.';
		lab.steps[0].text.zh = '等 {{sentinel.down-after}} 毫秒。';
		lab.steps[0].expect.push({role: {node: 'master', is: 'master', within: 'down-after + 20s'}});
	});
	assert.equal(labTimings(lab)['down-after'], 4000, 'the node declaration');
	const resolved = resolveLab(lab, {downAfterMs: 20_000});
	assert.equal(resolved.steps[0]!.text.en, 'Wait 20 s.');
	assert.equal(resolved.steps[0]!.text.zh, '等 20000 毫秒。');
	assert.deepEqual((resolved.steps[0]!.expect[1] as {role: {within: number}}).role.within, 40_000);
	assert.equal(lab.steps[0]!.text.en, 'Wait {{sentinel.down-after-s}} s.', 'the loaded lab is left as written');
});

test('timing templates are checked against the lab', () => {
	assert.match(problemOf((lab) => (lab.steps[0].text.en = 'Wait {{sentinel.down-after}}.')), /step 1 "follow": text\.en: "\{\{sentinel\.down-after\}\}" needs a sentinel, but the lab declares none/);
	assert.match(problemOf((lab) => (withSentinel(lab), (lab.steps[0].hint = {en: '{{sentinel.downafter}}'}))), /hint\.en: bad template "\{\{sentinel\.downafter\}\}"/);
	assert.match(problemOf((lab) => lab.steps[0].expect.push({role: {node: 'master', is: 'master', within: 'down-after + 1s'}})), /expect\[1\]\.role\.within: names a sentinel setting, but the lab declares no sentinel/);
});

test('a docker-only kind needs a docker lab or a step marked runtimes: [docker]', () => {
	const demo = [{'docker-run': {id: 'article', publish: 6380}}];
	assert.match(problemOf((lab) => (lab.steps[0].do = demo)), /do\[0\]\.docker-run: docker-run needs the docker runtime: set runtimes: \[docker\] on the lab or on this step/);
	const lab = labWith((lab) => ((lab.steps[0].do = demo), (lab.steps[0].runtimes = ['docker']), (lab.steps[0].expect = [{reach: {container: 'article', answers: false}}])));
	assert.deepEqual(lab.steps[0]!.runtimes, ['docker']);
	assert.match(problemOf((lab) => (lab.steps[0].expect = [{reach: {container: 'article', answers: false}}])), /expect\[0\]\.reach\.container: no docker-run with id "article" before this check/);
	assert.match(problemOf((lab) => ((lab.runtimes = ['docker']), (lab.steps[0].runtimes = ['local']))), /runtimes\[0\]: "local" is not one of the lab's runtimes/);
	assert.match(problemOf((lab) => (lab.steps[0].expect = [{reach: {node: 'master', port: 6379, answers: true}}])), /needs exactly one of node, container, port/);
});

test('config-file: the values of a directive\'s lines', () => {
	const text = '# sentinel known-replica master x 1\nport 6380\nreplicaof 10.0.0.2   6379\nsentinel known-replica master 10.0.0.3 6380\nsentinel known-replica master 10.0.0.4 6381\nSENTINEL known-sentinel master 10.0.0.5 26379 abc\n';
	assert.deepEqual(directiveValues(text, 'replicaof'), ['10.0.0.2 6379']);
	assert.deepEqual(directiveValues(text, 'sentinel known-replica'), ['master 10.0.0.3 6380', 'master 10.0.0.4 6381']);
	assert.deepEqual(directiveValues(text, 'sentinel known-sentinel'), ['master 10.0.0.5 26379 abc']);
	assert.deepEqual(directiveValues(text, 'replica-read-only'), []);
	assert.deepEqual(directiveValues(text, 'sentinel'), ['known-replica master 10.0.0.3 6380', 'known-replica master 10.0.0.4 6381', 'known-sentinel master 10.0.0.5 26379 abc']);
});

test('log: the lines written after a step began', () => {
	assert.deepEqual(linesAfter(['a', 'b', 'c', 'd'], ['a', 'b']), ['c', 'd']);
	assert.deepEqual(linesAfter(['a', 'b'], []), ['a', 'b'], 'no log yet: everything is new');
	assert.deepEqual(linesAfter(['x', 'y'], ['a', 'b']), ['x', 'y'], 'the old lines rolled out of the tail');
	assert.deepEqual(linesAfter(['a', 'b'], ['a', 'b']), []);
});

test('new kinds read in English and Chinese', () => {
	const checks: Check[] = [
		{'config-file': {node: 'replica1', directive: 'replicaof', matches: ' {{master.port}}$'}},
		{'config-file': {node: 'master', directive: 'min-replicas-to-write', equals: '1'}},
		{'config-file': {node: 'replica1', directive: 'replicaof', missing: true}},
		{log: {node: 'sentinel1', matches: '\\+switch-master'}},
		{log: {node: 'sentinel1', matches: '\\+switch-master', since: 'lab'}},
		{reach: {container: 'article', answers: false}},
		{reach: {node: 'master', answers: true}},
		{reply: {node: 'master', from: 'replica1', command: 'PING', error: '^DENIED'}},
	];
	assert.deepEqual(checks.map((check) => describeCheck(check)), [
		'replica1\'s config file has a "replicaof" line matching / <master port>$/',
		'master\'s config file has a "min-replicas-to-write 1" line',
		'replica1\'s config file has no "replicaof" line',
		'sentinel1\'s log (this step) has /\\+switch-master/',
		'sentinel1\'s log has /\\+switch-master/',
		'article does not answer from the host',
		'master answers from the host',
		'replica1 → master: PING → error /^DENIED/',
	]);
	for (const check of checks) assert.match(describeCheck(check, 'zh'), /[\u4e00-\u9fff]/, describeCheck(check));
	assert.equal(describeAction({'docker-run': {id: 'article', publish: 6380}}), 'run container article: publish 6380, server on 6379');
	assert.equal(describeAction({cli: {node: 'master', from: 'replica1', command: 'PING'}}, 'zh'), '从 replica1 连接 master 执行 PING');
});

test('docker-run and cli from: the commands on screen', () => {
	const preview: PreviewContext = {shell, node: (ref) => ref, spec: () => undefined, expand: (text) => text.replace('{{master.host}}', 'redis-lab-36000-master').replace('{{master.port}}', '36000'), hostPort: (name) => portFor(name, 36000)};
	const run = actionOf({'docker-run': {id: 'article', publish: 6380}});
	assert.deepEqual(run.definition.preview(run.body, preview), ['docker run -d --name redis-lab-36000-article -p 127.0.0.1:36100:6380 redis:7.2 redis-server --protected-mode no']);
	const fixed = actionOf({'docker-run': {id: 'article', publish: 6380, port: 6380}});
	assert.deepEqual(fixed.definition.preview(fixed.body, preview), ['docker run -d --name redis-lab-36000-article -p 127.0.0.1:36100:6380 redis:7.2 redis-server --port 6380 --protected-mode no']);
	const from = actionOf({cli: {node: 'master', from: 'replica1', command: 'PING'}});
	assert.deepEqual(from.definition.preview(from.body, preview), ['docker exec redis-lab-36000-replica1 redis-cli -h redis-lab-36000-master -p 36000 PING']);
	assert.equal(cliFromText(shell, 'replica1', '"$(node_host master)"', '"$(node_port master)"', ['GET', 'k']), 'docker exec redis-lab-36000-replica1 redis-cli -h "$(node_host master)" -p "$(node_port master)" GET k');
});

async function listen(onConnection: Parameters<typeof createServer>[1]): Promise<{server: Server; port: number}> {
	const server = createServer(onConnection);
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {server, port: (server.address() as {port: number}).port};
}

test('reach: a Redis reply answers; a connection closed or refused does not', async () => {
	const redis = await listen((socket) => socket.on('data', () => socket.write('+PONG\r\n')));
	const proxy = await listen((socket) => socket.end());
	try {
		assert.deepEqual(await knock(redis.port), {answered: true, detail: '+PONG'});
		assert.deepEqual(await knock(proxy.port), {answered: false, detail: 'connection closed without a reply'});
	} finally {
		redis.server.close();
		proxy.server.close();
	}
	assert.equal((await knock(proxy.port)).answered, false, 'nothing listens any more');
});
