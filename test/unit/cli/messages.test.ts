// Every message the command line writes exists in English and in Chinese.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {cliMessages} from '../../../source/i18n/cli.js';
import {t} from '../../../source/i18n/index.js';

const HAN = /[\u4e00-\u9fff]/;
const params = {
	count: 3, failed: 1, dir: 'labs', name: 'x', suggestion: 'run', command: 'run', option: '--x', usage: '<lab>', got: 2, value: 'v', number: 1, title: 'T', lab: 'quorum', seconds: '1.0',
	// up, down, status, doctor
	image: 'redis:7.2', current: 3, total: 40, sentinels: 2, session: 'ab12', addresses: '127.0.0.1:16379', password: 'pw', map: 'a -> b', master: 6379, replicas: '6380-6381',
	base: 6389, range: 'master 6389', ports: '6379, 6380', signal: 'SIGINT', error: 'boom', containers: 5, networks: 1, processes: 0, names: 'redis-lab-6379-master', sessions: 2,
	owners: 'alice, bob', nodes: 5, notOf: 'alice', owner: 'alice', you: 'yes', version: '7.2.4', api: '1.43', where: 'unix:///var/run/docker.sock', mb: 40, container: 'c1',
	server: 'Valkey 8.0.1', port: 6379, holder: 'pid 1 (node)', moveTo: 6389, free: 6389, path: '/usr/bin/redis-server', columns: 120, rows: 40, term: 'xterm', colorterm: 'truecolor', locale: 'C.UTF-8', fix: 'do this',
	// render
	themes: 'dark, light', file: 'demo.cast', line: 3, reason: 'not JSON', frames: 12, size: '40 KB', took: '0.5',
};

test('every CLI message has a non-empty en and zh text', () => {
	for (const [key, message] of Object.entries(cliMessages)) {
		for (const lang of ['en', 'zh'] as const) {
			assert.ok(lang in message, `${key} has no ${lang}`);
			const text = t(lang, message, params);
			assert.equal(typeof text, 'string', `${key}.${lang}`);
			assert.ok(text.trim().length > 0, `${key}.${lang} is empty`);
			assert.doesNotMatch(text, /undefined/, `${key}.${lang} misses a parameter`);
		}
	}
});

test('the Chinese texts are Chinese where the English has words (not a copy of the English)', () => {
	const sameByDesign = new Set<string>(['listNumber', 'listId']);
	for (const [key, message] of Object.entries(cliMessages)) {
		if (sameByDesign.has(key)) continue;
		assert.match(t('zh', message, params), HAN, `${key}.zh has no Chinese`);
	}
});

test('host command messages: English keeps its plurals, Chinese needs none', () => {
	assert.equal(t('en', cliMessages.downRemoved, {containers: 1, networks: 2, processes: 1, names: 'a'}), 'Removed 1 container, 2 networks, 1 local process: a.');
	assert.equal(t('en', cliMessages.downRemoved, {containers: 0, networks: 1, processes: 2, names: ''}), 'Removed 0 containers, 1 network, 2 local processes.');
	assert.equal(t('zh', cliMessages.downRemoved, {containers: 0, networks: 1, processes: 2, names: ''}), '已删除 0 个容器、1 个网络、2 个本机进程。');
	assert.equal(t('en', cliMessages.doctorBlocked, {count: 1}), '1 problem blocks a lab here.');
	assert.equal(t('en', cliMessages.doctorBlocked, {count: 2}), '2 problems block a lab here.');
	assert.equal(t('en', cliMessages.statusSession, {session: 's1', owner: 'alice', you: 'yes', nodes: 1}), 'session s1 · owner alice (you) · 1 node');
	assert.equal(t('en', cliMessages.statusSession, {session: 's1', owner: 'bob', you: '', nodes: 5}), 'session s1 · owner bob · 5 nodes');
	assert.equal(t('zh', cliMessages.statusSession, {session: 's1', owner: 'alice', you: 'yes', nodes: 5}), '会话 s1 · 所属 alice（你） · 5 个节点');
	assert.equal(t('en', cliMessages.basePortTaken, {count: 1, ports: '6379', base: 6389, range: 'r'}), 'redis-lab: port 6379 is taken; using --base-port 6389 (r).');
	assert.equal(t('en', cliMessages.basePortTaken, {count: 2, ports: '6379, 6380', base: 6389, range: 'r'}), 'redis-lab: ports 6379, 6380 are taken; using --base-port 6389 (r).');
	assert.equal(t('en', cliMessages.statusReplicas, {count: 1}), '1 replica');
	assert.equal(t('zh', cliMessages.statusReplicas, {count: 2}), '2 个副本');
});
