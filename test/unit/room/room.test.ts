// Pure parts of the many-learners work: owners, free base ports, the connection text, doctor's terminal and leftover lines.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {currentOwner, sanitizeOwner} from '../../../source/engine/room/owner.js';
import {HIGHEST_BASE_PORT, describeRange, firstFreeBase, topologyPorts} from '../../../source/engine/room/ports.js';
import {connectText} from '../../../source/engine/room/connect.js';
import {leftoverChecks, terminalChecks} from '../../../source/engine/room/doctor-checks.js';
import {isPoolClash} from '../../../source/engine/runtime/docker/network.js';
import type {ManagedNode} from '../../../source/engine/inventory.js';

test('the owner: REDIS_LAB_OWNER first, else the login name, always label-safe', () => {
	assert.equal(currentOwner({REDIS_LAB_OWNER: 'alice'}), 'alice');
	assert.equal(sanitizeOwner('Jean Dupont/x'), 'Jean_Dupont_x');
	assert.match(currentOwner({}), /^[\w.@-]+$/);
});

test('a free base port: from 6379 by tens while any port is busy; none when nothing fits', async () => {
	assert.deepEqual(topologyPorts(6389), [6389, 6390, 6391, 16389, 16390, 16391]);
	assert.equal(describeRange(40000), 'master 40000, replicas 40001-40002, sentinels 50000-50002');
	const busy = new Set([6379, 16389]);
	assert.equal(await firstFreeBase(async (base) => !topologyPorts(base).some((port) => busy.has(port))), 6399);
	assert.equal(await firstFreeBase(async () => false), undefined);
	assert.equal(HIGHEST_BASE_PORT, 65535 - 10002);
});

test('the connection text names sentinels, master and password, and maps container addresses on docker only', () => {
	const local = connectText({masterName: 'master', sentinelPorts: [16379, 16380], addressMap: []});
	assert.match(local, /sentinels {3}127\.0\.0\.1:16379, 127\.0\.0\.1:16380/);
	assert.doesNotMatch(local, /natMap/);
	const docker = connectText({masterName: 'master', sentinelPorts: [16379], password: 'pw', addressMap: [{from: '172.18.0.2:6379', port: 6379}]});
	assert.match(docker, /password pw/);
	assert.match(docker, /natMap: \{'172\.18\.0\.2:6379': \{host: '127\.0\.0\.1', port: 6379\}\}/);
	assert.match(docker, /NAT = \{\('172\.18\.0\.2', 6379\): \('127\.0\.0\.1', 6379\)\}/);
	assert.match(docker, /sentinel_kwargs=\{'password': 'pw'\}\)\.master_for\('master', password='pw'\)/);
});

test('doctor: colour and Unicode from the environment, each warning with a fix', () => {
	const tty = {isTTY: true, columns: 120, rows: 40};
	const byTopic = (env: NodeJS.ProcessEnv) => Object.fromEntries(terminalChecks(tty, env).map((check) => [check.topic, check]));
	assert.equal(byTopic({TERM: 'xterm', LANG: 'en_US.UTF-8'}).colour!.level, 'ok');
	assert.equal(byTopic({NO_COLOR: '1', LANG: 'C.UTF-8'}).colour!.level, 'warn');
	const ascii = byTopic({TERM: 'xterm', LANG: 'C'}).unicode!;
	if (process.platform !== 'win32') assert.equal(ascii.level, 'warn');
	assert.match(ascii.fix ?? '', /UTF-8/);
	assert.equal(terminalChecks({isTTY: true, columns: 60, rows: 20}, {})[0]!.level, 'warn');
});

test('doctor: the caller\'s leftovers warn, other users\' are only counted', () => {
	const node = (session: string, owner: string): ManagedNode => ({runtime: 'docker', session, owner, node: 'master', kind: 'redis', state: 'running', handle: 'x', ips: []});
	const checks = leftoverChecks([node('s1', 'alice'), node('s2', 'bob'), node('s3', 'carol')], 'alice');
	assert.equal(checks[0]!.level, 'warn');
	assert.match(checks[0]!.text, /1 session of yours still there: s1/);
	assert.match(checks[1]!.text, /2 session\(s\) of other users \(bob, carol\)/);
	assert.equal(leftoverChecks([], 'alice')[0]!.level, 'ok');
});

test('a subnet clash between two sessions created at once is recognised (then retried)', () => {
	assert.ok(isPoolClash(new Error('(HTTP code 403) unexpected - Pool overlaps with other one on this address space')));
	assert.ok(!isPoolClash(new Error('network with name redis-lab already exists')));
});
