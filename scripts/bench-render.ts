// Benchmark of `redis-lab render` (figures next to their goals, not pass/fail): an autoplayed
// sentinel-failover cast (100x30, --pace normal) rendered to SVG and GIF, render time against the cast's
// own duration and file sizes against the .cast's; then the peak memory (max RSS of a fresh process)
// of rendering a 10-minute cast made by repeating that one.
// Usage: npm run bench:render [-- --cast FILE --base-port 9479 --runs 3 --pace normal]
import {execFileSync} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {parseArgs} from 'node:util';
import {readCast} from '../source/record/render/cast-reader.js';
import {renderCast, type PictureFormat} from '../source/record/render/render.js';
import {recordLab} from './record-lab.js';

const {values} = parseArgs({allowPositionals: true, options: {
	cast: {type: 'string'},
	'base-port': {type: 'string', default: '9479'},
	runs: {type: 'string', default: '3'},
	pace: {type: 'string', default: 'normal'},
}});

/** Renders `file` in a fresh node with the built code (what users run); its peak memory in MB. */
function peakMemory(file: string, format: PictureFormat): number {
	const render = new URL('../dist/record/render/render.js', import.meta.url).href;
	const script = `import {readFileSync} from 'node:fs'; import {renderCast} from ${JSON.stringify(render)};
await renderCast(readFileSync(${JSON.stringify(file)}, 'utf8'), ${JSON.stringify(format)});
console.log(process.resourceUsage().maxRSS);`;
	return Number(execFileSync(process.execPath, ['--input-type=module', '-e', script], {encoding: 'utf8'}).trim()) / 1024;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;
const median = (numbers: number[]) => [...numbers].sort((a, b) => a - b)[Math.floor(numbers.length / 2)]!;

/** A cast at least `seconds` long: the events of `text` repeated one after another. */
export function repeatCast(text: string, seconds: number): string {
	const [header, ...lines] = text.split('\n').filter((line) => line.trim() !== '');
	const events = lines.map((line) => JSON.parse(line) as [number, string, string]);
	const length = (events.at(-1)?.[0] ?? 0) + 0.5;
	const out = [header!];
	for (let offset = 0; offset < seconds; offset += length) {
		for (const [time, code, data] of events) out.push(JSON.stringify([Math.round((time + offset) * 1e6) / 1e6, code, data]));
	}
	return out.join('\n') + '\n';
}

const dir = mkdtempSync(join(tmpdir(), 'redis-lab-bench-render-'));
try {
	let castFile = values.cast;
	if (!castFile) {
		castFile = join(dir, 'sentinel-failover.cast');
		console.log(`recording an autoplayed sentinel-failover (100x30, --pace ${values.pace}, base port ${values['base-port']})...`);
		await recordLab({lab: 'sentinel-failover', cast: castFile, basePort: values['base-port'], pace: values.pace, cols: 100, rows: 30});
	}
	const text = readFileSync(castFile, 'utf8');
	const cast = readCast(text);
	const duration = cast.events.at(-1)?.time ?? 0;
	const castSize = statSync(castFile).size;
	console.log(`\nrender: cast of ${duration.toFixed(1)} s, ${cast.width}x${cast.height}, ${mb(castSize)} (.cast)`);
	for (const [format, timeGoal, sizeGoal] of [['svg', 0.1, 1], ['gif', 0.25, 3]] as const) {
		const times: number[] = [];
		let size = 0;
		let frames = 0;
		for (let run = 0; run < Number(values.runs); run++) {
			const started = performance.now();
			const picture = await renderCast(text, format);
			times.push((performance.now() - started) / 1000);
			size = picture.data.length;
			frames = picture.frames;
		}
		const took = median(times);
		console.log(`  ${format.toUpperCase()} render time  ${took.toFixed(2)} s = ${(took / duration).toFixed(3)}x the cast's duration   goal <= ${timeGoal}x   (median of ${times.length}, ${frames} frames)`);
		console.log(`  ${format.toUpperCase()} file size    ${mb(size)} (${kb(size)}; the .cast is ${mb(castSize)})   goal <= ${sizeGoal} MB`);
	}
	const long = join(dir, 'ten-minutes.cast');
	writeFileSync(long, repeatCast(text, 600));
	const longCast = readCast(readFileSync(long, 'utf8'));
	console.log(`  10-minute cast: ${(longCast.events.at(-1)!.time / 60).toFixed(1)} min, ${mb(statSync(long).size)}, ${longCast.events.length} events`);
	for (const format of ['svg', 'gif'] as const) {
		const started = performance.now();
		const peak = peakMemory(long, format);
		console.log(`  ${format.toUpperCase()} peak memory, 10-minute cast  ${peak.toFixed(0)} MB (max RSS of the process, render of ${((performance.now() - started) / 1000).toFixed(1)} s)   goal < 300 MB`);
	}
} finally {
	rmSync(dir, {recursive: true, force: true});
}
