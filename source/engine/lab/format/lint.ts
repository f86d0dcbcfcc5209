import {readdir, readFile, stat} from 'node:fs/promises';
import {basename, dirname, join} from 'node:path';
import {messageOf, RedisLabError} from '../../base/errors.js';
import {parseLabText, shown} from './loader.js';
import {sourceProblems} from './cross-check.js';
import {labProblems, lineOf} from './schema.js';
import type {Lab} from './types.js';

/** One mistake: the file (as shown to the user) and what is wrong where, e.g. `step 2 "follow": expect[0].role.iz: unknown field (...)`. */
export interface LintProblem {
	file: string;
	message: string;
}

/**
 * Validates every `*.yaml` lab of a folder and reports every mistake, one line each (print
 * `${file}: ${message}`): YAML syntax, fields, the rules between fields, a step with narrative
 * and no sources, and ids or orders used
 * twice in the folder. An empty list means the folder is clean. `path` may also name one lab
 * file. A folder or file that cannot be read throws LAB_FILE.
 */
export async function lintLabs(path: string): Promise<LintProblem[]> {
	let dir = path;
	let names: string[];
	try {
		if ((await stat(path)).isFile()) {
			dir = dirname(path);
			names = [basename(path)];
		} else {
			names = (await readdir(dir)).filter((entry) => entry.endsWith('.yaml')).sort();
		}
	} catch (error) {
		throw new RedisLabError('LAB_FILE', `${shown(path)}: cannot read: ${messageOf(error)}`, {cause: error, hint: 'Name a folder of lab files (default labs/) or one lab file.'});
	}
	const problems: LintProblem[] = [];
	const labs: Lab[] = [];
	for (const name of names) {
		const file = shown(join(dir, name));
		let text: string;
		try {
			text = await readFile(join(dir, name), 'utf8');
		} catch (error) {
			problems.push({file, message: `cannot read: ${messageOf(error)}`});
			continue;
		}
		const parsed = parseLabText(text);
		if ('error' in parsed) {
			problems.push({file, message: parsed.error});
			continue;
		}
		const {lab, lines} = labProblems(parsed.data, '');
		problems.push(...lines.map((message) => ({file, message})));
		if (lab && lines.length === 0) problems.push(...sourceProblems(lab).map((problem) => ({file, message: lineOf('', problem)})));
		if (lab && lines.length === 0) labs.push({...lab, file});
	}
	for (const [field, value] of [['id', (lab: Lab) => lab.id], ['order', (lab: Lab) => lab.order]] as const) {
		const first = new Map<string | number, Lab>();
		for (const lab of labs) {
			const same = first.get(value(lab));
			if (same) problems.push({file: lab.file, message: `${field}: ${JSON.stringify(value(lab))} is already used by ${same.file}`});
			else first.set(value(lab), lab);
		}
	}
	return problems;
}
