// What up, down, status and doctor print, in English (as before) and in Chinese: the pure parts.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {stripVTControlCharacters} from 'node:util';
import stringWidth from 'string-width';
import {doctorLine, doctorSummary} from '../../../source/commands/doctor.js';
import {downSummary, othersLeft} from '../../../source/commands/down.js';
import {statusTable, type Row} from '../../../source/commands/status.js';
import {movedLine} from '../../../source/commands/base-port.js';
import type {Check} from '../../../source/engine/host/doctor-checks.js';
import type {ManagedNode, Removed} from '../../../source/engine/host/inventory.js';

/** Runs `body` with colour forced on or off, whatever the test runner set. */
async function withColour<T>(on: boolean, body: () => T | Promise<T>): Promise<T> {
	const saved = {NO_COLOR: process.env.NO_COLOR, FORCE_COLOR: process.env.FORCE_COLOR};
	delete process.env.NO_COLOR;
	process.env.FORCE_COLOR = on ? '1' : '0';
	try {
		return await body();
	} finally {
		for (const [name, value] of Object.entries(saved)) {
			if (value === undefined) delete process.env[name];
			else process.env[name] = value;
		}
	}
}

const taken: Check = {topic: 'ports', level: 'fail', text: {en: '40200 is taken by pid 7 (node)', zh: '40200 被 pid 7 (node) 占用'}, fix: {en: 'use --base-port 40210 (or --base-port auto)', zh: '改用 --base-port 40210（或 --base-port auto）'}};
const fine: Check = {topic: 'terminal', level: 'ok', text: {en: '120x40', zh: '窗口 120x40'}, fix: {en: 'never shown', zh: '不显示'}};

test('doctor: a line is mark, topic, text and fix; the English as before', async () => {
	await withColour(false, () => {
		assert.equal(doctorLine(taken, 'en'), 'FAIL  ports          40200 is taken by pid 7 (node) -> fix: use --base-port 40210 (or --base-port auto)');
		assert.equal(doctorLine({...taken, level: 'warn'}, 'en'), 'warn  ports          40200 is taken by pid 7 (node) -> fix: use --base-port 40210 (or --base-port auto)');
		assert.equal(doctorLine(fine, 'en'), 'ok    terminal       120x40');
	});
});

test('doctor: in Chinese, marks and fix are Chinese and the topic column lines up by display width', async () => {
	const lines = await withColour(false, () => [doctorLine(taken, 'zh'), doctorLine({...taken, level: 'warn'}, 'zh'), doctorLine(fine, 'zh')]);
	assert.equal(lines[0], '失败  ports          40200 被 pid 7 (node) 占用 -> 解决办法：改用 --base-port 40210（或 --base-port auto）');
	assert.match(lines[1]!, /^警告 {2}ports/);
	assert.equal(lines[2], '正常  terminal       窗口 120x40');
	const textColumn = (line: string, text: string) => stringWidth(line.slice(0, line.indexOf(text)));
	assert.equal(textColumn(lines[0], '40200'), textColumn(lines[2], '窗口'));
	assert.equal(textColumn(lines[0], '40200'), 4 + 2 + 14 + 1);
	// In colour, the padding stays inside the colour and the line is the same once stripped.
	const coloured = await withColour(true, () => doctorLine(taken, 'zh'));
	assert.notEqual(coloured, lines[0]);
	assert.equal(stripVTControlCharacters(coloured), lines[0]);
});

test('doctor: the last line counts what blocks, else the warnings', async () => {
	const warn: Check = {...taken, level: 'warn'};
	await withColour(false, () => {
		assert.equal(doctorSummary([taken, taken, warn], 'en'), '2 problems block a lab here.');
		assert.equal(doctorSummary([taken], 'en'), '1 problem blocks a lab here.');
		assert.equal(doctorSummary([fine, warn], 'en'), 'Nothing blocks a lab here (1 warning).');
		assert.equal(doctorSummary([fine], 'en'), 'Nothing blocks a lab here.');
		assert.equal(doctorSummary([taken, taken, warn], 'zh'), '有 2 个问题使实验无法在这里运行。');
		assert.equal(doctorSummary([fine, warn, warn], 'zh'), '没有问题妨碍实验在这里运行（2 个警告）。');
		assert.equal(doctorSummary([fine], 'zh'), '没有问题妨碍实验在这里运行。');
	});
});

const removed = (containers: string[], networks: string[], processes: number[]): Removed => ({containers, networks, processes, folders: [], sessions: []});

test('down: the summary names what was removed, in both languages', () => {
	assert.equal(downSummary(removed(['redis-lab-6379-replica1', 'redis-lab-6379-master'], ['redis-lab-6379'], []), 'en'), 'Removed 2 containers, 1 network, 0 local processes: redis-lab-6379-master, redis-lab-6379-replica1.');
	assert.equal(downSummary(removed([], [], [12]), 'en'), 'Removed 0 containers, 0 networks, 1 local process.');
	assert.equal(downSummary(removed(['b', 'a'], ['n'], []), 'zh'), '已删除 2 个容器、1 个网络、0 个本机进程：a, b。');
	assert.equal(downSummary(removed([], [], []), 'zh'), '已删除 0 个容器、0 个网络、0 个本机进程。');
});

const node = (session: string, owner: string, name = 'master', port = 6379): ManagedNode => ({runtime: 'docker', session, owner, node: name, kind: name.startsWith('sentinel') ? 'sentinel' : 'redis', state: 'running', handle: 'x', ips: [], port});

test('down: what is left running, and whose it is not', () => {
	assert.equal(othersLeft([], 'en'), undefined);
	const left = [node('s2', 'bob'), node('s2', 'bob', 'replica1'), node('s3', 'carol')];
	assert.equal(othersLeft(left, 'en', 'alice'), 'Left 2 sessions of bob, carol (3 nodes) running that are not alice\'s; remove one with redis-lab down --session <id>, or all with --all.');
	assert.equal(othersLeft([node('s2', 'bob')], 'en'), 'Left 1 session of bob (1 node) running; remove one with redis-lab down --session <id>, or all with --all.');
	assert.equal(othersLeft(left, 'zh', 'alice'), 'bob, carol 的 2 个会话（3 个节点）仍在运行，它们不属于 alice；用 redis-lab down --session <id> 删除其中一个，或用 --all 全部删除。');
	assert.doesNotMatch(othersLeft(left, 'zh') ?? '', /不属于/);
});

test('the moved base port: the English the tests match, and the Chinese', () => {
	assert.equal(movedLine(6389, [6379], 'en'), 'redis-lab: port 6379 is taken; using --base-port 6389 (master 6389, replicas 6390-6391, sentinels 16389-16391).');
	assert.equal(movedLine(6389, [6379, 16379], 'en'), 'redis-lab: ports 6379, 16379 are taken; using --base-port 6389 (master 6389, replicas 6390-6391, sentinels 16389-16391).');
	assert.equal(movedLine(6379, 'auto', 'en'), 'redis-lab: --base-port auto; using --base-port 6379 (master 6379, replicas 6380-6381, sentinels 16379-16381).');
	assert.equal(movedLine(6389, [6379], 'zh'), 'redis-lab: 端口 6379 已被占用，改用 --base-port 6389（master 6389，副本 6390-6391，哨兵 16389-16391）。');
	assert.match(movedLine(6379, 'auto', 'zh'), /^redis-lab: --base-port auto：使用 --base-port 6379（/);
});

const rows: Row[] = [
	{node: node('s1', 'alice'), role: 'master', master: '', link: '1 replica', offset: '420'},
	{node: node('s1', 'alice', 'replica1', 6380), role: 'replica', master: 'master (172.18.0.2:6379)', link: 'up', offset: '420', server: {en: 'Valkey 8.0.1', zh: 'Valkey 8.0.1'}},
	{node: node('s1', 'alice', 'sentinel1', 16379), role: 'sentinel', master: 'master (172.18.0.2:6379)', link: 'ok slaves=1 sentinels=1', offset: ''},
	{node: node('s2', 'bob', 'master', 6389), role: 'paused', master: '', link: '', offset: ''},
];

test('status: English headers and session lines as before', async () => {
	const lines = (await withColour(false, () => statusTable(rows, 'alice', 'en'))).split('\n');
	assert.match(lines[0]!, /^ {2}NODE +RUNTIME +ROLE +ADDRESS +MASTER +LINK +OFFSET$/);
	assert.equal(lines[1], 'session s1 · owner alice (you) · 3 nodes · Valkey 8.0.1', 'the server one of its nodes names');
	assert.match(lines[2]!, /^\s*master\s+docker\s/);
	assert.equal(lines[5], 'session s2 · owner bob · 1 node');
});

test('status: in Chinese, headers and session lines are Chinese, columns line up, roles stay English and in colour', async () => {
	const plain = (await withColour(false, () => statusTable(rows, 'alice', 'zh'))).split('\n');
	assert.match(plain[0]!, /^ {2}节点 +运行时 +角色 +地址 +主节点 +链接 +偏移量$/);
	assert.equal(plain[1], '会话 s1 · 所属 alice（你） · 3 个节点 · Valkey 8.0.1');
	assert.equal(plain[5], '会话 s2 · 所属 bob · 1 个节点');
	// Where each cell starts, in display columns: every row's cells start where a header's does.
	const starts = (line: string) => [...line.matchAll(/(?:^ {2}| {2,})(?=\S)/g)].map((match) => stringWidth(line.slice(0, match.index + match[0].length)));
	const header = starts(plain[0]!);
	assert.equal(header.length, 7);
	for (const line of [plain[2]!, plain[3]!, plain[4]!, plain[6]!]) for (const start of starts(line)) assert.ok(header.includes(start), `${line}: ${start} not in ${header.join(',')}`);
	assert.deepEqual(starts(plain[3]!), header);
	const coloured = await withColour(true, () => statusTable(rows, 'alice', 'zh'));
	assert.match(coloured, /\u001B\[32mmaster\u001B\[39m {2}/);
	assert.match(coloured, /\u001B\[36mreplica\u001B\[39m/);
	assert.match(coloured, /\u001B\[35msentinel\u001B\[39m/);
	assert.deepEqual(stripVTControlCharacters(coloured).split('\n'), plain);
});
