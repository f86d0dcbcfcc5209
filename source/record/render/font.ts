// The bitmap font GIFs are drawn with: GNU Unifont (8x16 pixels, 16x16 for wide characters), shipped in
// assets/unifont (see its LICENSE.txt). Each glyph is decoded once, when first drawn.
import {readFileSync} from 'node:fs';
import {gunzipSync} from 'node:zlib';

export const GLYPH_H = 16;

/** A glyph: `width` (8 or 16) columns by 16 rows, one byte per pixel (1 = ink). */
export interface Glyph {
	width: number;
	pixels: Uint8Array;
}

const FONT_FILE = new URL('../../../assets/unifont/unifont-bmp.hex.gz', import.meta.url);

let hexes: Map<number, string> | undefined;
const glyphs = new Map<number, Glyph>();

/** Code point to the glyph's hex string, read once from the shipped file. */
function hexOf(code: number): string | undefined {
	if (!hexes) {
		hexes = new Map();
		for (const line of gunzipSync(readFileSync(FONT_FILE)).toString('latin1').split('\n')) {
			const colon = line.indexOf(':');
			if (colon > 0) hexes.set(Number.parseInt(line.slice(0, colon), 16), line.slice(colon + 1));
		}
	}
	return hexes.get(code);
}

function decode(hex: string): Glyph {
	const width = hex.length === 64 ? 16 : 8;
	const pixels = new Uint8Array(width * GLYPH_H);
	const perRow = width / 4;
	for (let row = 0; row < GLYPH_H; row++) {
		const bits = Number.parseInt(hex.slice(row * perRow, (row + 1) * perRow), 16);
		for (let column = 0; column < width; column++) pixels[row * width + column] = (bits >> (width - 1 - column)) & 1;
	}
	return {width, pixels};
}

/** The glyph of a cell's text (its first code point); U+FFFD's when the font has none. */
export function glyphOf(text: string): Glyph {
	const code = text.codePointAt(0) ?? 0x20;
	let glyph = glyphs.get(code);
	if (!glyph) {
		const hex = hexOf(code) ?? hexOf(0xfffd)!;
		glyph = decode(hex);
		glyphs.set(code, glyph);
	}
	return glyph;
}
