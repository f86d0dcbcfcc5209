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

const PRINTABLE_ASCII = /^[\x20-\x7E]*$/;

/**
 * A left-aligned text table with a header row; columns measured by display width (a Chinese
 * character takes two columns). string-width is loaded only when a cell is not plain ASCII.
 */
export async function table(header: string[], rows: string[][]): Promise<string> {
	const cells = [header, ...rows].flat();
	const width = cells.every((cell) => PRINTABLE_ASCII.test(cell)) ? (text: string) => text.length : (await import('string-width')).default;
	const widths = header.map((cell, index) => Math.max(width(cell), ...rows.map((row) => width(row[index] ?? ''))));
	const pad = (cell: string, size: number) => cell + ' '.repeat(Math.max(0, size - width(cell)));
	const format = (row: string[]) => row.map((cell, index) => (index === row.length - 1 ? cell : pad(cell, widths[index]!))).join('  ').trimEnd();
	return [format(header), ...rows.map(format)].join('\n');
}

export function print(text = ''): void {
	process.stdout.write(text + '\n');
}
