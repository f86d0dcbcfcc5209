// The lab linter: every file in labs/ goes through the real loader, then catalogue-wide rules.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {readdirSync} from 'node:fs';
import {join} from 'node:path';
import {LABS_DIR, loadCatalogue, loadLab} from '../../../source/engine/lab/format/loader.js';
import {actionKind} from '../../../source/engine/lab/format/schema.js';
import type {Lab, Text} from '../../../source/engine/lab/format/types.js';

/** The catalogue of docs/labs.md, in its order. */
const IDS = ['replication-command', 'replication-config', 'read-only-replicas', 'heartbeat', 'offsets', 'sentinel-setup', 'sentinel-config', 'sentinel-failover', 'sentinel-logs', 'sentinel-rejoin', 'quorum', 'split-brain', 'client-failover'];
const HAN = /[\u4e00-\u9fff]/;

const files = readdirSync(LABS_DIR).filter((name) => name.endsWith('.yaml')).sort();

test('every lab file validates', async (t) => {
	for (const name of files) {
		await t.test(name, async () => {
			await loadLab(join(LABS_DIR, name));
		});
	}
});

test('13 labs with orders 1..13 in the order of the catalogue, named NN-id.yaml', async () => {
	const labs = await loadCatalogue(LABS_DIR);
	assert.deepEqual(labs.map((lab) => lab.id), IDS);
	assert.deepEqual(labs.map((lab) => lab.order), IDS.map((_, index) => index + 1));
	for (const lab of labs) assert.equal(lab.file, join(LABS_DIR, `${String(lab.order).padStart(2, '0')}-${lab.id}.yaml`));
});

test('every text is in English and Chinese', async () => {
	const missing: string[] = [];
	const need = (lab: Lab, where: string, text: Text | undefined) => {
		if (!text) return;
		if (!text.en?.trim()) missing.push(`${lab.id}: ${where}.en`);
		if (!text.zh || !HAN.test(text.zh)) missing.push(`${lab.id}: ${where}.zh`);
	};
	for (const lab of await loadCatalogue(LABS_DIR)) {
		need(lab, 'title', lab.title);
		need(lab, 'summary', lab.summary);
		need(lab, 'section', lab.section);
		lab.steps.forEach((step, index) => {
			const where = `step ${index + 1} "${step.id}"`;
			assert.ok(step.title && step.text, `${lab.id}: ${where} has a title and a text`);
			need(lab, `${where}: title`, step.title);
			need(lab, `${where}: text`, step.text);
			need(lab, `${where}: note`, step.note);
			need(lab, `${where}: hint`, step.hint);
			(step.sources ?? []).forEach((source, at) => need(lab, `${where}: sources[${at}].backs`, source.backs));
		});
	}
	assert.deepEqual(missing, [], 'texts without a translation');
});

test('labs that cut the network are docker-only; every other lab runs on both runtimes', async () => {
	for (const lab of await loadCatalogue(LABS_DIR)) {
		const actions = [...(lab.setup ?? []).flatMap((block) => block.do), ...lab.steps.flatMap((step) => step.do)];
		const cuts = actions.some((action) => actionKind(action) === 'isolate' || actionKind(action) === 'heal');
		assert.deepEqual(lab.runtimes, cuts ? ['docker'] : ['docker', 'local'], lab.id);
	}
});

test('the labs that correct the article say so in a note', async () => {
	const labs = await loadCatalogue(LABS_DIR);
	const noted = labs.filter((lab) => lab.steps.some((step) => step.note)).map((lab) => lab.id);
	for (const id of ['replication-config', 'read-only-replicas', 'heartbeat', 'offsets', 'sentinel-setup', 'sentinel-config', 'quorum']) assert.ok(noted.includes(id), `${id} has a correction note`);
});
