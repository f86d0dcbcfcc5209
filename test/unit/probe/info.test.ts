import {test} from 'node:test';
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {infoField, parseInfo, parseReplicationInfo, parseSentinelInfo} from '../../../source/engine/redis/probe/info.js';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/info/${name}`, import.meta.url), 'utf8');

test('a real Redis 7 master with two replicas', () => {
	const info = parseReplicationInfo(fixture('master-two-replicas.txt'));
	assert.equal(info.role, 'master');
	assert.equal(info.connectedSlaves, 2);
	assert.equal(info.replicas.length, 2);
	assert.deepEqual(info.replicas.map((replica) => [replica.ip, replica.port, replica.state]), [['127.0.0.1', 27101, 'online'], ['127.0.0.1', 27102, 'online']]);
	assert.ok(info.masterReplOffset > 0);
	assert.match(info.masterReplid, /^[0-9a-f]{40}$/);
	assert.equal(info.masterLinkStatus, undefined, 'replica fields stay unset on a master');
	assert.equal(info.minSlavesGoodSlaves, undefined, 'min_slaves_good_slaves only with both options set');
});

test('min_slaves_good_slaves appears with min-replicas-to-write and max-lag', () => {
	assert.equal(parseReplicationInfo(fixture('master-min-replicas.txt')).minSlavesGoodSlaves, 2);
});

test('a real replica with its link up, and one whose master is gone', () => {
	const up = parseReplicationInfo(fixture('replica-link-up.txt'));
	assert.equal(up.role, 'slave');
	assert.equal(up.masterHost, '127.0.0.1');
	assert.equal(up.masterPort, 27100);
	assert.equal(up.masterLinkStatus, 'up');
	assert.equal(up.slaveReadOnly, true);
	assert.equal(typeof up.slaveReplOffset, 'number');
	const down = parseReplicationInfo(fixture('replica-link-down.txt'));
	assert.equal(down.masterLinkStatus, 'down');
});

test("the article's samples parse the same way", () => {
	const master = parseReplicationInfo(fixture('article-master.txt'));
	assert.equal(master.connectedSlaves, 2);
	assert.deepEqual(master.replicas[1], {index: 1, ip: '172.17.0.4', port: 6379, state: 'online', offset: 630, lag: 0});
	const replica = parseReplicationInfo(fixture('article-replica.txt'));
	assert.equal(replica.masterLinkStatus, 'down');
	assert.equal(replica.masterLastIoSecondsAgo, -1);
	assert.equal(replica.slavePriority, 100);
	assert.equal(replica.slaveReadOnly, true);
	const sentinel = parseSentinelInfo('# Sentinel\nsentinel_masters:1\nmaster0:name=master,status=ok,address=172.17.0.3:6380,slaves=2,sentinels=2\n');
	assert.deepEqual(sentinel.masters[0], {index: 0, name: 'master', status: 'ok', host: '172.17.0.3', port: 6380, slaves: 2, sentinels: 2});
});

test('a real INFO sentinel', () => {
	const info = parseSentinelInfo(fixture('sentinel.txt'));
	assert.equal(info.tilt, false);
	assert.equal(info.masters.length, 1);
	assert.equal(info.masters[0]!.name, 'master');
	assert.equal(info.masters[0]!.status, 'ok');
	assert.equal(info.masters[0]!.port, 27100);
	assert.equal(info.masters[0]!.slaves, 2);
});

test('hostnames in addresses split on the last colon', () => {
	const info = parseSentinelInfo('master0:name=m,status=odown,address=redis-lab-master:6379,slaves=0,sentinels=3\r\n');
	assert.equal(info.masters[0]!.host, 'redis-lab-master');
	assert.equal(info.masters[0]!.status, 'odown');
});

test('field paths read sub-fields; odd input never throws', () => {
	const raw = parseInfo(fixture('master-two-replicas.txt'));
	assert.equal(infoField(raw, 'connected_slaves'), '2');
	assert.equal(infoField(raw, 'slave1.port'), '27102');
	assert.equal(infoField(raw, 'slave9.lag'), undefined);
	assert.equal(infoField(raw, 'nope'), undefined);
	assert.deepEqual(parseReplicationInfo('garbage\n\n:::').replicas, []);
	assert.equal(parseReplicationInfo('').role, 'master');
});
