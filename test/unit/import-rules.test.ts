// `npm run lint` runs dependency-cruiser with .dependency-cruiser.cjs: it must be able to fail.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {fileURLToPath} from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BROKEN = fileURLToPath(new URL('../fixtures/layers-broken', import.meta.url));
const DEPCRUISE = `${ROOT}node_modules/.bin/depcruise`;

function cruise(cwd: string) {
	return spawnSync(DEPCRUISE, ['source', '--config', `${ROOT}.dependency-cruiser.cjs`, '--output-type', 'err'], {cwd, encoding: 'utf8', timeout: 60_000});
}

test('the import rules fail on a circle, an arrow back up a layer and the engine importing the UI', () => {
	const result = cruise(BROKEN);
	assert.notEqual(result.status, 0, result.stdout + result.stderr);
	for (const rule of ['no-circular', 'no-upward-from-engine/base', 'engine-knows-no-app']) assert.match(result.stdout, new RegExp(`error ${rule}:`), `${rule} reported:\n${result.stdout}`);
});

test('the import rules pass on the app itself', () => {
	const result = cruise(ROOT);
	assert.equal(result.status, 0, result.stdout + result.stderr);
});
