import {test} from 'node:test';
import assert from 'node:assert/strict';
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {parseCast} from '../../source/record/asciicast.js';
import {findLab, loadCatalogue} from '../../source/engine/lab/format/loader.js';
import {CLI, TEST_IMAGE, needDocker} from '../helpers/env.js';
import {Terminal, needTmux} from '../helpers/terminal.js';
import {basePort} from '../helpers/lane.js';


/** Strips ANSI escapes from recorded output. */
function plain(text: string): string {
	 
	return text.replace(/\u001B\[[0-9;?]*[ -/]*[@-~]/g, '').replace(/\u001B\][^\u0007]*\u0007/g, '');
}

async function recordDemo(ci: boolean): Promise<void> {
	const dir = mkdtempSync(join(tmpdir(), 'redis-lab-demo-'));
	const file = join(dir, 'demo.cast');
	const lab = findLab(await loadCatalogue(), 'replication-command');
	const terminal = new Terminal(`${process.execPath} ${CLI} start replication-command --runtime docker --base-port ${basePort(0)} --autoplay --pace fast --record ${file}`, {
		columns: 100,
		rows: 30,
		ci,
		env: {REDIS_LAB_CONFIG_DIR: join(dir, 'config'), REDIS_LAB_IMAGE: TEST_IMAGE, LANG: 'C.UTF-8'},
	});
	try {
		await terminal.waitFor(/\[exit \d+\]/, 120_000);
		assert.match(terminal.screen(), /\[exit 0\]/, 'autoplay passed every step');
		const {header, events} = parseCast(readFileSync(file, 'utf8'));
		assert.equal(header.version, 2);
		assert.equal(header.width, 100);
		assert.equal(header.height, 30);
		assert.equal(typeof header.timestamp, 'number');
		assert.match(String(header.title), /replication-command/);
		const times = events.map((event) => event[0]);
		times.forEach((time, index) => index > 0 && assert.ok(time >= times[index - 1]!, `time ${time} after ${times[index - 1]}`));
		const gaps = times.slice(1).map((time, index) => time - times[index]!);
		assert.ok(Math.max(...gaps) <= 2.0001, `no gap above the idle limit (largest ${Math.max(...gaps)})`);
		assert.deepEqual(events.filter((event) => event[1] === 'm').map((event) => event[2]), lab.steps.map((step, index) => `Step ${index + 1}: ${step.title.en}`));
		// Frames drawn after the last marker: the last step, passed, on screen.
		const lastMarker = events.findLastIndex((event) => event[1] === 'm');
		const after = plain(events.slice(lastMarker).filter((event) => event[1] === 'o').map((event) => event[2]).join(''));
		assert.ok(after.includes(lab.steps.at(-1)!.title.en), 'the last step is on screen');
		assert.match(after, /passed · (\d+)\/\1 checks|已通过 · 检查 (\d+)\/\2/, "the last step shows every check passed");
		assert.ok(events.filter((event) => event[1] === 'o').length > 20, 'the app drew live frames, not only the last one');
	} finally {
		terminal.close();
		rmSync(dir, {recursive: true, force: true});
	}
}

// With CI=true set (as on a CI machine) and a real terminal, the app must still draw live: the
// stricter of the two cases, so the plain one is not run again.
test('autoplay with --record and CI=true in a real terminal makes a finished demo: asciicast v2, live frames, a marker per step, idle gaps cut', {timeout: 180_000}, async (t) => {
	if (!needTmux(t)) return;
	if (!needDocker(t)) return;
	await recordDemo(true);
});
