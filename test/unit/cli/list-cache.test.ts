// `list` reads its rows from a cache that follows every edit of the lab files.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {listRows} from '../../../source/commands/list-cache.js';

const LABS = fileURLToPath(new URL('../../../labs/', import.meta.url));

test('the cache is written, used while the files are unchanged, and refreshed after an edit', async (t) => {
	const work = mkdtempSync(join(tmpdir(), 'redis-lab-list-'));
	const saved = process.env.REDIS_LAB_LABS_DIR;
	t.after(() => {
		if (saved === undefined) delete process.env.REDIS_LAB_LABS_DIR;
		else process.env.REDIS_LAB_LABS_DIR = saved;
		rmSync(work, {recursive: true, force: true});
	});
	const dir = join(work, 'labs');
	const cache = join(work, 'cache.json');
	mkdirSync(dir);
	for (const name of ['01-replication-command.yaml', '11-quorum.yaml']) copyFileSync(join(LABS, name), join(dir, name));
	process.env.REDIS_LAB_LABS_DIR = dir;

	const first = await listRows('1.0.0', cache);
	assert.deepEqual(first.map((row) => row.id), ['replication-command', 'quorum']);
	assert.ok(existsSync(cache));
	// A cache that says something else is believed while the key matches: proof it is read.
	const stored = JSON.parse(readFileSync(cache, 'utf8')) as {key: string; rows: Array<{id: string}>};
	writeFileSync(cache, JSON.stringify({key: stored.key, rows: [{...stored.rows[0], id: 'from-cache'}]}));
	assert.equal((await listRows('1.0.0', cache))[0]!.id, 'from-cache');
	assert.equal((await listRows('1.0.1', cache))[0]!.id, 'replication-command', 'a new version reads the labs');
	writeFileSync(cache, JSON.stringify({key: stored.key, rows: [{...stored.rows[0], id: 'from-cache'}]}));
	const file = join(dir, '11-quorum.yaml');
	writeFileSync(file, readFileSync(file, 'utf8').replace(/^minutes: \d+/m, 'minutes: 42'));
	const edited = await listRows('1.0.0', cache);
	assert.equal(edited[0]!.id, 'replication-command', 'an edited file reads the labs again');
	assert.equal(edited[1]!.minutes, 42);
});
