import stringWidth from 'string-width';

/**
 * Colour on a terminal, off when piped. NO_COLOR (any non-empty value) turns it off; FORCE_COLOR
 * turns it on when piped (FORCE_COLOR=0 or false, off). NO_COLOR wins: node's test runner sets
 * FORCE_COLOR for its children, and a user's explicit "no colour" should hold.
 */
export function useColor(stream: {isTTY?: boolean} = process.stdout, env: NodeJS.ProcessEnv = process.env): boolean {
	if (env.NO_COLOR) return false;
	const force = env.FORCE_COLOR;
	if (force !== undefined) return force !== '0' && force !== 'false';
	return Boolean(stream.isTTY) && env.TERM !== 'dumb';
}

const CODES = {bold: [1, 22], dim: [2, 22], red: [31, 39], green: [32, 39], yellow: [33, 39], blue: [34, 39], magenta: [35, 39], cyan: [36, 39], gray: [90, 39]} as const;
export type Style = keyof typeof CODES;

export function paint(text: string, style: Style, enabled = useColor()): string {
	if (!enabled) return text;
	const [open, close] = CODES[style];
	return `\u001B[${open}m${text}\u001B[${close}m`;
}

/** Pads to a display width: a Chinese character takes two columns. */
export function padEndWidth(text: string, width: number): string {
	return text + ' '.repeat(Math.max(0, width - stringWidth(text)));
}

/** A left-aligned text table with a header row; columns measured by display width. */
export function table(header: string[], rows: string[][]): string {
	const widths = header.map((cell, index) => Math.max(stringWidth(cell), ...rows.map((row) => stringWidth(row[index] ?? ''))));
	const format = (row: string[]) => row.map((cell, index) => (index === row.length - 1 ? cell : padEndWidth(cell, widths[index]!))).join('  ').trimEnd();
	return [format(header), ...rows.map(format)].join('\n');
}

export function print(text = ''): void {
	process.stdout.write(text + '\n');
}
