import {RedisLabError} from './errors.js';
import {both} from '../../i18n/index.js';
import {ENGINE} from '../../i18n/engine.js';

const SAFE = /^[\w@%+=:,./-]+$/;

/** Quotes one argument for a POSIX shell, only when it needs it. */
export function shellQuote(arg: string): string {
	if (arg === '') return "''";
	if (SAFE.test(arg)) return arg;
	return `'${arg.replaceAll("'", `'\\''`)}'`;
}

export function shellJoin(args: string[]): string {
	return args.map(shellQuote).join(' ');
}

/**
 * Splits a redis-cli style command line into arguments: whitespace separates,
 * "double" and 'single' quotes group, backslash escapes inside double quotes.
 */
export function splitCommandLine(line: string): string[] {
	const args: string[] = [];
	let current = '';
	let quote: '"' | "'" | undefined;
	let started = false;
	for (let i = 0; i < line.length; i++) {
		const char = line[i]!;
		if (quote) {
			if (char === quote) quote = undefined;
			else if (char === '\\' && quote === '"' && i + 1 < line.length) current += unescape(line[++i]!);
			else current += char;
		} else if (char === '"' || char === "'") {
			quote = char;
			started = true;
		} else if (/\s/.test(char)) {
			if (started) args.push(current);
			current = '';
			started = false;
		} else {
			current += char;
			started = true;
		}
	}
	if (quote) throw new RedisLabError('BAD_INPUT', both(ENGINE.unbalancedQuote, {quote, line: line.slice(0, 80)}));
	if (started) args.push(current);
	return args;
}

function unescape(char: string): string {
	return ({n: '\n', r: '\r', t: '\t'} as Record<string, string>)[char] ?? char;
}

/** A heredoc that writes `text` to `path`. */
export function heredoc(path: string, text: string): string {
	const body = text.endsWith('\n') ? text : text + '\n';
	return `cat > ${shellQuote(path)} <<'EOF'\n${body}EOF`;
}
