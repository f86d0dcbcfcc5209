import {parseArgs, type ParseArgsConfig} from 'node:util';
import {RedisLabError} from '../engine/errors.js';
import {DEFAULT_BASE_PORT, validateBasePort} from '../engine/topology.js';
import {parseRuntimeKind} from '../engine/runtime/detect.js';
import type {RuntimeKind} from '../engine/runtime/types.js';
import type {Lang} from '../engine/lab/types.js';

/** Flags shared by the commands that start servers. */
export const RUNTIME_FLAGS = {
	runtime: {type: 'string'},
	image: {type: 'string'},
	'base-port': {type: 'string'},
	password: {type: 'string'},
	'redis-bin': {type: 'string'},
	clean: {type: 'boolean'},
	keep: {type: 'boolean'},
	debug: {type: 'boolean'},
} as const satisfies ParseArgsConfig['options'];

export interface RuntimeFlags {
	runtime?: RuntimeKind;
	image?: string;
	basePort: number;
	password?: string;
	redisBin?: string;
	clean: boolean;
	keep: boolean;
}

/** parseArgs with one-line errors for unknown or malformed flags. */
export function parse<T extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: T, allowPositionals = true) {
	try {
		return parseArgs({args: argv, options, allowPositionals, strict: true});
	} catch (error) {
		const text = (error as Error).message.split('\n')[0]!.replace(/\. To specify a positional argument.*$/, '');
		throw new RedisLabError('BAD_INPUT', text, {hint: 'Run redis-lab --help for the commands and flags.'});
	}
}

export function runtimeFlags(values: Record<string, unknown>): RuntimeFlags {
	const basePort = values['base-port'] === undefined ? DEFAULT_BASE_PORT : validateBasePort(values['base-port'] as string);
	const password = values.password as string | undefined;
	if (password !== undefined && (password.length === 0 || /[\s"']/.test(password))) {
		throw new RedisLabError('BAD_INPUT', 'Bad --password: it must be non-empty, without spaces or quotes');
	}
	return {
		runtime: parseRuntimeKind(values.runtime as string | undefined),
		image: values.image as string | undefined,
		basePort,
		password,
		redisBin: values['redis-bin'] as string | undefined,
		clean: Boolean(values.clean),
		keep: Boolean(values.keep),
	};
}

export function parseLang(value: unknown): Lang {
	if (value === undefined) return process.env.LANG?.startsWith('zh') ? 'zh' : 'en';
	if (value === 'en' || value === 'zh') return value;
	throw new RedisLabError('BAD_INPUT', `Unknown language "${String(value)}"`, {hint: 'Use --lang en or --lang zh.'});
}
