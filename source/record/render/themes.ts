// The colours a picture is drawn in. The app paints with the terminal's 16 named colours, so a theme
// says what those are, with the default foreground, background and the cursor.
import {TRUE_COLOR} from './cell-style.js';

export interface Theme {
	name: string;
	background: number;
	foreground: number;
	cursor: number;
	/** black, red, green, yellow, blue, magenta, cyan, white, then their bright variants. */
	ansi: readonly number[];
}

/** The app's own look: a dark terminal (the default). */
const dark: Theme = {
	name: 'dark',
	background: 0x1a1b26,
	foreground: 0xd0d4e0,
	cursor: 0xc0caf5,
	ansi: [0x24283b, 0xf7768e, 0x9ece6a, 0xe0af68, 0x7aa2f7, 0xbb9af7, 0x7dcfff, 0xc0caf5, 0x6b7089, 0xff8fa3, 0xb9f27c, 0xffc777, 0x8db4ff, 0xcaa9fa, 0x9fe0ff, 0xffffff],
};

/** For light pages: dark text on white. */
const light: Theme = {
	name: 'light',
	background: 0xfdfdfd,
	foreground: 0x2e3440,
	cursor: 0x1f5fbf,
	ansi: [0x2e3440, 0xc0263a, 0x2b7a0b, 0x9a6a00, 0x1f5fbf, 0x8a3fb5, 0x00788a, 0xa0a4ac, 0x6e7580, 0xd6334a, 0x3a8f16, 0xb07d00, 0x2f6fd6, 0x9b4fc6, 0x0a8a9c, 0x1a1d23],
};

export const THEMES: Readonly<Record<string, Theme>> = {dark, light};

/** Colour n (16-255) of xterm's 256-colour palette: a 6x6x6 cube, then 24 greys. */
export function xterm256(n: number): number {
	if (n >= 232) {
		const grey = 8 + (n - 232) * 10;
		return (grey << 16) | (grey << 8) | grey;
	}
	const cube = n - 16;
	const level = (v: number) => (v === 0 ? 0 : 55 + v * 40);
	return (level(Math.floor(cube / 36)) << 16) | (level(Math.floor(cube / 6) % 6) << 8) | level(cube % 6);
}

/** The RGB of a cell colour (see Screen): default, palette or true colour. */
export function rgbOf(colour: number, theme: Theme, fallback: number): number {
	if (colour < 0) return fallback;
	if (colour >= TRUE_COLOR) return colour & 0xffffff;
	return colour < 16 ? theme.ansi[colour]! : xterm256(colour);
}

/** Halfway between a colour and the background: how dim text looks. */
export function dimmed(rgb: number, background: number): number {
	const mix = (shift: number) => (((rgb >> shift) & 0xff) + ((background >> shift) & 0xff)) >> 1;
	return (mix(16) << 16) | (mix(8) << 8) | mix(0);
}

export const hex = (rgb: number) => `#${rgb.toString(16).padStart(6, '0')}`;

/** Foreground and background RGB of one cell, inverse and dim applied. */
export function cellColours(fg: number, bg: number, inverse: boolean, dim: boolean, theme: Theme): [number, number] {
	let front = rgbOf(fg, theme, theme.foreground);
	let back = rgbOf(bg, theme, theme.background);
	if (inverse) [front, back] = [back, front];
	if (dim) front = dimmed(front, back);
	return [front, back];
}
