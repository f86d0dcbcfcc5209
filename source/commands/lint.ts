import {readdir, stat} from 'node:fs/promises';
import {RedisLabError} from '../engine/base/errors.js';
import {LABS_DIR} from '../engine/lab/format/loader.js';
import {lintLabs} from '../engine/lab/format/lint.js';
import {cliMessages as m} from '../i18n/cli.js';
import {t} from '../i18n/index.js';
import type {CommandAction} from './options.js';
import {print} from './output.js';

/** How many lab files `path` names: the `*.yaml` of a folder, or one file. */
async function countLabs(path: string): Promise<number> {
	try {
		return (await stat(path)).isDirectory() ? (await readdir(path)).filter((name) => name.endsWith('.yaml')).length : 1;
	} catch {
		return 0;
	}
}

export interface LintReport {
	/** Lab files read. */
	checked: number;
	/** One line per error, naming the file and the field. */
	errors: string[];
}

/** Every mistake of a folder of labs (or one lab file), one line each. */
export async function lintPath(path: string): Promise<LintReport> {
	const checked = await countLabs(path);
	if (checked === 0) return {checked, errors: []};
	return {checked, errors: (await lintLabs(path)).map(({file, message}) => `${file}: ${message}`)};
}

/** `redis-lab lint [DIR]`: one line per error on stderr and exit 2, or "N labs OK". */
export const lint: CommandAction = async ([path], {lang}) => {
	const target = path ?? process.env.REDIS_LAB_LABS_DIR ?? LABS_DIR;
	const {checked, errors} = await lintPath(target);
	if (checked === 0) throw new RedisLabError('LAB_FILE', t(lang, m.lintNoLabs, {dir: target}));
	for (const error of errors) process.stderr.write(`${error}\n`);
	if (errors.length === 0) {
		print(t(lang, m.lintOk, {count: checked}));
		return 0;
	}
	if (checked > 1) process.stderr.write(`${t(lang, m.lintFailed, {failed: errors.length, count: checked})}\n`);
	return 2;
};
