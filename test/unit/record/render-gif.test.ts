import {test} from 'node:test';
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {renderCast} from '../../../source/record/render/render.js';
import {THEMES} from '../../../source/record/render/themes.js';
import {coloursIn, decodeGif} from '../../helpers/gif.js';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/render/${name}`, import.meta.url), 'utf8');
const dark = THEMES.dark!;
/** The pixels of cell (x, y), `cells` wide, in an 8x16 grid. */
const cell = (x: number, y: number, cells = 1) => ({x: x * 8, y: y * 16, w: cells * 8, h: 16});

test('the fixture renders to a GIF of 8x16 cells, one frame per distinct screen, delays adding up to the loop', async () => {
	const picture = await renderCast(fixture('fixture.cast'), 'gif');
	const gif = decodeGif(picture.data);
	assert.equal(gif.width, 160);
	assert.equal(gif.height, 80);
	assert.equal(gif.delays.length, 5);
	assert.equal(picture.frames, 5);
	assert.deepEqual(gif.delays, [50, 50, 200, 100, 200], 'frames at 0, 0.5, 1, 3, 4 s, the last held for the idle limit');
	assert.equal(gif.delays.reduce((sum, delay) => sum + delay, 0), 600, '4 s of cast after the idle limit, and the 2 s hold');
});

test('a cell holding a glyph has ink, a blank cell has none; bold red, wide Chinese and inverse as the terminal showed them', async () => {
	const gif = decodeGif((await renderCast(fixture('fixture.cast'), 'gif')).data);
	const blank = gif.pictureAt(0);
	assert.deepEqual([...coloursIn(blank, gif.width, {x: 0, y: 0, w: 160, h: 80})], [dark.background], 'the first frame is empty');
	const hello = gif.pictureAt(1);
	const h = coloursIn(hello, gif.width, cell(0, 0));
	assert.ok(h.has(dark.ansi[1]!), 'H is drawn in red');
	assert.ok(h.has(dark.background), 'on the background');
	assert.deepEqual([...coloursIn(hello, gif.width, cell(19, 4))], [dark.background], 'a blank cell has no ink');
	const chinese = coloursIn(hello, gif.width, cell(0, 1, 2));
	assert.ok(chinese.has(dark.foreground), '中 has ink across its two cells');
	const inverse = coloursIn(gif.pictureAt(2), gif.width, cell(0, 2));
	assert.ok(inverse.has(dark.foreground) && inverse.has(dark.background), 'inverse: background-coloured ink on a foreground-coloured cell');
	const last = gif.pictureAt(4);
	assert.ok(coloursIn(last, gif.width, cell(5, 3)).has(dark.cursor), 'the cursor shows on the last frame');
	assert.deepEqual([...coloursIn(gif.pictureAt(3), gif.width, cell(5, 3))], [dark.background], 'and not before, while the app hides it');
	assert.deepEqual([...coloursIn(last, gif.width, cell(0, 0))].sort(), [...h].sort(), 'unchanged cells stay as they were under later frames');
});

test('an asciinema v2 cast renders to a GIF of its header size', async () => {
	const gif = decodeGif((await renderCast(fixture('asciinema.cast'), 'gif', {theme: 'light'})).data);
	assert.equal(gif.width, 240);
	assert.equal(gif.height, 96);
	const picture = gif.pictureAt(gif.delays.length - 1);
	assert.ok(coloursIn(picture, gif.width, cell(7, 0, 2)).has(THEMES.light!.foreground), '你 of "echo 你好" has ink');
});

test('the same cast renders to the same bytes, SVG and GIF', async () => {
	for (const format of ['svg', 'gif'] as const) {
		const [a, b] = await Promise.all([renderCast(fixture('fixture.cast'), format), renderCast(fixture('fixture.cast'), format)]);
		assert.deepEqual(Buffer.from(a.data), Buffer.from(b.data), format);
	}
});
