import {test} from 'node:test';
import assert from 'node:assert/strict';
import {notable} from '../../../source/engine/redis/probe/poller.js';

test('growing offsets are not news; a replica that moves or changes state is', () => {
	assert.equal(notable('master_repl_offset', '2000', '1000'), false);
	assert.equal(notable('slave_repl_offset', '2000', '1000'), false);
	const before = 'ip=172.20.0.3,port=6379,state=online,offset=1000,lag=0';
	assert.equal(notable('slave0', 'ip=172.20.0.3,port=6379,state=online,offset=2000,lag=1', before), false);
	assert.equal(notable('slave0', 'ip=172.20.0.3,port=6379,state=wait_bgsave,offset=0,lag=0', before), true);
	assert.equal(notable('slave0', 'ip=172.20.0.4,port=6379,state=online,offset=2000,lag=0', before), true);
	assert.equal(notable('slave1', before, undefined), true);
	assert.equal(notable('master_link_status', 'down', 'up'), true);
	assert.equal(notable('role', 'master', 'master'), false);
});

test('fields that move on every poll of an idle server are never news', () => {
	for (const key of ['master_last_io_seconds_ago', 'repl_backlog_histlen', 'slave_read_repl_offset']) assert.equal(notable(key, '2', '1'), false, key);
});
