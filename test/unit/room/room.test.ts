// Pure parts of the many-learners work: owners, free base ports, the connection text, doctor's terminal and leftover lines.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {currentOwner, sanitizeOwner} from '../../../source/engine/base/owner.js';
import {HIGHEST_BASE_PORT, firstFreeBase, topologyPorts} from '../../../source/engine/host/ports.js';
import {connectText} from '../../../source/engine/host/connect.js';
import {leftoverChecks, portChecks, rangeSaid, terminalChecks} from '../../../source/engine/host/doctor-checks.js';
import type {PortView} from '../../../source/engine/host/ports.js';
import {isPoolClash} from '../../../source/engine/runtime/docker/network.js';
import type {ManagedNode} from '../../../source/engine/host/inventory.js';

test('the owner: REDIS_LAB_OWNER first, else the login name, always label-safe', () => {
	assert.equal(currentOwner({REDIS_LAB_OWNER: 'alice'}), 'alice');
	assert.equal(sanitizeOwner('Jean Dupont/x'), 'Jean_Dupont_x');
	assert.match(currentOwner({}), /^[\w.@-]+$/);
});

test('a free base port: from 6379 by tens while any port is busy; none when nothing fits', async () => {
	assert.deepEqual(topologyPorts(6389), [6389, 6390, 6391, 16389, 16390, 16391]);
	const busy = new Set([6379, 16389]);
	assert.equal(await firstFreeBase(async (base) => !topologyPorts(base).some((port) => busy.has(port))), 6399);
	assert.equal(await firstFreeBase(async () => false), undefined);
	assert.equal(HIGHEST_BASE_PORT, 65535 - 10002);
});

test('a base port\'s range in both languages', () => {
	assert.equal(rangeSaid(6379).en, 'master 6379, replicas 6380-6381, sentinels 16379-16381');
	assert.equal(rangeSaid(6389).en, 'master 6389, replicas 6390-6391, sentinels 16389-16391');
	assert.equal(rangeSaid(40000).en, 'master 40000, replicas 40001-40002, sentinels 50000-50002');
	assert.equal(rangeSaid(6389).zh, 'master 6389，副本 6390-6391，哨兵 16389-16391');
});

test('the connection text names sentinels, master and password, and maps container addresses on docker only', () => {
	const local = connectText({masterName: 'master', sentinelPorts: [16379, 16380], addressMap: []}).en;
	assert.match(local, /sentinels {3}127\.0\.0\.1:16379, 127\.0\.0\.1:16380/);
	assert.doesNotMatch(local, /natMap/);
	const both = connectText({masterName: 'master', sentinelPorts: [16379], password: 'pw', addressMap: [{from: '172.18.0.2:6379', port: 6379}]});
	const docker = both.en;
	assert.match(docker, /^Connect your application through the sentinels:\n {2}sentinels {3}127\.0\.0\.1:16379\n {2}master name master {3}password pw \(nodes and sentinels\)\n/);
	assert.match(docker, /natMap: \{'172\.18\.0\.2:6379': \{host: '127\.0\.0\.1', port: 6379\}\}/);
	assert.match(docker, /NAT = \{\('172\.18\.0\.2', 6379\): \('127\.0\.0\.1', 6379\)\}/);
	assert.match(docker, /sentinel_kwargs=\{'password': 'pw'\}\)\.master_for\('master', password='pw'\)/);
	// Chinese: the headings translated, the master name, addresses and code samples as they are.
	assert.match(both.zh, /^通过哨兵连接你的应用：\n {2}哨兵地址 {4}127\.0\.0\.1:16379\n {2}主节点名称 {2}master {3}密码 pw（节点和哨兵通用）\n {2}地址映射（容器 -> 主机；Docker Desktop 上需要）：172\.18\.0\.2:6379 -> 127\.0\.0\.1:6379\n/);
	assert.equal(both.zh.slice(both.zh.indexOf('\nioredis:')), docker.slice(docker.indexOf('\nioredis:')));
});

test('doctor: colour and Unicode from the environment, each warning with a fix', () => {
	const tty = {isTTY: true, columns: 120, rows: 40};
	const byTopic = (env: NodeJS.ProcessEnv) => Object.fromEntries(terminalChecks(tty, env).map((check) => [check.topic, check]));
	assert.equal(byTopic({TERM: 'xterm', LANG: 'en_US.UTF-8'}).colour!.level, 'ok');
	assert.equal(byTopic({NO_COLOR: '1', LANG: 'C.UTF-8'}).colour!.level, 'warn');
	const ascii = byTopic({TERM: 'xterm', LANG: 'C'}).unicode!;
	if (process.platform !== 'win32') assert.equal(ascii.level, 'warn');
	assert.match(ascii.fix?.en ?? '', /UTF-8/);
	assert.equal(terminalChecks({isTTY: true, columns: 60, rows: 20}, {})[0]!.level, 'warn');
});

test('doctor: every terminal line and fix is said in Chinese too', () => {
	const checks = [...terminalChecks({isTTY: false}, {NO_COLOR: '1', LANG: 'C'}), ...terminalChecks({isTTY: true, columns: 60, rows: 20}, {TERM: 'dumb'}), ...terminalChecks({isTTY: true, columns: 120, rows: 40}, {})];
	for (const check of checks) {
		assert.match(check.text.zh, /[\u4e00-\u9fff]/, check.text.en);
		if (check.fix) assert.match(check.fix.zh, /[\u4e00-\u9fff]/, check.fix.en);
	}
	const byTopic = Object.fromEntries(terminalChecks({isTTY: true, columns: 120, rows: 40}, {}).map((check) => [check.topic, check]));
	assert.equal(byTopic.colour!.text.en, 'on (TERM=unset)');
	assert.equal(byTopic.colour!.text.zh, '开启（TERM=未设置）');
});

test('doctor: the caller\'s leftovers warn, other users\' are only counted', () => {
	const node = (session: string, owner: string): ManagedNode => ({runtime: 'docker', session, owner, node: 'master', kind: 'redis', state: 'running', handle: 'x', ips: []});
	const checks = leftoverChecks([node('s1', 'alice'), node('s2', 'bob'), node('s3', 'carol')], 'alice');
	assert.equal(checks[0]!.level, 'warn');
	assert.match(checks[0]!.text.en, /1 session of yours still there: s1/);
	assert.match(checks[1]!.text.en, /2 session\(s\) of other users \(bob, carol\)/);
	assert.equal(checks[0]!.text.zh, '你还有 1 个会话没删除：s1');
	assert.equal(checks[1]!.text.zh, '其他用户的 2 个会话（bob, carol）：不会动它们');
	assert.match(checks[0]!.fix!.zh, /redis-lab down（只删除你自己的）/);
	assert.equal(leftoverChecks([], 'alice')[0]!.level, 'ok');
});

test('doctor: a taken port names its holder and the way out, in both languages', async () => {
	const view: PortView = {
		published: new Map([[40000, {container: 'c1', session: 's1', owner: 'alice'}], [40001, {container: 'c2', session: 's2', owner: 'bob'}], [40002, {container: 'web'}]]),
		networks: new Set(),
		hostBusy: async () => false,
	};
	const given = await portChecks(40000, 'given', view, 'alice');
	assert.deepEqual(given.map((check) => check.level), ['fail', 'fail', 'fail']);
	assert.deepEqual(given.map((check) => check.text.en), [
		'40000 is taken by redis-lab session s1 of yours (container c1)',
		'40001 is taken by redis-lab session s2 of bob (container c2)',
		'40002 is taken by Docker container web',
	]);
	assert.equal(given[1]!.text.zh, '40001 被 bob 的 redis-lab 会话 s2（容器 c2） 占用');
	assert.equal(given[0]!.fix!.en, 'use --base-port 6379 (or --base-port auto)');
	assert.equal(given[0]!.fix!.zh, '改用 --base-port 6379（或 --base-port auto）');
	const moved = await portChecks(40000, 'default', view, 'alice');
	assert.equal(moved[2]!.level, 'warn');
	assert.equal(moved[2]!.text.en, '40002 is taken by Docker container web; redis-lab will use --base-port 6379');
	assert.equal(moved[2]!.text.zh, '40002 被 Docker 容器 web 占用；redis-lab 将改用 --base-port 6379');
	const free = await portChecks(6389, 'given', view, 'alice');
	assert.equal(free[0]!.text.en, '6389, 6390, 6391, 16389, 16390, 16391 free (master 6389, replicas 6390-6391, sentinels 16389-16391)');
	assert.equal(free[0]!.text.zh, '6389, 6390, 6391, 16389, 16390, 16391 均空闲（master 6389，副本 6390-6391，哨兵 16389-16391）');
});

test('a subnet clash between two sessions created at once is recognised (then retried)', () => {
	assert.ok(isPoolClash(new Error('(HTTP code 403) unexpected - Pool overlaps with other one on this address space')));
	assert.ok(isPoolClash(new Error('(HTTP code 500) server error - subnet 172.18.0.0/24 is already used on the host or by another config')), "Podman's wording");
	assert.ok(!isPoolClash(new Error('network with name redis-lab already exists')));
});
