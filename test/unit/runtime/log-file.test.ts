import {test} from 'node:test';
import assert from 'node:assert/strict';
import {appendFileSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {followFile, tailFile} from '../../../source/engine/runtime/local/log-file.js';
import {FakeClock} from '../../helpers/fake-clock.js';

/** Moves the fake clock a poll at a time, letting file I/O run between, until `work` settles. */
async function onClock<T>(clock: FakeClock, work: Promise<T>): Promise<T> {
	let settled = false;
	void work.finally(() => (settled = true)).catch(() => undefined);
	for (let i = 0; !settled && i < 200; i++) {
		await new Promise((resolve) => setTimeout(resolve, 2));
		await clock.advance(200);
	}
	return work;
}

test('a followed log file gives its last lines, then each new whole line as the clock moves, until aborted', async () => {
	const dir = mkdtempSync(join(tmpdir(), 'rt-log-'));
	const file = join(dir, 'node.log');
	writeFileSync(file, 'one\ntwo\nthree\n');
	const clock = new FakeClock();
	const controller = new AbortController();
	const lines = followFile(file, {tail: 2, signal: controller.signal, clock})[Symbol.asyncIterator]();
	try {
		assert.deepEqual([(await lines.next()).value, (await lines.next()).value], ['two', 'three']);
		appendFileSync(file, 'four\r\nfi');
		assert.equal((await onClock(clock, lines.next())).value, 'four');
		const ended = lines.next();
		await new Promise((resolve) => setTimeout(resolve, 20));
		await clock.advance(1000);
		controller.abort();
		assert.equal((await ended).done, true, 'a partial line is not given, and abort ends the follow');
		assert.equal(await tailFile(join(dir, 'missing.log'), 3), '');
	} finally {
		rmSync(dir, {recursive: true, force: true});
	}
});
