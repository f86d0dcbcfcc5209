import {test} from 'node:test';
import assert from 'node:assert/strict';
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {createSessionDir, listSessionDirs, removeSessionDir, sessionsRoot} from '../../../source/engine/runtime/session-dir.js';

test('session folders live in the user\'s cache folder, never the system temp folder', () => {
	assert.equal(sessionsRoot({}, 'linux', '/home/a'), '/home/a/.cache/redis-lab/sessions');
	assert.equal(sessionsRoot({XDG_CACHE_HOME: '/home/a/.xdg'}, 'linux', '/home/a'), '/home/a/.xdg/redis-lab/sessions');
	assert.equal(sessionsRoot({}, 'darwin', '/Users/a'), '/Users/a/Library/Caches/redis-lab/sessions');
	assert.equal(sessionsRoot({LOCALAPPDATA: 'C:/Users/a/AppData/Local'}, 'win32', 'C:/Users/a'), join('C:/Users/a/AppData/Local', 'redis-lab', 'sessions'));
	assert.equal(sessionsRoot({REDIS_LAB_CACHE_DIR: '/x', XDG_CACHE_HOME: '/y'}, 'darwin', '/Users/a'), '/x/sessions');
});

test('new folders go to the cache root; leftovers in the old temp location are still found', async () => {
	const cache = mkdtempSync(join(tmpdir(), 'redis-lab-cache-'));
	const before = process.env.REDIS_LAB_CACHE_DIR;
	process.env.REDIS_LAB_CACHE_DIR = cache;
	const legacy = join(tmpdir(), `redis-lab-unit-legacy-${process.pid}`);
	const unmarked = join(tmpdir(), `redis-lab-unit-unmarked-${process.pid}`);
	try {
		const dir = await createSessionDir(`unit-${process.pid}`, 'local');
		assert.equal(dir, join(cache, 'sessions', `redis-lab-unit-${process.pid}`));
		mkdirSync(legacy);
		writeFileSync(join(legacy, '.redis-lab-session'), JSON.stringify({sessionId: 'legacy', runtime: 'local', pid: 1, createdAt: ''}));
		mkdirSync(unmarked);
		const found = (await listSessionDirs()).map((each) => each.dir);
		assert.ok(found.includes(dir), 'the new folder');
		assert.ok(found.includes(legacy), 'the old temp folder');
		assert.ok(!found.includes(unmarked), 'never a folder without our marker');
		await removeSessionDir(dir);
	} finally {
		if (before === undefined) delete process.env.REDIS_LAB_CACHE_DIR;
		else process.env.REDIS_LAB_CACHE_DIR = before;
		rmSync(cache, {recursive: true, force: true});
		rmSync(legacy, {recursive: true, force: true});
		rmSync(unmarked, {recursive: true, force: true});
	}
});
