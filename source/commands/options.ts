// Every flag of the command line, declared once: its syntax, its help text and how its value is read.
import {RedisLabError} from '../engine/errors.js';
import {DEFAULT_BASE_PORT, validateBasePort} from '../engine/topology.js';
import type {RuntimeKind} from '../engine/runtime/types.js';
import type {Lang} from '../engine/lab/types.js';
import {cliMessages as m, type CliMessage} from '../i18n/cli.js';
import {both} from '../i18n/index.js';

/** One flag: commander's syntax, its help text, and a parser that throws a one-line error. */
export interface OptionSpec {
	flags: string;
	help: CliMessage;
	parse?: (value: string) => unknown;
}

export function parseRuntimeKind(value: string): RuntimeKind {
	if (value === 'docker' || value === 'local') return value;
	throw new RedisLabError('BAD_INPUT', both(m.unknownRuntime, {value}), {hint: both(m.hintRuntime)});
}

export function parseLang(value: string): Lang {
	if (value === 'en' || value === 'zh') return value;
	throw new RedisLabError('BAD_INPUT', both(m.unknownLang, {value}), {hint: both(m.hintLang)});
}

export function parsePassword(value: string): string {
	if (value.length === 0 || /[\s"']/.test(value)) throw new RedisLabError('BAD_INPUT', both(m.badPassword));
	return value;
}

export function parseSentinels(value: string): 2 | 3 {
	if (value === '2' || value === '3') return Number(value) as 2 | 3;
	throw new RedisLabError('BAD_INPUT', both(m.badSentinels, {value}));
}

export function parseDownAfter(value: string): number {
	const ms = Number(value);
	if (/^\d+$/.test(value) && ms >= 1000) return ms;
	throw new RedisLabError('BAD_INPUT', both(m.badDownAfter, {value}));
}

export function parseIdleLimit(value: string): number {
	const seconds = Number(value);
	if (value.trim() !== '' && Number.isFinite(seconds) && seconds > 0) return seconds;
	throw new RedisLabError('BAD_INPUT', both(m.badIdleLimit, {value}));
}

export function parsePaceOption(value: string): 'slow' | 'normal' | 'fast' {
	if (value === 'slow' || value === 'normal' || value === 'fast') return value;
	throw new RedisLabError('BAD_INPUT', both(m.badPace, {value}));
}

export const OPTIONS = {
	runtime: {flags: '--runtime <docker|local>', help: 'optionRuntime', parse: parseRuntimeKind},
	image: {flags: '--image <image>', help: 'optionImage'},
	basePort: {flags: '--base-port <n|auto>', help: 'optionBasePort', parse: (value) => (value === 'auto' ? 'auto' : validateBasePort(value))},
	password: {flags: '--password <p>', help: 'optionPassword', parse: parsePassword},
	redisBin: {flags: '--redis-bin <dir>', help: 'optionRedisBin'},
	sentinels: {flags: '--sentinels <2|3>', help: 'optionSentinels', parse: parseSentinels},
	downAfter: {flags: '--down-after <ms>', help: 'optionDownAfter', parse: parseDownAfter},
	from: {flags: '--from <step>', help: 'optionFrom'},
	record: {flags: '--record <file.cast>', help: 'optionRecord'},
	idleLimit: {flags: '--idle-limit <seconds>', help: 'optionIdleLimit', parse: parseIdleLimit},
	autoplay: {flags: '--autoplay', help: 'optionAutoplay'},
	pace: {flags: '--pace <slow|normal|fast>', help: 'optionPace', parse: parsePaceOption},
	demo: {flags: '--demo', help: 'optionDemo'},
	clean: {flags: '--clean', help: 'optionClean'},
	keep: {flags: '--keep', help: 'optionKeep'},
	lang: {flags: '--lang <en|zh>', help: 'optionLang', parse: parseLang},
	reset: {flags: '--reset', help: 'optionReset'},
	debug: {flags: '--debug', help: 'optionDebug'},
	session: {flags: '--session <id>', help: 'optionSession'},
	all: {flags: '--all', help: 'optionAll'},
} as const satisfies Record<string, OptionSpec>;

export type OptionName = keyof typeof OPTIONS;

/** The flags that start servers, as most commands take them. */
export const RUNTIME_OPTIONS = ['runtime', 'image', 'basePort', 'password', 'redisBin', 'clean', 'keep'] as const satisfies readonly OptionName[];

/** The values commander hands a command's action, by option name. */
export interface ParsedOptions {
	runtime?: RuntimeKind;
	image?: string;
	basePort?: number | 'auto';
	password?: string;
	redisBin?: string;
	sentinels?: 2 | 3;
	downAfter?: number;
	/** A step number (1-based) or a step id. */
	from?: string;
	record?: string;
	idleLimit?: number;
	autoplay?: boolean;
	pace?: 'slow' | 'normal' | 'fast';
	demo?: boolean;
	clean?: boolean;
	keep?: boolean;
	lang?: Lang;
	reset?: boolean;
	debug?: boolean;
	session?: string;
	all?: boolean;
}

/** Flags shared by the commands that start servers. */
export interface RuntimeFlags {
	runtime?: RuntimeKind;
	image?: string;
	basePort: number;
	/** How the base port was chosen: given (--base-port n), auto (--base-port auto), or the default (moved when taken). */
	portChoice: 'given' | 'auto' | 'default';
	password?: string;
	redisBin?: string;
	clean: boolean;
	keep: boolean;
}

export function runtimeFlags(options: ParsedOptions): RuntimeFlags {
	return {
		runtime: options.runtime,
		image: options.image,
		basePort: typeof options.basePort === 'number' ? options.basePort : DEFAULT_BASE_PORT,
		portChoice: typeof options.basePort === 'number' ? 'given' : options.basePort ?? 'default',
		password: options.password,
		redisBin: options.redisBin,
		clean: Boolean(options.clean),
		keep: Boolean(options.keep),
	};
}
