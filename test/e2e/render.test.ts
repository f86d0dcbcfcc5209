import {test} from 'node:test';
import assert from 'node:assert/strict';
import {existsSync, mkdtempSync, readFileSync, readdirSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {CLI, TEST_IMAGE, needDocker} from '../helpers/env.js';
import {decodeGif} from '../helpers/gif.js';
import {Terminal, needTmux} from '../helpers/terminal.js';
import {basePort} from '../helpers/lane.js';

/** Temporary casts of `--record x.gif` live in the system's temp folder until rendered. */
const leftoverCasts = () => readdirSync(tmpdir()).filter((name) => name.startsWith('redis-lab-record-'));

async function recordGif(ci: boolean): Promise<void> {
	const dir = mkdtempSync(join(tmpdir(), 'redis-lab-gif-'));
	const file = join(dir, 'demo.gif');
	const before = new Set(leftoverCasts());
	const terminal = new Terminal(`${process.execPath} ${CLI} start replication-command --runtime docker --base-port ${basePort(0)} --autoplay --pace fast --record ${file}`, {
		columns: 100,
		rows: 30,
		ci,
		env: {REDIS_LAB_CONFIG_DIR: join(dir, 'config'), REDIS_LAB_IMAGE: TEST_IMAGE, LANG: 'C.UTF-8'},
	});
	try {
		const screen = await terminal.waitFor(/\[exit \d+\]/, 150_000);
		assert.match(screen, /\[exit 0\]/, 'autoplay passed and the GIF was written');
		assert.match(screen, /Wrote .*demo\.gif: \d+ frames/);
		assert.ok(existsSync(file));
		const gif = decodeGif(readFileSync(file));
		assert.equal(gif.width, 800, '100 columns of 8 px');
		assert.equal(gif.height, 480, '30 rows of 16 px');
		assert.ok(gif.delays.length > 20, `frames of the whole lab (${gif.delays.length})`);
		const seconds = gif.delays.reduce((sum, delay) => sum + delay, 0) / 100;
		assert.ok(seconds > 5 && seconds < 150, `a loop as long as the lab (${seconds} s)`);
		assert.deepEqual(leftoverCasts().filter((name) => !before.has(name)), [], 'the temporary cast is removed');
	} finally {
		terminal.close();
		rmSync(dir, {recursive: true, force: true});
	}
}

test('--record x.gif of an autoplayed lab writes a GIF that decodes', {timeout: 200_000}, async (t) => {
	if (!needTmux(t)) return;
	if (!needDocker(t)) return;
	await recordGif(false);
});

test('--record x.gif with CI=true in a real terminal does the same', {timeout: 200_000}, async (t) => {
	if (!needTmux(t)) return;
	if (!needDocker(t)) return;
	await recordGif(true);
});
