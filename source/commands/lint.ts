import {readdir, stat} from 'node:fs/promises';
import {join} from 'node:path';
import {RedisLabError, messageOf} from '../engine/errors.js';
import {LABS_DIR, loadCatalogue, loadLab} from '../engine/lab/loader.js';
import {cliMessages as m} from '../i18n/cli.js';
import {t} from '../i18n/index.js';
import type {CommandAction} from './program.js';
import {print} from './output.js';

export interface LintReport {
	/** Lab files read. */
	checked: number;
	/** One line per error, naming the file and the field. */
	errors: string[];
}

/**
 * Checks a folder of labs (or one lab file) with the loader: each file on its own, then the folder
 * as a catalogue (ids and orders unique). The lab library's `lintLabs(dir)` can take its place.
 */
export async function lintPath(path: string): Promise<LintReport> {
	let folder: boolean;
	try {
		folder = (await stat(path)).isDirectory();
	} catch (error) {
		throw new RedisLabError('LAB_FILE', `${path}: ${messageOf(error)}`, {cause: error});
	}
	const files = folder ? (await readdir(path)).filter((name) => name.endsWith('.yaml')).sort().map((name) => join(path, name)) : [path];
	const errors: string[] = [];
	for (const file of files) {
		try {
			await loadLab(file);
		} catch (error) {
			errors.push(messageOf(error));
		}
	}
	if (folder && errors.length === 0 && files.length > 1) {
		try {
			await loadCatalogue(path);
		} catch (error) {
			errors.push(messageOf(error));
		}
	}
	return {checked: files.length, errors};
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
