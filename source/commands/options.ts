// Every flag of the command line, declared once: its syntax, its help text and how its value is read.
import {RedisLabError} from '../engine/base/errors.js';
import {DEFAULT_BASE_PORT, validateBasePort} from '../engine/topology/topology.js';
import type {RuntimeKind} from '../engine/runtime/types.js';
import type {Lang} from '../engine/lab/format/types.js';
import {cliMessages as m, type CliMessage} from '../i18n/cli.js';
import {both} from '../i18n/index.js';
import {THEMES} from '../record/render/themes.js';
import {ROOM} from '../i18n/room.js';
import {parseRoomUrl, validName} from '../engine/room/url.js';

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

export function parseSpeed(value: string): number {
	const speed = Number(value);
	if (value.trim() !== '' && Number.isFinite(speed) && speed > 0) return speed;
	throw new RedisLabError('BAD_INPUT', both(m.badSpeed, {value}));
}

export const parseCells = (option: string) => (value: string): number => {
	const cells = Number(value);
	if (/^\d+$/.test(value) && cells >= 1 && cells <= 1000) return cells;
	throw new RedisLabError('BAD_INPUT', both(m.badCells, {option, value}));
};

export function parseTheme(value: string): string {
	if (Object.hasOwn(THEMES, value)) return value;
	throw new RedisLabError('BAD_INPUT', both(m.unknownTheme, {value, themes: Object.keys(THEMES).join(', ')}));
}

export function parseStuck(value: string): number {
	const minutes = Number(value);
	if (value.trim() !== '' && Number.isFinite(minutes) && minutes > 0) return minutes;
	throw new RedisLabError('BAD_INPUT', both(ROOM.badStuck, {value}));
}

export function parsePort(value: string): number {
	const port = Number(value);
	if (/^\d+$/.test(value) && port >= 1 && port <= 65535) return port;
	throw new RedisLabError('BAD_INPUT', both(ROOM.badPort, {value}));
}

/** A room URL, checked now (`none` forgets the remembered room). */
export function parseRoom(value: string): string {
	if (value !== 'none') parseRoomUrl(value);
	return value;
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
	sources: {flags: '--sources', help: 'optionSources'},
	record: {flags: '--record <file.cast|.svg|.gif>', help: 'optionRecord'},
	speed: {flags: '--speed <factor>', help: 'optionSpeed', parse: parseSpeed},
	fromMarker: {flags: '--from-marker <marker>', help: 'optionFromMarker'},
	toMarker: {flags: '--to-marker <marker>', help: 'optionToMarker'},
	cols: {flags: '--cols <n>', help: 'optionCols', parse: parseCells('--cols')},
	rows: {flags: '--rows <n>', help: 'optionRows', parse: parseCells('--rows')},
	theme: {flags: '--theme <dark|light>', help: 'optionTheme', parse: parseTheme},
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
	room: {flags: '--room <url>', help: 'optionRoom', parse: parseRoom},
	name: {flags: '--name <name>', help: 'optionName', parse: validName},
	bind: {flags: '--bind <address>', help: 'optionBind'},
	port: {flags: '--port <n>', help: 'optionPort', parse: parsePort},
	stop: {flags: '--stop', help: 'optionStop'},
	json: {flags: '--json', help: 'optionJson'},
	export: {flags: '--export <file.csv>', help: 'optionExport'},
	stuck: {flags: '--stuck <minutes>', help: 'optionStuck', parse: parseStuck},
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
	/** `run`: print each step's sources. */
	sources?: boolean;
	record?: string;
	idleLimit?: number;
	speed?: number;
	fromMarker?: string;
	toMarker?: string;
	cols?: number;
	rows?: number;
	theme?: string;
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
	room?: string;
	name?: string;
	bind?: string;
	port?: number;
	stop?: boolean;
	json?: boolean;
	export?: string;
	stuck?: number;
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

/** What a command does once its arguments are parsed; resolves to the exit status. */
export type CommandAction = (args: string[], options: ParsedOptions & {lang: Lang}) => Promise<number>;
