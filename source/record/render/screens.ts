// Replays a cast's output into a headless xterm and takes the screens a viewer saw, one per change.
import xterm from '@xterm/headless';
import type {IBufferCell, Terminal as XTerminal} from '@xterm/headless';
import type {CastFrameEvent} from './cast-reader.js';
import type {Timeline} from './timeline.js';
import {BOLD, DIM, INVERSE, INVISIBLE, ITALIC, TRUE_COLOR, UNDERLINE} from './cell-style.js';


/** One screen: cells row by row. A wide character has width 2 and is followed by a cell of width 0. */
export interface Screen {
	cols: number;
	rows: number;
	chars: string[];
	widths: Uint8Array;
	fg: Int32Array;
	bg: Int32Array;
	flags: Uint8Array;
	/** Where the cursor is; undefined while the app hides it. */
	cursor?: {x: number; y: number};
}

export interface Frame {
	/** Seconds from the picture's start. */
	time: number;
	screen: Screen;
}

/** No frame shorter than this (seconds): bursts of output become one frame, as a viewer sees them. */
const MIN_FRAME = 0.02;
/** A long burst still shows its progress this often (seconds). */
const MAX_GAP = 0.1;

function colourOf(cell: IBufferCell, which: 'fg' | 'bg'): number {
	if (which === 'fg') return cell.isFgDefault() ? -1 : cell.isFgRGB() ? cell.getFgColor() | TRUE_COLOR : cell.getFgColor();
	return cell.isBgDefault() ? -1 : cell.isBgRGB() ? cell.getBgColor() | TRUE_COLOR : cell.getBgColor();
}

function flagsOf(cell: IBufferCell): number {
	return (cell.isBold() ? BOLD : 0) | (cell.isDim() ? DIM : 0) | (cell.isItalic() ? ITALIC : 0) | (cell.isUnderline() ? UNDERLINE : 0) | (cell.isInverse() ? INVERSE : 0) | (cell.isInvisible() ? INVISIBLE : 0);
}

function emptyScreen(cols: number, rows: number): Screen {
	const size = cols * rows;
	return {cols, rows, chars: new Array<string>(size).fill(' '), widths: new Uint8Array(size).fill(1), fg: new Int32Array(size).fill(-1), bg: new Int32Array(size).fill(-1), flags: new Uint8Array(size)};
}

/** The visible screen of `terminal`, clipped or padded to cols x rows (the picture's size). */
export function snapshot(terminal: XTerminal, cols: number, rows: number, cursorShown: boolean): Screen {
	const screen = emptyScreen(cols, rows);
	const buffer = terminal.buffer.active;
	let cell: IBufferCell | undefined;
	for (let y = 0; y < Math.min(rows, terminal.rows); y++) {
		const line = buffer.getLine(buffer.viewportY + y);
		if (!line) continue;
		for (let x = 0; x < Math.min(cols, terminal.cols); x++) {
			cell = line.getCell(x, cell);
			if (!cell) continue;
			const at = y * cols + x;
			const width = cell.getWidth();
			screen.chars[at] = width === 0 ? '' : cell.getChars() || ' ';
			screen.widths[at] = width === 2 && x === cols - 1 ? 1 : width;
			screen.fg[at] = colourOf(cell, 'fg');
			screen.bg[at] = colourOf(cell, 'bg');
			screen.flags[at] = flagsOf(cell);
		}
	}
	const inside = buffer.cursorX < cols && buffer.cursorY < rows;
	if (cursorShown && inside) screen.cursor = {x: buffer.cursorX, y: buffer.cursorY};
	return screen;
}

export function sameScreen(a: Screen, b: Screen): boolean {
	if (a.cols !== b.cols || a.rows !== b.rows || a.cursor?.x !== b.cursor?.x || a.cursor?.y !== b.cursor?.y) return false;
	for (let at = 0; at < a.chars.length; at++) {
		if (a.chars[at] !== b.chars[at] || a.fg[at] !== b.fg[at] || a.bg[at] !== b.bg[at] || a.flags[at] !== b.flags[at]) return false;
	}
	return true;
}

/** A headless terminal that remembers whether the app hid the cursor (DECTCEM, `CSI ? 25 l` / `h`). */
function terminalOf(cols: number, rows: number): {terminal: XTerminal; cursorShown: () => boolean} {
	// convertEol: the app's own casts hold what it wrote ("\n"), before the terminal's driver made it "\r\n";
	// asciinema's casts hold the driver's output, where the added "\r" changes nothing.
	const terminal = new xterm.Terminal({cols, rows, allowProposedApi: true, scrollback: 0, convertEol: true});
	let shown = true;
	const watch = (final: 'h' | 'l') => terminal.parser.registerCsiHandler({prefix: '?', final}, (params) => {
		if (params.includes(25)) shown = final === 'h';
		return false;
	});
	watch('h');
	watch('l');
	return {terminal, cursorShown: () => shown};
}

const write = (terminal: XTerminal, data: string) => new Promise<void>((resolve) => terminal.write(data, resolve));

/** Plays output and resizes into the terminal (a resize waits for the output before it). */
async function play(terminal: XTerminal, events: CastFrameEvent[]): Promise<void> {
	let data = '';
	for (const event of events) {
		if (event.code === 'o') data += event.data;
		const size = event.code === 'r' ? /^(\d+)x(\d+)$/.exec(event.data) : null;
		if (!size) continue;
		await write(terminal, data);
		data = '';
		terminal.resize(Math.max(1, Number(size[1])), Math.max(1, Number(size[2])));
	}
	if (data) await write(terminal, data);
}

/** Indexes of the events after which a frame is taken: the screen then stays for MIN_FRAME or more. */
export function sampleAfter(events: CastFrameEvent[]): number[] {
	const samples: number[] = [];
	let lastTime = -Infinity;
	events.forEach((event, index) => {
		const next = events[index + 1];
		if (!next || next.time - event.time >= MIN_FRAME || event.time - lastTime >= MAX_GAP) {
			samples.push(index);
			lastTime = event.time;
		}
	});
	return samples;
}

export interface ReplayOptions {
	cols: number;
	rows: number;
	/** Called after each sample: samples done, samples in all. */
	onProgress?: (done: number, total: number) => void;
}

/** The frames of a timeline, in order; identical consecutive screens merged into the first, a frame replaced by one at the same time. */
export async function* framesOf(timeline: Timeline, options: ReplayOptions): AsyncGenerator<Frame> {
	const {cols, rows} = options;
	const {terminal, cursorShown} = terminalOf(cols, rows);
	await play(terminal, timeline.preroll);
	let pending: Frame = {time: 0, screen: snapshot(terminal, cols, rows, cursorShown())};
	let shown: Screen | undefined;
	const samples = sampleAfter(timeline.events);
	let next = 0;
	for (const [done, last] of samples.entries()) {
		await play(terminal, timeline.events.slice(next, last + 1));
		next = last + 1;
		options.onProgress?.(done + 1, samples.length);
		// Inside a synchronized update (CSI ? 2026 h ... l) a terminal shows nothing new until it ends.
		if (terminal.modes.synchronizedOutputMode && done + 1 < samples.length) continue;
		const screen = snapshot(terminal, cols, rows, cursorShown());
		const time = timeline.events[last]!.time;
		if (sameScreen(screen, pending.screen)) continue;
		if (time > pending.time) {
			if (!shown || !sameScreen(shown, pending.screen)) yield pending;
			shown = pending.screen;
			pending = {time, screen};
		} else pending = {time: pending.time, screen};
	}
	if (!shown || !sameScreen(shown, pending.screen)) yield pending;
	terminal.dispose();
}
