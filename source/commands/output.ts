/** Plain text when stdout is not a terminal or NO_COLOR is set. */
export function useColor(stream: NodeJS.WriteStream = process.stdout): boolean {
	return Boolean(stream.isTTY) && !('NO_COLOR' in process.env) && process.env.TERM !== 'dumb';
}

const CODES = {bold: [1, 22], dim: [2, 22], red: [31, 39], green: [32, 39], yellow: [33, 39], blue: [34, 39], magenta: [35, 39], cyan: [36, 39], gray: [90, 39]} as const;
export type Style = keyof typeof CODES;

export function paint(text: string, style: Style, enabled = useColor()): string {
	if (!enabled) return text;
	const [open, close] = CODES[style];
	return `\u001B[${open}m${text}\u001B[${close}m`;
}

/** A left-aligned text table with a header row. */
export function table(header: string[], rows: string[][]): string {
	const widths = header.map((cell, index) => Math.max(cell.length, ...rows.map((row) => (row[index] ?? '').length)));
	const format = (row: string[]) => row.map((cell, index) => (index === row.length - 1 ? cell : cell.padEnd(widths[index]!))).join('  ').trimEnd();
	return [format(header), ...rows.map(format)].join('\n');
}

export function print(text = ''): void {
	process.stdout.write(text + '\n');
}
