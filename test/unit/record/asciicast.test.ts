import {test} from 'node:test';
import assert from 'node:assert/strict';
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {CastRecorder, castTitle, parseCast} from '../../../source/record/asciicast.js';

test('a cast has a v2 header, ordered times, markers, resizes and idle gaps cut to the limit', async () => {
	const dir = mkdtempSync(join(tmpdir(), 'cast-'));
	try {
		let now = 1_000_000;
		const file = join(dir, 'demo.cast');
		const recorder = new CastRecorder(file, {width: 100, height: 30, title: 'redis-lab · replication-command', command: 'redis-lab start replication-command'}, {idleLimit: 2, now: () => now});
		recorder.marker('Step 1: Start');
		now += 500;
		recorder.output('hello');
		now += 60_000;
		recorder.output(Buffer.from('后来'));
		now += 100;
		recorder.resize(120, 40);
		await recorder.close();
		const {header, events} = parseCast(readFileSync(file, 'utf8'));
		assert.equal(header.version, 2);
		assert.equal(header.width, 100);
		assert.equal(header.height, 30);
		assert.equal(header.title, 'redis-lab · replication-command');
		assert.equal(header.timestamp, 1000);
		assert.deepEqual(events.map((event) => event[1]), ['m', 'o', 'o', 'r']);
		assert.deepEqual(events.map((event) => event[0]), [0, 0.5, 2.5, 2.6]);
		assert.equal(events[2]![2], '后来');
		assert.equal(events[3]![2], '120x40');
	} finally {
		rmSync(dir, {recursive: true, force: true});
	}
});

test('parseCast names a malformed line', () => {
	assert.throws(() => parseCast('{"version":2}\n[1,"o"]\n'), /line 2/);
});

test('the recording\'s title names the lab and the server it ran on, when known before it starts', () => {
	assert.equal(castTitle('offsets', {flavour: 'valkey', version: '8.0.1'}), 'redis-lab · offsets · Valkey 8.0.1');
	assert.equal(castTitle('offsets', {flavour: 'redis', version: '7.2.6'}), 'redis-lab · offsets · Redis 7.2.6');
	assert.equal(castTitle(undefined, undefined), 'redis-lab');
});
