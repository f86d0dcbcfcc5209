import {test} from 'node:test';
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {CastError, readCast} from '../../../source/record/render/cast-reader.js';
import {framesOf} from '../../../source/record/render/screens.js';
import {MarkerError, timelineOf} from '../../../source/record/render/timeline.js';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/render/${name}`, import.meta.url), 'utf8');

async function framesFor(name: string, options = {}) {
	const cast = readCast(fixture(name));
	const timeline = timelineOf(cast, options);
	const frames = [];
	for await (const frame of framesOf(timeline, {cols: cast.width!, rows: cast.height!})) frames.push(frame);
	return {cast, timeline, frames};
}

const rowText = (screen: {chars: string[]; cols: number}, y: number) => screen.chars.slice(y * screen.cols, (y + 1) * screen.cols).join('').trimEnd();

test('our cast: pauses cut to the idle limit, identical screens merged, the cursor hidden until the app shows it', async () => {
	const {timeline, frames} = await framesFor('fixture.cast');
	assert.deepEqual(frames.map((frame) => frame.time), [0, 0.5, 1, 3, 4]);
	assert.equal(timeline.duration, 4);
	assert.equal(timeline.hold, 2);
	assert.deepEqual(timeline.markers, [{time: 0, label: 'Step 1: Hello'}, {time: 1, label: 'Step 2: Wait'}]);
	const last = frames.at(-1)!.screen;
	assert.deepEqual([0, 1, 2, 3].map((y) => rowText(last, y)), ['Hello', '中文 ok', 'INV', 'later']);
	assert.equal(last.widths[20], 2, '中 is wide');
	assert.equal(last.widths[21], 0, 'and the cell after it is its second half');
	assert.equal(frames[3]!.screen.cursor, undefined, 'hidden by CSI ?25l');
	assert.deepEqual(last.cursor, {x: 5, y: 3}, 'shown again by CSI ?25h');
});

test('--from-marker and --to-marker cut the picture to a range of steps; the screen before it is kept', async () => {
	const {frames, timeline} = await framesFor('fixture.cast', {fromMarker: '2'});
	assert.deepEqual(frames.map((frame) => frame.time), [0, 2, 3]);
	assert.equal(rowText(frames[0]!.screen, 0), 'Hello', 'the output before the marker is on the first frame');
	assert.equal(timeline.markers.length, 1);
	const cut = await framesFor('fixture.cast', {toMarker: 'hello'});
	assert.deepEqual(cut.frames.map((frame) => frame.time), [0, 0.5, 1]);
	assert.throws(() => timelineOf(readCast(fixture('fixture.cast')), {fromMarker: '7'}), MarkerError);
});

test('--speed divides the times, after the idle limit', async () => {
	const {frames, timeline} = await framesFor('fixture.cast', {speed: 2});
	assert.deepEqual(frames.map((frame) => frame.time), [0, 0.25, 0.5, 1.5, 2]);
	assert.equal(timeline.hold, 1);
});

test('an asciinema v2 cast (CR LF, input and resize events, an empty marker) replays', async () => {
	const {frames, timeline} = await framesFor('asciinema.cast');
	const last = frames.at(-1)!.screen;
	assert.deepEqual([0, 1, 2].map((y) => rowText(last, y)), ['$ echo 你好', '你好', '$ done']);
	assert.equal(last.cols, 30, 'the picture keeps the header size after a resize');
	assert.equal(timeline.markers.length, 1);
});

test('a v3 cast: event times are intervals', async () => {
	const {frames, cast} = await framesFor('v3.cast');
	assert.equal(cast.width, 12);
	assert.deepEqual(frames.map((frame) => frame.time), [0, 0.2, 0.5, 2.5]);
});

test('a malformed cast names its line', () => {
	const bad = (text: string, line: number, reason: RegExp) => assert.throws(() => readCast(text), (error: unknown) => error instanceof CastError && error.line === line && reason.test(error.reason));
	bad('', 1, /empty/);
	bad('{"version":1}\n', 1, /version 1/);
	bad('{"version":2,"width":5,"height":2}\n[0,"o","a"]\n\n[0.5,"o"]\n', 4, /\[time, code, data\]/);
	bad('{"version":2}\n[1,"o","a"]\n[0.5,"o","b"]\n', 3, /backwards/);
	bad('{"version":2}\n[1,"o",{}]\n', 2, /data/);
	bad('{"version":2}\nnot json\n', 2, /not JSON/);
});

test('a synchronized update (CSI ? 2026 h ... l) is one frame, shown when it ends', async () => {
	const cast = readCast('{"version":2,"width":10,"height":2}\n[0.1,"o","\\u001b[?2026hhalf"]\n[0.5,"o"," done\\u001b[?2026l"]\n');
	const frames = [];
	for await (const frame of framesOf(timelineOf(cast), {cols: 10, rows: 2})) frames.push(frame);
	assert.deepEqual(frames.map((frame) => [frame.time, rowText(frame.screen, 0)]), [[0, ''], [0.5, 'half done']]);
});
