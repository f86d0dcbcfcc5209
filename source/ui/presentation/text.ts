import stringWidth from 'string-width';

const widths = new Map<string, number>();
const PRINTABLE_ASCII = /^[\x20-\x7E]*$/;

/**
 * Display columns of `text` (CJK characters take two). Plain ASCII is its length; anything else
 * is remembered: a screen measures the same lines at every frame, and measuring is most of what
 * drawing one costs.
 */
export function width(text: string): number {
	if (PRINTABLE_ASCII.test(text)) return text.length;
	let known = widths.get(text);
	if (known === undefined) {
		if (widths.size > 20_000) widths.clear();
		known = stringWidth(text);
		widths.set(text, known);
	}
	return known;
}

/** Pads `text` with spaces to `columns` display columns (never cuts). */
export function pad(text: string, columns: number): string {
	return text + ' '.repeat(Math.max(0, columns - width(text)));
}

/** Pads on the left to `columns` display columns. */
export function padStart(text: string, columns: number): string {
	return ' '.repeat(Math.max(0, columns - width(text))) + text;
}

/** Cuts `text` to `columns` display columns, ending in … when cut. */
export function cut(text: string, columns: number): string {
	if (width(text) <= columns) return text;
	if (PRINTABLE_ASCII.test(text)) return columns <= 0 ? '' : `${text.slice(0, columns - 1)}…`;
	if (columns <= 0) return '';
	return `${head(text, columns - 1)}…`;
}

/** The longest start of `text` that fits `columns` display columns. */
function head(text: string, columns: number): string {
	let out = '';
	let used = 0;
	for (const char of text) {
		used += width(char);
		if (used > columns) break;
		out += char;
	}
	return out;
}

/** Cuts or pads `text` to exactly `columns` display columns. */
export function fit(text: string, columns: number): string {
	return pad(cut(text, columns), columns);
}

const CJK = '\\u2E80-\\u9FFF\\uAC00-\\uD7AF\\uF900-\\uFAFF\\uFF00-\\uFFEF';
const CLOSING = /^[，。、；：！？）」』】》〉’”]/;
const TOKENS = new RegExp(`[${CJK}]|[^\\s${CJK}]+|\\s+`, 'g');

/**
 * Word wrap to `columns` display columns: CJK characters break anywhere, a word longer than a line
 * is split. Every word is kept (see `wrapLines` to cap the line count).
 */
export function wrap(text: string, columns: number): string[] {
	const limit = Math.max(1, columns);
	const out: string[] = [];
	let line = '';
	let lineWidth = 0;
	for (const token of text.match(TOKENS) ?? []) {
		const piece = /^\s+$/.test(token) ? ' ' : token;
		const pieceWidth = width(piece);
		if (lineWidth + pieceWidth <= limit) {
			line += piece;
			lineWidth += pieceWidth;
			continue;
		}
		// A line never starts with closing punctuation (，。）…): the character before it moves down too.
		let carried = '';
		if (CLOSING.test(piece) && line.trim()) {
			carried = [...line].at(-1)!;
			line = [...line].slice(0, -1).join('');
		}
		if (line.trim()) out.push(line.trimEnd());
		line = '';
		lineWidth = 0;
		if (piece === ' ') continue;
		let rest = carried + piece;
		while (width(rest) > limit) {
			const first = head(rest, limit) || [...rest][0]!;
			out.push(first);
			rest = rest.slice(first.length);
		}
		line = rest;
		lineWidth = width(rest);
	}
	if (line.trim()) out.push(line.trimEnd());
	return out;
}

/** Word wrap into at most `lines` lines of `columns` columns, ending in … when text was left out. */
export function wrapLines(text: string, columns: number, lines: number): string[] {
	const all = wrap(text, columns);
	if (all.length <= lines) return all;
	const shown = all.slice(0, lines);
	let last = shown[lines - 1] ?? '';
	while (last && width(last) + 1 > columns) last = [...last].slice(0, -1).join('');
	shown[lines - 1] = `${last.trimEnd()}…`;
	return shown;
}

const IDEOGRAPH = new RegExp(`[${CJK}]`);
const FULLWIDTH_PUNCTUATION = /[\u3000-\u303F\uFF00-\uFF0F\uFF1A-\uFF20\uFF3B-\uFF40\uFF5B-\uFF65]/;

/**
 * Joins the lines of a paragraph: nothing between two CJK characters or next to full-width
 * punctuation, a space everywhere else (between words, and between CJK and Latin text).
 */
export function joinLines(text: string): string {
	return text.replace(/[ \t]*\n\s*/g, (_match, offset: number, whole: string) => {
		const before = whole.slice(0, offset).trimEnd().at(-1) ?? '';
		const after = whole.slice(offset).trimStart().charAt(0);
		if (FULLWIDTH_PUNCTUATION.test(before) || FULLWIDTH_PUNCTUATION.test(after)) return '';
		return IDEOGRAPH.test(before) && IDEOGRAPH.test(after) ? '' : ' ';
	});
}

/** One paragraph per line of the source text, each wrapped; blank source lines are kept as paragraph breaks. */
export function wrapParagraphs(text: string, columns: number): string[] {
	const paragraphs = text.trim().split(/\n\s*\n/).map(joinLines);
	return paragraphs.flatMap((paragraph, index) => [...(index > 0 ? [''] : []), ...wrap(paragraph, columns)]);
}
