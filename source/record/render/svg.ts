// An animated SVG that plays by itself: every distinct screen row is drawn once (in <defs>), every
// distinct block of five rows too (most frames change a row or two, so most blocks repeat), each frame
// places its blocks, and the frames stand one under the other in a film strip that CSS keyframes move
// up one frame at a time (step-end, so each frame holds until the next one's time), looping forever.
// Each frame carries the step marker it belongs to as a <title> (a tooltip, and read by screen
// readers); SVG has no player, so markers are not chapters to jump to.
import {BOLD, DIM, INVERSE, INVISIBLE, ITALIC, UNDERLINE} from './cell-style.js';
import type {Frame, Screen} from './screens.js';
import {cellColours, hex, type Theme} from './themes.js';
import type {Marker} from './timeline.js';

const CELL_W = 8.4;
const CELL_H = 18;
const FONT_SIZE = 14;
const BASELINE = 13.5;
const PAD = 10;
/** Rows per block: the size that gave the smallest files on the README's demo (3 to 10 tried). */
const BLOCK_ROWS = 5;
const FONTS = `ui-monospace,'SF Mono',Menlo,Consolas,'DejaVu Sans Mono','Noto Sans Mono CJK SC','Sarasa Mono SC',monospace`;

const px = (value: number) => String(Math.round(value * 100) / 100);

export function escapeXml(text: string): string {
	return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

interface Run {
	start: number;
	cells: number;
	text: string;
	style: string;
	wide: boolean;
}

/** Short CSS classes for the colours of the text, given as they are first used. */
export class ColourClasses {
	readonly names = new Map<number, string>();

	of(rgb: number): string {
		let name = this.names.get(rgb);
		if (!name) {
			name = `c${this.names.size.toString(36)}`;
			this.names.set(rgb, name);
		}
		return name;
	}

	css(): string {
		return [...this.names].map(([rgb, name]) => `.${name}{fill:${hex(rgb)}}`).join('');
	}
}

function styleOf(screen: Screen, at: number, theme: Theme, colours: ColourClasses): {back: number; style: string} {
	const flags = screen.flags[at]!;
	const [fill, back] = cellColours(screen.fg[at]!, screen.bg[at]!, (flags & INVERSE) !== 0, (flags & DIM) !== 0, theme);
	const classes = [fill === theme.foreground ? '' : colours.of(fill), (flags & BOLD) !== 0 ? 'b' : '', (flags & ITALIC) !== 0 ? 'i' : '', (flags & UNDERLINE) !== 0 ? 'u' : ''].filter(Boolean).join(' ');
	return {back, style: classes ? ` class="${classes}"` : ''};
}

/** Background colours of a row as one rect per run of a colour other than the theme's. */
class Backgrounds {
	private readonly rects: string[] = [];
	private run?: {start: number; cells: number; colour: number};

	constructor(private readonly background: number) {}

	add(x: number, cells: number, colour: number): void {
		if (this.run && this.run.colour === colour && this.run.start + this.run.cells === x) {
			this.run.cells += cells;
			return;
		}
		this.flush();
		if (colour !== this.background) this.run = {start: x, cells, colour};
	}

	private flush(): void {
		const run = this.run;
		if (run) this.rects.push(`<rect x="${px(run.start * CELL_W)}" y="${-BASELINE}" width="${px(run.cells * CELL_W)}" height="${CELL_H}" fill="${hex(run.colour)}"/>`);
		this.run = undefined;
	}

	markup(): string {
		this.flush();
		return this.rects.join('');
	}
}

/** Background rects and text runs of one row, as SVG with its baseline at y = 0. */
export function rowMarkup(screen: Screen, y: number, theme: Theme, colours: ColourClasses): string {
	const parts: string[] = [];
	const backs = new Backgrounds(theme.background);
	let run: Run | undefined;
	const flush = () => {
		const text = run?.text.trimEnd();
		const cells = run && text ? run.cells - (run.text.length - text.length) : 0;
		// textLength keeps the columns whatever the viewer's font; one narrow character needs none.
		const length = cells > 1 || run?.wide ? ` textLength="${px(cells * CELL_W)}"` : '';
		if (run && text) parts.push(`<text x="${px(run.start * CELL_W)}"${length}${run.style}>${escapeXml(text)}</text>`);
		run = undefined;
	};
	for (let x = 0; x < screen.cols; x++) {
		const at = y * screen.cols + x;
		const width = screen.widths[at]!;
		if (width === 0) continue;
		const {back, style} = styleOf(screen, at, theme, colours);
		backs.add(x, width, back);
		const char = (screen.flags[at]! & INVISIBLE) !== 0 ? ' ' : screen.chars[at]!;
		const wide = width === 2;
		if (char === ' ' && (!run || run.text.endsWith('  '))) {
			flush();
			continue;
		}
		if (run && (run.style !== style || run.wide !== wide)) flush();
		// A run starts on ink, never on a space.
		if (!run && char === ' ') continue;
		run ??= {start: x, cells: 0, text: '', style, wide};
		run.text += char;
		run.cells += width;
	}
	flush();
	return backs.markup() + parts.join('');
}

/** Collects frames, then writes the whole SVG. */
export class SvgWriter {
	/** Row markup (its slot included) to its id. */
	private readonly rows = new Map<string, string>();
	/** A block's row uses to its id. */
	private readonly blocks = new Map<string, string>();
	private readonly colours = new ColourClasses();
	private readonly frames: Array<{time: number; markup: string}> = [];

	constructor(private readonly cols: number, private readonly height: number, private readonly theme: Theme) {}

	private static idIn(map: Map<string, string>, key: string): string {
		let id = map.get(key);
		if (id === undefined) {
			id = map.size.toString(36);
			map.set(key, id);
		}
		return id;
	}

	add(frame: Frame): void {
		const {screen} = frame;
		const uses: string[] = [];
		for (let top = 0; top < Math.min(screen.rows, this.height); top += BLOCK_ROWS) {
			let block = '';
			for (let y = top; y < Math.min(top + BLOCK_ROWS, screen.rows, this.height); y++) {
				const markup = rowMarkup(screen, y, this.theme, this.colours);
				// A row's content stays on its line from frame to frame: the slot goes in the definition.
				if (markup) block += `<use href="#r${SvgWriter.idIn(this.rows, `${px(y * CELL_H + BASELINE)}|${markup}`)}"/>`;
			}
			if (block) uses.push(`<use href="#b${SvgWriter.idIn(this.blocks, block)}"/>`);
		}
		const cursor = screen.cursor;
		if (cursor) uses.push(`<rect x="${px(cursor.x * CELL_W)}" y="${cursor.y * CELL_H}" width="${CELL_W}" height="${CELL_H}" fill="${hex(this.theme.cursor)}" opacity="0.6"/>`);
		this.frames.push({time: frame.time, markup: uses.join('')});
	}

	get frameCount(): number {
		return this.frames.length;
	}

	private keyframes(total: number, frameHeight: number): string {
		const steps = this.frames.map((frame, index) => `${(Math.min(frame.time / total, 1) * 100).toFixed(4)}%{transform:translateY(${-index * frameHeight}px)}`);
		return `@keyframes play{${steps.join('')}100%{transform:translateY(${-(this.frames.length - 1) * frameHeight}px)}}`;
	}

	/** The SVG: `total` seconds per loop (the last frame held to it), markers as frame titles. */
	finish(total: number, markers: Marker[], title?: string): string {
		const width = this.cols * CELL_W;
		const height = this.height * CELL_H;
		const outerW = px(width + 2 * PAD);
		const outerH = px(height + 2 * PAD);
		const style = `.t{font-family:${FONTS};font-size:${FONT_SIZE}px;white-space:pre;fill:${hex(this.theme.foreground)}}.b{font-weight:bold}.i{font-style:italic}.u{text-decoration:underline}${this.colours.css()}` +
			`${this.keyframes(Math.max(total, 0.001), height)}.film{animation:play ${total.toFixed(3)}s step-end infinite}`;
		const rows = [...this.rows].map(([key, id]) => {
			const bar = key.indexOf('|');
			return `<g id="r${id}" transform="translate(0 ${key.slice(0, bar)})">${key.slice(bar + 1)}</g>`;
		});
		const defs = [...rows, ...[...this.blocks].map(([uses, id]) => `<g id="b${id}">${uses}</g>`)].join('\n');
		const chapter = (time: number) => markers.filter((marker) => marker.time <= time + 1e-6).at(-1)?.label;
		const frames = this.frames.map((frame, index) => {
			const label = chapter(frame.time);
			return `<g transform="translate(0 ${index * height})">${label ? `<title>${escapeXml(label)}</title>` : ''}${frame.markup}</g>`;
		}).join('\n');
		return `<svg xmlns="http://www.w3.org/2000/svg" width="${outerW}" height="${outerH}" viewBox="0 0 ${outerW} ${outerH}">\n` +
			`${title ? `<title>${escapeXml(title)}</title>\n` : ''}<style>${style}</style>\n<rect width="100%" height="100%" rx="6" fill="${hex(this.theme.background)}"/>\n` +
			`<defs>\n${defs}\n</defs>\n<svg x="${PAD}" y="${PAD}" width="${px(width)}" height="${height}" class="t">\n<g class="film">\n${frames}\n</g>\n</svg>\n</svg>\n`;
	}
}
