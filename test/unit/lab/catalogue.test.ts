import {test} from 'node:test';
import assert from 'node:assert/strict';
import {loadCatalogue} from '../../../source/engine/lab/loader.js';

const IDS = ['replication-command', 'replication-config', 'read-only-replicas', 'heartbeat', 'offsets', 'sentinel-setup', 'sentinel-config', 'sentinel-failover', 'sentinel-logs', 'sentinel-rejoin', 'quorum', 'split-brain', 'client-failover'];

test('the catalogue: 13 valid labs in the order of the article', async () => {
	const labs = await loadCatalogue();
	assert.deepEqual(labs.map((lab) => lab.id), IDS);
	assert.deepEqual(labs.map((lab) => lab.order), IDS.map((_, index) => index + 1));
});

test('every lab speaks English and Chinese', async () => {
	for (const lab of await loadCatalogue()) {
		for (const text of [lab.title, lab.summary, ...lab.steps.flatMap((step) => [step.title, step.text, ...(step.note ? [step.note] : []), ...(step.hint ? [step.hint] : [])])]) {
			assert.ok(text.en.trim().length > 0, `${lab.id}: en`);
			assert.ok(text.zh && /[\u4e00-\u9fff]/.test(text.zh), `${lab.id}: zh missing for "${text.en.slice(0, 40)}"`);
		}
	}
});

test('labs that cut the network are docker-only; every other lab runs on both runtimes', async () => {
	for (const lab of await loadCatalogue()) {
		const isolates = lab.steps.some((step) => step.do.some((action) => 'isolate' in action || 'heal' in action));
		assert.deepEqual(lab.runtimes, isolates ? ['docker'] : ['docker', 'local'], lab.id);
	}
});

test('each lab corrects the article somewhere or goes beyond it', async () => {
	const labs = await loadCatalogue();
	const notes = labs.filter((lab) => lab.steps.some((step) => step.note)).map((lab) => lab.id);
	for (const id of ['replication-config', 'read-only-replicas', 'heartbeat', 'offsets', 'sentinel-setup', 'sentinel-config', 'quorum']) assert.ok(notes.includes(id), `${id} has a correction note`);
});
