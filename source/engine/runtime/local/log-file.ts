import {createReadStream} from 'node:fs';
import {readFile, stat} from 'node:fs/promises';
import {realClock, type Clock} from '../../base/wait.js';

/** How often a followed log file is looked at. */
const FOLLOW_MS = 200;

function lastLines(text: string, lines: number): string {
	return text.trimEnd().split('\n').slice(-lines).join('\n');
}

/** The last `lines` lines of a file as text ('' when there is none). */
export async function tailFile(file: string, lines: number): Promise<string> {
	return lastLines(await readFile(file, 'utf8').catch(() => ''), lines); // no log yet: nothing to show
}

function readRange(file: string, start: number, end: number): Promise<string> {
	return new Promise((resolve) => {
		let text = '';
		createReadStream(file, {start, end, encoding: 'utf8'})
			.on('data', (data) => (text += String(data)))
			.on('end', () => resolve(text))
			.on('error', () => resolve(text));
	});
}

/** Follows a growing file (`tail -f`) from `tail` lines back, line by line, until the signal aborts. */
export async function* followFile(file: string, options: {tail?: number; signal?: AbortSignal; clock?: Clock} = {}): AsyncIterable<string> {
	const clock = options.clock ?? realClock;
	// One read gives both the last lines and where new ones start: nothing written meanwhile is lost.
	const text = await readFile(file).catch(() => Buffer.alloc(0));
	let position = text.length;
	const initial = lastLines(text.toString('utf8'), options.tail ?? 100);
	if (initial) yield* initial.split('\n');
	let partial = '';
	while (!options.signal?.aborted) {
		try {
			await clock.sleep(FOLLOW_MS, options.signal);
		} catch {
			return;
		}
		const size = (await stat(file).catch(() => undefined))?.size ?? 0;
		if (size < position) position = 0;
		if (size === position) continue;
		const chunk = await readRange(file, position, size - 1);
		position = size;
		const lines = (partial + chunk).split('\n');
		partial = lines.pop() ?? '';
		for (const line of lines) yield line.replace(/\r$/, '');
	}
}
