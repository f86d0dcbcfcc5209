import {test} from 'node:test';
import assert from 'node:assert/strict';
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join, relative} from 'node:path';
import {fileURLToPath} from 'node:url';
import {parse, stringify} from 'yaml';
import {LABS_DIR, loadLab} from '../../../source/engine/lab/format/loader.js';
import {lintLabs} from '../../../source/engine/lab/format/lint.js';

const brokenDir = fileURLToPath(new URL('../../fixtures/labs-broken/', import.meta.url));
const fixture = fileURLToPath(new URL('../../fixtures/labs/00-fixture.yaml', import.meta.url));

test('lint: the labs folder is clean', async () => {
	assert.deepEqual(await lintLabs(LABS_DIR), []);
});

test('lint: every broken fixture is reported, one line each naming the file and the field', async () => {
	const problems = await lintLabs(brokenDir);
	const byFile = new Map<string, string[]>();
	for (const {file, message} of problems) byFile.set(file, [...(byFile.get(file) ?? []), message]);
	assert.equal(byFile.size, 10, [...byFile.keys()].join(', '));
	for (const {message} of problems) assert.ok(!message.includes('\n'), message);
	const name = (file: string) => relative(process.cwd(), join(brokenDir, file));
	assert.deepEqual(byFile.get(name('bad-field.yaml')), ['step 2 "follow": expect[0].role.iz: unknown field, did you mean is? (known: node, is, within)']);
	assert.deepEqual(byFile.get(name('unknown-node.yaml')), ['step 1 "follow": do[1].cli.node: unknown node "replica9" (declared: master, replica1, or current-master)']);
	assert.deepEqual(byFile.get(name('yaml-syntax.yaml')), ['9:1: Flow sequence in block collection must be sufficiently indented and end with a ]']);
});

test('lint: a step with narrative and no sources is refused, one line naming the file, the step and the field (the lab still loads)', async () => {
	const file = fileURLToPath(new URL('../../fixtures/labs-lint/no-sources.yaml', import.meta.url));
	const why = 'required: name where in Redis\'s source (file and symbol), or for Docker behaviour which documentation page (url), this step\'s lesson rests';
	assert.deepEqual((await lintLabs(file)).map(({file: shown, message}) => `${shown}: ${message}`), [
		`${relative(process.cwd(), file)}: step 2 "uncited": sources: ${why}`,
		`${relative(process.cwd(), file)}: step 3 "empty-list": sources: ${why}`,
	]);
	assert.equal((await loadLab(file)).steps.length, 3, 'loading and running a lab does not need sources');
});

test('lint: a source names a file and a symbol, or a url', async (t) => {
	const dir = mkdtempSync(join(tmpdir(), 'redis-lab-lint-'));
	t.after(() => rmSync(dir, {recursive: true, force: true}));
	const lab = parse(readFileSync(fixture, 'utf8'));
	lab.steps[0].sources = [{file: 'src/sentinel.c', backs: {en: 'no symbol'}}];
	writeFileSync(join(dir, '01-one.yaml'), stringify(lab));
	assert.deepEqual((await lintLabs(dir)).map(({message}) => message), ['step 1 "follow": sources[0]: must name a file and a symbol (or a url for documentation)']);
});

test('lint: all mistakes of a file, and ids used twice in the folder', async (t) => {
	const dir = mkdtempSync(join(tmpdir(), 'redis-lab-lint-'));
	t.after(() => rmSync(dir, {recursive: true, force: true}));
	const base = parse(readFileSync(fixture, 'utf8'));
	writeFileSync(join(dir, '01-one.yaml'), stringify({...base, id: 'one', order: 1}));
	writeFileSync(join(dir, '02-two.yaml'), stringify({...base, id: 'one', order: 2}));
	const broken = structuredClone(base);
	broken.minutes = 0;
	broken.steps[0].expect[0].role.is = 'replica';
	writeFileSync(join(dir, '03-three.yaml'), stringify({...broken, id: 'three', order: 3}));
	const lines = (await lintLabs(dir)).map(({file, message}) => `${file}: ${message}`);
	assert.deepEqual(lines, [
		`${join(dir, '03-three.yaml')}: minutes: must be a number above 0`,
		`${join(dir, '03-three.yaml')}: step 1 "follow": expect[0].role.is: must be master, slave, sentinel or down`,
		`${join(dir, '02-two.yaml')}: id: "one" is already used by ${join(dir, '01-one.yaml')}`,
	]);
});

test('lint: one file, and a path that does not exist', async () => {
	const file = join(brokenDir, 'unknown-action.yaml');
	assert.deepEqual((await lintLabs(file)).map(({message}) => message), ['step 1 "start": do[0]: unknown action "strat" (known: start, stop, kill, pause, resume, restart, isolate, heal, cli, write-config, show-config, write, logs, client-start, client-stop, mark, docker-run)']);
	assert.deepEqual(await lintLabs(fixture), []);
	await assert.rejects(lintLabs(join(brokenDir, 'nope')), (error: unknown) => error instanceof Error && /nope: cannot read: ENOENT/.test(error.message));
});
