import {after, test} from 'node:test';
import assert from 'node:assert/strict';
import React from 'react';
import {loadCatalogue} from '../../source/engine/lab/format/loader.js';
import {LabScreen} from '../../source/ui/LabScreen.js';
import type {Lang} from '../../source/engine/lab/format/types.js';
import type {LabSessionState} from '../../source/engine/lab/run/state.js';
import {FakeSession} from './fake-session.js';
import {labState} from './screen-state.js';
import {renderSized} from './sized.js';

const tick = () => new Promise((resolve) => setTimeout(resolve, 30));
const offsets = (await loadCatalogue()).find((lab) => lab.id === 'offsets')!;
const mounted: Array<() => void> = [];
after(() => mounted.forEach((unmount) => unmount()));

/** The first line of the lab screen (its header), for a session state. */
async function header(extra: Partial<LabSessionState>, lang: Lang, columns = 120): Promise<{first: string; session: FakeSession; frame: () => string}> {
	const session = new FakeSession(labState(offsets, 0, extra));
	const screen = renderSized(<LabScreen handle={session} lang={lang} onQuit={() => undefined} active />, columns, 40);
	mounted.push(screen.unmount);
	for (let i = 0; i < 100 && !screen.frame(); i++) await tick();
	await tick();
	return {first: screen.frame().split('\n')[0]!, session, frame: () => screen.frame().split('\n')[0]!};
}

test('header: the server and its version once a node said it (Valkey 8.0.1 on docker, Redis 7.2.6 local)', async () => {
	const valkey = await header({runtime: 'docker', runtimeLabel: 'valkey/valkey:8', server: {flavour: 'valkey', version: '8.0.1'}}, 'en');
	assert.match(valkey.first, /· docker · valkey\/valkey:8 · Valkey 8\.0\.1$/);
	const redis = await header({runtime: 'local', runtimeLabel: 'redis-server', server: {flavour: 'redis', version: '7.2.6'}}, 'zh');
	assert.match(redis.first, /· local · redis-server · Redis 7\.2\.6$/);
});

test('header: nothing about the server before it is known, then it appears when the session learns it', async () => {
	const screen = await header({runtime: 'docker', runtimeLabel: 'redis:7.2'}, 'en');
	assert.match(screen.first, /· docker · redis:7\.2$/);
	screen.session.set({server: {flavour: 'redis', version: '7.2.6'}});
	for (let i = 0; i < 50 && !/Redis 7\.2\.6/.test(screen.frame()); i++) await tick();
	assert.match(screen.frame(), /· docker · redis:7\.2 · Redis 7\.2\.6$/);
});

test('header: a server outside the support table is named with its warning', async () => {
	const warning = {en: 'Valkey 9.0.0 is not in redis-lab\'s support table (Redis 7, Redis 8, Valkey 7, Valkey 8): some checks may fail', zh: 'Valkey 9.0.0 不在 redis-lab 的支持列表里'};
	const screen = await header({runtime: 'docker', runtimeLabel: 'valkey/valkey:9', server: {flavour: 'valkey', version: '9.0.0'}, serverWarning: warning}, 'en', 200);
	assert.match(screen.first, /Valkey 9\.0\.0 · ⚠ Valkey 9\.0\.0 is not in redis-lab's support table/);
});
