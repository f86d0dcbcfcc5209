import {test} from 'node:test';
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {labJsonSchemaText} from '../../../source/engine/lab/format/json-schema.js';
import {ACTIONS} from '../../../source/engine/lab/actions/registry.js';
import {CHECKS} from '../../../source/engine/lab/checks/registry.js';
import {parseLabText} from '../../../source/engine/lab/format/loader.js';
import {validateLab} from '../../../source/engine/lab/format/schema.js';

const file = fileURLToPath(new URL('../../../labs/schema.json', import.meta.url));

test('labs/schema.json is generated from the lab schema (run: npx tsx scripts/gen-lab-schema.ts)', () => {
	assert.equal(readFileSync(file, 'utf8'), labJsonSchemaText(), 'labs/schema.json is stale: run npx tsx scripts/gen-lab-schema.ts');
});

test('the JSON Schema offers every action and check kind to editors', () => {
	const schema = JSON.parse(labJsonSchemaText()) as {definitions: Record<string, {properties: Record<string, unknown>}>};
	assert.deepEqual(Object.keys(schema.definitions.Action!.properties), ACTIONS.map((definition) => definition.key));
	assert.deepEqual(Object.keys(schema.definitions.Check!.properties), CHECKS.map((definition) => definition.key));
});

test('a lab file that names the schema for editors loads like any other', () => {
	const fixture = readFileSync(fileURLToPath(new URL('../../fixtures/labs/00-fixture.yaml', import.meta.url)), 'utf8');
	const parsed = parseLabText(`# yaml-language-server: $schema=./schema.json\n${fixture}`);
	assert.ok('data' in parsed);
	assert.equal(validateLab(parsed.data, 'x.yaml').id, 'fixture');
});
