import {readdir, readFile} from 'node:fs/promises';
import {isAbsolute, join, relative, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import {parse, YAMLParseError} from 'yaml';
import {RedisLabError, messageOf} from '../../base/errors.js';
import {validateLab} from './schema.js';
import type {Lab} from './types.js';
import {both} from '../../../i18n/index.js';
import {ENGINE} from '../../../i18n/engine.js';

/**
 * The package's `labs/` folder. From `source/engine/lab/format/` (tsx) and from `dist/engine/lab/format/`
 * (compiled, dist mirrors source) it is four levels up.
 */
export const LABS_DIR = fileURLToPath(new URL('../../../../labs/', import.meta.url));

/** A path as shown in messages: relative to the working folder when inside it. */
export function shown(file: string): string {
	const path = relative(process.cwd(), file);
	return path && !path.startsWith('..') && !isAbsolute(path) ? path : file;
}

const YAML_HINT = 'Check the indentation (spaces, not tabs) and the brackets and quotes on that line.';

/** A lab file's YAML as data, or its syntax error as `line:col: message` (one line). */
export function parseLabText(text: string): {data: unknown} | {error: string} {
	try {
		return {data: parse(text)};
	} catch (error) {
		if (!(error instanceof YAMLParseError)) return {error: messageOf(error)};
		const at = error.linePos?.[0];
		const message = messageOf(error).replace(/ at line \d+, column \d+:?$/, '');
		return {error: `${at ? `${at.line}:${at.col}: ` : ''}${message}`};
	}
}

/** Reads, parses and validates one lab file; every mistake becomes one line naming the file. */
export async function loadLab(file: string): Promise<Lab> {
	const name = shown(file);
	let text: string;
	try {
		text = await readFile(file, 'utf8');
	} catch (error) {
		throw new RedisLabError('LAB_FILE', `${name}: cannot read: ${messageOf(error)}`, {cause: error});
	}
	const parsed = parseLabText(text);
	if ('error' in parsed) throw new RedisLabError('LAB_FILE', `${name}${/^\d+:\d+: /.test(parsed.error) ? ':' : ': '}${parsed.error}`, {hint: YAML_HINT});
	return {...validateLab(parsed.data, name), file: resolve(file)};
}

/**
 * Every `*.yaml` lab of a folder (default: the package's `labs/`, or `REDIS_LAB_LABS_DIR`),
 * sorted by `order`. Throws the first broken file (in file-name order), or a duplicate id or order.
 */
export async function loadCatalogue(dir: string = process.env.REDIS_LAB_LABS_DIR ?? LABS_DIR): Promise<Lab[]> {
	let names: string[];
	try {
		names = (await readdir(dir)).filter((entry) => entry.endsWith('.yaml')).sort();
	} catch (error) {
		throw new RedisLabError('LAB_FILE', `${shown(dir)}: cannot read the labs folder: ${messageOf(error)}`, {cause: error});
	}
	const results = await Promise.allSettled(names.map((entry) => loadLab(join(dir, entry))));
	const failed = results.filter((result): result is PromiseRejectedResult => result.status === 'rejected');
	if (failed.length > 0) {
		const first = failed[0]!.reason as Error;
		if (failed.length === 1 || !(first instanceof RedisLabError)) throw first;
		throw new RedisLabError('LAB_FILE', first.message, {cause: first, hint: `${failed.length - 1} more lab file(s) have errors too; ${first.hint ?? ''}`.trim()});
	}
	const labs = results.map((result) => (result as PromiseFulfilledResult<Lab>).value);
	const byId = new Map<string, Lab>();
	const byOrder = new Map<number, Lab>();
	for (const lab of labs) {
		const sameId = byId.get(lab.id);
		if (sameId) throw new RedisLabError('LAB_FILE', `${shown(lab.file)}: id: "${lab.id}" is already used by ${shown(sameId.file)}`);
		const sameOrder = byOrder.get(lab.order);
		if (sameOrder) throw new RedisLabError('LAB_FILE', `${shown(lab.file)}: order: ${lab.order} is already used by ${shown(sameOrder.file)}`);
		byId.set(lab.id, lab);
		byOrder.set(lab.order, lab);
	}
	return labs.sort((a, b) => a.order - b.order);
}

/** The lab named by id, or by its number (`3`, `03`). */
export function findLab(labs: readonly Lab[], idOrNumber: string | number): Lab {
	const text = String(idOrNumber).trim();
	const number = /^\d+$/.test(text) ? Number(text) : undefined;
	const lab = labs.find((candidate) => candidate.id === text || candidate.order === number);
	if (!lab) throw new RedisLabError('UNKNOWN_LAB', both(ENGINE.unknownLab, {text}));
	return lab;
}
