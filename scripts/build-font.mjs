// Builds assets/unifont/unifont-bmp.hex.gz, the bitmap font the GIF renderer draws with, from GNU Unifont's
// .hex source (Debian's `unifont` package installs it at /usr/share/unifont/unifont.hex).
// Kept: Latin and the other alphabets, punctuation, arrows, box drawing, blocks and symbols (U+0000-33FF),
// the CJK Unified Ideographs (U+4E00-9FFF) and compatibility ideographs, CJK compatibility forms and the
// half- and full-width forms (U+FF00-FFFF). Usage: node scripts/build-font.mjs [unifont.hex]
import {readFileSync, writeFileSync} from 'node:fs';
import {gzipSync} from 'node:zlib';

const KEPT = [[0x0000, 0x33ff], [0x4e00, 0x9fff], [0xf900, 0xfaff], [0xfe30, 0xfe4f], [0xff00, 0xffff]];
const source = process.argv[2] ?? '/usr/share/unifont/unifont.hex';
const lines = readFileSync(source, 'utf8').split('\n').filter((line) => {
	const code = Number.parseInt(line.split(':')[0] ?? '', 16);
	return Number.isInteger(code) && KEPT.some(([from, to]) => code >= from && code <= to);
});
const out = new URL('../assets/unifont/unifont-bmp.hex.gz', import.meta.url);
writeFileSync(out, gzipSync(lines.join('\n') + '\n', {level: 9}));
console.log(`${lines.length} glyphs from ${source} -> ${out.pathname}`);
