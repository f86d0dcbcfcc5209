import {test} from 'node:test';
import assert from 'node:assert/strict';
import {maskForDemo} from '../../source/engine/base/demo-mask.js';

test('demo masking hides addresses, ids, clock times and the session id, and keeps loopback and ports', () => {
	const text = [
		'docker run -d --name redis-lab-master --network redis-lab-net --ip 172.19.0.2 --add-host redis-lab-master:172.19.0.2 -p 127.0.0.1:6379:6379 redis:7.2',
		'docker network create --subnet 172.19.0.0/24 redis-lab-net',
		'slave0:ip=172.19.0.3,port=6380,state=online,offset=126,lag=0',
		'master_replid:75638f2e0d29a8c31254e906ba17476b3e2d003a',
		'1:X 25 Nov 2026 14:00:00.123 # +sdown master master 172.19.0.2 6379',
		'redis-lab-lz9abc123 session lz9abc123',
	].join('\n');
	const masked = maskForDemo(text, 'lz9abc123');
	assert.doesNotMatch(masked, /172\.19/);
	assert.doesNotMatch(masked, /75638f2e/);
	assert.doesNotMatch(masked, /14:00:00/);
	assert.doesNotMatch(masked, /lz9abc123/);
	assert.match(masked, /-p 127\.0\.0\.1:6379:6379/);
	assert.match(masked, /--ip ‹ip› --add-host redis-lab-master:‹ip›/);
	assert.match(masked, /--subnet ‹subnet›/);
	assert.match(masked, /slave0:ip=‹ip›,port=6380/);
	assert.match(masked, /1:X ‹time› # \+sdown master master ‹ip› 6379/);
	assert.equal(maskForDemo(masked, 'lz9abc123'), masked, 'masking is stable');
});
