// What `list` shows, cached: parsing every lab's YAML costs about half a second; the cache costs a
// few stats. The cache is keyed by the folder, each file's size and modification time, and the version.
import {mkdirSync, readFileSync, readdirSync, statSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import type {Lab} from '../engine/lab/format/types.js';
import {configDir} from '../engine/lab/run/progress.js';

export type ListRow = Pick<Lab, 'id' | 'order' | 'title' | 'minutes' | 'runtimes'>;

/** The labs folder the loader reads (its LABS_DIR, found here without loading the loader). */
export function labsDir(): string {
	return process.env.REDIS_LAB_LABS_DIR ?? fileURLToPath(new URL('../../labs/', import.meta.url));
}

/** Changes whenever a lab file is added, removed or edited, or the package is updated. */
function keyOf(dir: string, version: string): string | undefined {
	try {
		const files = readdirSync(dir).filter((name) => name.endsWith('.yaml')).sort();
		return JSON.stringify([version, dir, ...files.map((name) => {
			const {size, mtimeMs} = statSync(join(dir, name));
			return [name, size, mtimeMs];
		})]);
	} catch {
		return undefined;
	}
}

/** The rows of `list`, from the cache when it is current, else from the loader (then cached). */
export async function listRows(version: string, cacheFile = join(configDir(), 'list-cache.json')): Promise<ListRow[]> {
	const dir = labsDir();
	const key = keyOf(dir, version);
	try {
		const cached = JSON.parse(readFileSync(cacheFile, 'utf8')) as {key: string; rows: ListRow[]};
		if (key !== undefined && cached.key === key) return cached.rows;
	} catch {
		// No cache yet, or a broken one: read the labs.
	}
	const {loadCatalogue} = await import('../engine/lab/format/loader.js');
	const rows = (await loadCatalogue(dir)).map(({id, order, title, minutes, runtimes}) => ({id, order, title, minutes, runtimes}));
	if (key !== undefined) {
		try {
			mkdirSync(join(cacheFile, '..'), {recursive: true});
			writeFileSync(cacheFile, JSON.stringify({key, rows}) + '\n');
		} catch {
			// A read-only home only makes `list` slower.
		}
	}
	return rows;
}
