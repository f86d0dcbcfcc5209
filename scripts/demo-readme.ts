// The README's picture, made by the tool: autoplays sentinel-failover with --demo in a 100x30 tmux
// terminal, records it, and renders docs/demo/sentinel-failover.svg (shown in the README) and .gif.
// With --runs 2 it plays the lab twice and compares the screen each step ends on, with digits masked
// (timings, offsets and ages vary from run to run; everything else must not).
// Usage: npm run demo:readme [-- --base-port 6379 --runs 2 --pace fast]
import {mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {parseArgs} from 'node:util';
import {readCast} from '../source/record/render/cast-reader.js';
import {renderCast} from '../source/record/render/render.js';
import {framesOf, type Screen} from '../source/record/render/screens.js';
import {timelineOf} from '../source/record/render/timeline.js';
import {progressOn} from '../source/record/render/progress.js';
import {recordLab} from './record-lab.js';

const {values} = parseArgs({options: {
	'base-port': {type: 'string', default: '6379'},
	runs: {type: 'string', default: '1'},
	pace: {type: 'string', default: 'fast'},
	out: {type: 'string', default: 'docs/demo'},
}});
const COLS = 100;
const ROWS = 30;
const textOf = (screen: Screen) => Array.from({length: screen.rows}, (_, y) => screen.chars.slice(y * screen.cols, (y + 1) * screen.cols).join('').trimEnd()).join('\n');

/** The screen each step ends on, digits masked. */
async function stepEnds(castFile: string): Promise<string[]> {
	const cast = readCast(readFileSync(castFile, 'utf8'));
	const markers = cast.events.filter((event) => event.code === 'm').length;
	const ends: string[] = [];
	for (let step = 1; step <= markers; step++) {
		let last: Screen | undefined;
		for await (const frame of framesOf(timelineOf(cast, {fromMarker: String(step), toMarker: String(step)}), {cols: COLS, rows: ROWS})) last = frame.screen;
		ends.push(textOf(last!).replace(/\d/g, '#'));
	}
	return ends;
}

async function render(castFile: string, out: string): Promise<void> {
	const text = readFileSync(castFile, 'utf8');
	for (const format of ['svg', 'gif'] as const) {
		const started = performance.now();
		const file = join(out, `sentinel-failover.${format}`);
		const progress = progressOn(process.stderr, `rendering ${file}`);
		const picture = await renderCast(text, format, {onProgress: (done, total) => progress.update(done, total)});
		writeFileSync(file, picture.data);
		progress.done(`${file}: ${picture.frames} frames, ${picture.duration.toFixed(1)} s, ${(picture.data.length / 1024).toFixed(0)} KB, rendered in ${((performance.now() - started) / 1000).toFixed(1)} s`);
	}
}

const dir = mkdtempSync(join(tmpdir(), 'redis-lab-demo-'));
const keep = process.env.REDIS_LAB_DEMO_KEEP === '1';
try {
	const casts = Array.from({length: Math.max(1, Number(values.runs))}, (_, run) => join(dir, `run-${run + 1}.cast`));
	for (const cast of casts) {
		console.log(`recording ${cast} (sentinel-failover, ${COLS}x${ROWS}, --demo, base port ${values['base-port']})`);
		await recordLab({lab: 'sentinel-failover', cast, basePort: values['base-port'], pace: values.pace, cols: COLS, rows: ROWS});
	}
	mkdirSync(values.out, {recursive: true});
	await render(casts[0]!, values.out);
	if (casts.length > 1) {
		const [first, ...others] = await Promise.all(casts.map(stepEnds));
		const differing = others.flatMap((ends) => ends.flatMap((end, step) => (end === first![step] ? [] : [step + 1])));
		if (ends(first!, others)) console.log(`the ${first!.length} step-end screens are the same in all ${casts.length} runs (digits masked)`);
		else {
			console.error(`step-end screens differ between runs at steps ${[...new Set(differing)].join(', ')}:`);
			for (const step of new Set(differing)) {
				const a = first![step - 1]?.split('\n') ?? [];
				const b = others[0]![step - 1]?.split('\n') ?? [];
				a.forEach((line, row) => line !== b[row] && console.error(`  step ${step}, row ${row + 1}:\n    - ${line}\n    + ${b[row]}`));
			}
			process.exitCode = 1;
		}
	}
} finally {
	if (keep) console.log(`casts kept in ${dir}`);
	else rmSync(dir, {recursive: true, force: true});
}

function ends(first: string[], others: string[][]): boolean {
	return others.every((other) => other.length === first.length && other.every((end, step) => end === first[step]));
}
