import {readdir, readFile} from 'node:fs/promises';
import {join, relative} from 'node:path';
import {fileURLToPath} from 'node:url';
import {parse} from 'yaml';
import {RedisLabError} from '../errors.js';
import {validateLab} from './schema.js';
import type {Lab} from './types.js';

export const LABS_DIR = fileURLToPath(new URL('../../../labs/', import.meta.url));

export async function loadLab(file: string): Promise<Lab> {
	const shown = relative(process.cwd(), file) || file;
	let data: unknown;
	try {
		data = parse(await readFile(file, 'utf8'));
	} catch (error) {
		throw new RedisLabError('LAB_FILE', `${shown}: ${(error as Error).message.split('\n')[0]}`);
	}
	return validateLab(data, shown);
}

export async function loadCatalogue(dir = process.env.REDIS_LAB_LABS_DIR ?? LABS_DIR): Promise<Lab[]> {
	const files = (await readdir(dir)).filter((name) => name.endsWith('.yaml')).sort();
	const labs = await Promise.all(files.map((name) => loadLab(join(dir, name))));
	return labs.sort((a, b) => a.order - b.order);
}

export function findLab(labs: Lab[], idOrNumber: string): Lab {
	const number = /^\d+$/.test(idOrNumber) ? Number(idOrNumber) : undefined;
	const lab = labs.find((candidate) => candidate.id === idOrNumber || candidate.order === number);
	if (!lab) throw new RedisLabError('UNKNOWN_LAB', `Unknown lab "${idOrNumber}"`, {hint: 'Run redis-lab list to see the labs.'});
	return lab;
}
