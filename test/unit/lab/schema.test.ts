import {test} from 'node:test';
import assert from 'node:assert/strict';
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {parse, stringify} from 'yaml';
import {findLab, loadCatalogue, loadLab} from '../../../source/engine/lab/loader.js';
import {describeCheck, parseDuration} from '../../../source/engine/lab/schema.js';
import {RedisLabError} from '../../../source/engine/errors.js';

const fixture = new URL('../../fixtures/labs/00-fixture.yaml', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'redis-lab-schema-'));

/** Writes the fixture with one change, loads it, and returns the one-line error. */
async function brokenBy(name: string, change: (lab: any) => void, text?: string): Promise<string> {
	const lab = parse(readFileSync(fixture, 'utf8'));
	change(lab);
	const file = join(dir, `${name}.yaml`);
	writeFileSync(file, text ?? stringify(lab));
	try {
		await loadLab(file);
	} catch (error) {
		assert.ok(error instanceof RedisLabError && error.code === 'LAB_FILE', String(error));
		assert.ok(!error.message.includes('\n'), 'one line');
		assert.ok(error.message.includes(`${name}.yaml`), `names the file: ${error.message}`);
		return error.message.slice(error.message.indexOf(`${name}.yaml`) + name.length + 5);
	}
	throw new Error(`${name} loaded without error`);
}

test('the fixture lab is valid', async () => {
	const lab = await loadLab(fixture);
	assert.equal(lab.id, 'fixture');
	assert.equal(lab.steps[0]!.expect.length, 1);
});

test('broken lab files: one line naming the file, the step and the field', async () => {
	assert.equal(await brokenBy('bad-field', (lab) => (lab.steps[0].expect[0].role.iz = 'slave')), ': step 1 "follow": expect[0].role.iz: unknown field (known: node, is, within)');
	assert.equal(await brokenBy('unknown-node', (lab) => (lab.steps[0].do[1].cli.node = 'replica9')), ': step 1 "follow": do[1].cli.node: unknown node "replica9" (declared: master, replica1, or current-master)');
	assert.match(await brokenBy('unknown-action', (lab) => (lab.steps[0].do[0] = {strat: 'master'})), /^: step 1 "follow": do\[0\]: unknown action "strat" \(known: start, stop, /);
	assert.match(await brokenBy('unknown-check', (lab) => (lab.steps[0].expect[0] = {rolle: {node: 'master', is: 'master'}})), /^: step 1 "follow": expect\[0\]: unknown check "rolle" \(known: role, info, /);
	assert.equal(await brokenBy('missing-en', (lab) => (lab.title = {zh: '只有中文'})), ': title.en: required');
	assert.equal(await brokenBy('duplicate-step', (lab) => lab.steps.push(structuredClone(lab.steps[0]))), ': step 2 "follow": id: duplicate step id "follow"');
	assert.equal(await brokenBy('bad-duration', (lab) => (lab.steps[0].expect[0].role.within = 'soon')), ': step 1 "follow": expect[0].role.within: bad duration "soon" (use 500ms, 10s or 2m)');
	assert.equal(await brokenBy('isolate-local', (lab) => lab.steps[0].do.push({isolate: 'master'})), ': step 1 "follow": do[2].isolate: isolate needs the docker runtime: set runtimes: [docker]');
	assert.equal(await brokenBy('bad-role', (lab) => (lab.steps[0].expect[0].role.is = 'replica')), ': step 1 "follow": expect[0].role.is: must be master, slave, sentinel or down');
	assert.equal(await brokenBy('client-id', (lab) => lab.steps[0].expect.push({client: {id: 'app', lost: {equals: 0}}})), ': step 1 "follow": expect[1].client.id: no client-start with id "app" before this check');
	assert.match(await brokenBy('yaml-syntax', () => undefined, 'formatVersion: 1\nid: [unclosed\n'), /^: .*(line|at) /);
});

test('durations, labels, and lookup by number or id', async () => {
	assert.equal(parseDuration('10s'), 10_000);
	assert.equal(parseDuration('1.5s'), 1500);
	assert.equal(parseDuration('500ms'), 500);
	assert.equal(parseDuration('2m'), 120_000);
	assert.equal(parseDuration(250), 250);
	assert.equal(describeCheck({role: {node: 'replica1', is: 'slave'}}), 'replica1 role is slave');
	assert.equal(describeCheck({info: {node: 'master', field: 'connected_slaves', equals: 2}}), 'master connected_slaves = 2');
	assert.equal(describeCheck({event: {type: '+switch-master'}}), '+switch-master seen');
	const labs = await loadCatalogue();
	assert.equal(findLab(labs, '8').id, 'sentinel-failover');
	assert.equal(findLab(labs, '08').id, 'sentinel-failover');
	assert.throws(() => findLab(labs, 'nope'), (error: unknown) => error instanceof RedisLabError && error.code === 'UNKNOWN_LAB');
});
