// An animated GIF drawn cell by cell with the bundled bitmap font. Each frame after the first redraws
// only the cells that changed since the frame before it and leaves the rest transparent over it (the
// GIF's "do not dispose"), which keeps both the work and the file small.
import gifenc from 'gifenc';
import {GLYPH_H, glyphOf} from './font.js';
import {BOLD, DIM, INVERSE, INVISIBLE, UNDERLINE} from './cell-style.js';
import type {Frame, Screen} from './screens.js';
import {cellColours, xterm256, type Theme} from './themes.js';

export const CELL_W = 8;
export const CELL_H = GLYPH_H;
const TRANSPARENT = 0;

/** 256 colours: transparent, the theme's own, the 16 named ones, xterm's cube and 20 of its 24 greys. */
export function paletteOf(theme: Theme): number[] {
	const greys = Array.from({length: 24}, (_, index) => 232 + index).filter((_, index) => index % 6 !== 5);
	const cube = Array.from({length: 216}, (_, index) => xterm256(16 + index));
	return [theme.background, theme.background, theme.foreground, theme.cursor, ...theme.ansi, ...cube, ...greys.map(xterm256)];
}

const rgb = (colour: number): [number, number, number] => [(colour >> 16) & 0xff, (colour >> 8) & 0xff, colour & 0xff];

/** Maps RGB colours to palette indexes: exact when the palette has it, else the nearest. */
class Colours {
	private readonly index = new Map<number, number>();

	constructor(private readonly palette: number[]) {
		palette.forEach((colour, at) => at !== TRANSPARENT && !this.index.has(colour) && this.index.set(colour, at));
	}

	of(colour: number): number {
		let at = this.index.get(colour);
		if (at !== undefined) return at;
		const [r, g, b] = rgb(colour);
		let best = Infinity;
		this.palette.forEach((candidate, candidateAt) => {
			const [cr, cg, cb] = rgb(candidate);
			const distance = (r - cr) ** 2 + (g - cg) ** 2 + (b - cb) ** 2;
			if (candidateAt !== TRANSPARENT && distance < best) [best, at] = [distance, candidateAt];
		});
		this.index.set(colour, at!);
		return at!;
	}
}

function cellChanged(a: Screen, b: Screen, at: number): boolean {
	return a.chars[at] !== b.chars[at] || a.fg[at] !== b.fg[at] || a.bg[at] !== b.bg[at] || a.flags[at] !== b.flags[at] || a.widths[at] !== b.widths[at];
}

const isCursor = (screen: Screen, x: number, y: number) => screen.cursor?.x === x && screen.cursor.y === y;

/** Collects frames and encodes them; each frame is written once the next one says how long it lasts. */
export class GifWriter {
	private readonly encoder = gifenc.GIFEncoder();
	private readonly palette: number[];
	private readonly colours: Colours;
	private readonly pixels: Uint8Array;
	private readonly width: number;
	private readonly height: number;
	private pending?: Frame;
	private last?: Screen;
	/** Centiseconds written so far. */
	private written = 0;
	frameCount = 0;

	constructor(private readonly cols: number, private readonly rows: number, private readonly theme: Theme) {
		this.palette = paletteOf(theme);
		this.colours = new Colours(this.palette);
		this.width = cols * CELL_W;
		this.height = rows * CELL_H;
		this.pixels = new Uint8Array(this.width * this.height);
	}

	/** Paints one cell (its glyph, bold, underline, the cursor) into the pixel buffer. */
	private paint(screen: Screen, x: number, y: number): void {
		const at = y * screen.cols + x;
		const flags = screen.flags[at]!;
		const cells = Math.max(1, screen.widths[at]!);
		let [front, back] = cellColours(screen.fg[at]!, screen.bg[at]!, (flags & INVERSE) !== 0, (flags & DIM) !== 0, this.theme);
		if (isCursor(screen, x, y)) [front, back] = [back, this.theme.cursor];
		const fg = this.colours.of(front);
		const bg = this.colours.of(back);
		const glyph = glyphOf((flags & INVISIBLE) !== 0 ? ' ' : screen.chars[at]!);
		const boxW = cells * CELL_W;
		// A narrow glyph in a wide cell is centred; a wide glyph in a narrow cell is squeezed.
		const offset = glyph.width < boxW ? (boxW - glyph.width) >> 1 : 0;
		const step = glyph.width > boxW ? glyph.width / boxW : 1;
		const bold = (flags & BOLD) !== 0;
		for (let row = 0; row < CELL_H; row++) {
			const line = (y * CELL_H + row) * this.width + x * CELL_W;
			const glyphRow = row * glyph.width;
			for (let column = 0; column < boxW; column++) {
				// Squeezed, a pixel has ink when any of the glyph's pixels it covers has (strokes stay); bold adds the one before.
				const from = Math.floor((column - offset) * step) - (bold ? 1 : 0);
				const to = Math.min(glyph.width, Math.floor((column - offset + 1) * step));
				let ink = false;
				for (let source = Math.max(0, from); source < to && !ink; source++) ink = glyph.pixels[glyphRow + source] === 1;
				this.pixels[line + column] = ink || ((flags & UNDERLINE) !== 0 && row === CELL_H - 1) ? fg : bg;
			}
		}
	}

	/** Draws `screen` over the previous one: its changed cells, the rest transparent. */
	private draw(screen: Screen): void {
		const previous = this.last;
		if (previous) this.pixels.fill(TRANSPARENT);
		for (let y = 0; y < Math.min(this.rows, screen.rows); y++) {
			for (let x = 0; x < Math.min(this.cols, screen.cols); x++) {
				const at = y * screen.cols + x;
				if (screen.widths[at] === 0) continue;
				const dirty = !previous || cellChanged(screen, previous, at) || isCursor(screen, x, y) !== isCursor(previous, x, y);
				if (!dirty) continue;
				this.paint(screen, x, y);
			}
		}
	}

	private encode(screen: Screen, centiseconds: number): void {
		const first = !this.last;
		// An unchanged screen is still written (all transparent): its time counts.
		this.draw(screen);
		this.encoder.writeFrame(this.pixels, this.width, this.height, {
			palette: first ? this.palette.map(rgb) : undefined,
			delay: centiseconds * 10,
			transparent: !first,
			transparentIndex: TRANSPARENT,
			dispose: 1,
			repeat: 0,
		});
		this.last = screen;
		this.frameCount++;
	}

	/** Writes the pending frame until `time`; frames under 2 cs (browsers stretch those) give way to the next. */
	private flushUntil(time: number): void {
		const pending = this.pending;
		if (!pending) return;
		const end = Math.round(time * 100);
		const delay = end - this.written;
		if (delay < 2) return;
		this.encode(pending.screen, delay);
		this.written = end;
	}

	add(frame: Frame): void {
		this.flushUntil(frame.time);
		this.pending = frame;
	}

	/** The GIF, the last frame held until `total` seconds. */
	finish(total: number): Uint8Array {
		const pending = this.pending;
		if (pending) {
			const delay = Math.max(2, Math.round(total * 100) - this.written);
			this.encode(pending.screen, delay);
			this.written += delay;
		}
		this.encoder.finish();
		return this.encoder.bytes();
	}
}
