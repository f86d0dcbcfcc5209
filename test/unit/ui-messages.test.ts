import {test} from 'node:test';
import assert from 'node:assert/strict';
import {readFileSync, readdirSync} from 'node:fs';
import {join} from 'node:path';
import {UI} from '../../source/i18n/ui.js';
import {KEYBINDINGS} from '../../source/ui/keybindings.js';

const SAMPLE = {n: 3, total: 4, lab: 'sentinel-failover', title: 'T', node: 'master', section: 'replication', passed: 1, from: 1, to: 4, ago: '6.1s', nodes: 'a, b', reason: 'step 2 failed', type: '+odown', source: 'sentinel1', time: '+5.07s', phase: 'agree', phases: 'detect → agree'};

test('every UI message has English and Chinese, and neither is empty', () => {
	for (const [key, message] of Object.entries(UI) as Array<[string, Record<string, unknown>]>) {
		for (const lang of ['en', 'zh']) {
			const text = message[lang];
			assert.ok(text !== undefined, `${key} has ${lang}`);
			const shown = typeof text === 'function' ? (text as (params: typeof SAMPLE) => string)(SAMPLE) : text;
			assert.equal(typeof shown, 'string', `${key}.${lang} is text`);
			assert.ok((shown as string).trim().length > 0, `${key}.${lang} is not empty`);
			assert.doesNotMatch(shown as string, /undefined/, `${key}.${lang} fills every parameter`);
		}
		assert.equal(Object.keys(message).sort().join(), 'en,zh', `${key} has only en and zh`);
	}
});

test('the key table takes its labels and descriptions from the catalogue', () => {
	for (const binding of KEYBINDINGS) {
		assert.ok(binding.label in UI, `${binding.intent}: label ${binding.label}`);
		assert.ok(binding.description in UI, `${binding.intent}: description ${binding.description}`);
	}
});

test('UI components keep their words in the catalogue: no English sentence left in a Text', () => {
	const dir = 'source/ui';
	const files = readdirSync(dir).filter((name) => name.endsWith('.tsx')).map((name) => join(dir, name));
	for (const file of files) {
		const source = readFileSync(file, 'utf8');
		// Text between JSX tags that holds two English words in a row is a string that missed the catalogue.
		for (const match of source.split('\n').filter((line) => line.includes('<Text')).join('\n').matchAll(/<Text[^>]*>([^<>{}\n]*)</g)) {
			assert.doesNotMatch(match[1]!, /[A-Za-z]{2,} [A-Za-z]{2,}/, `${file}: "${match[1]!.trim()}"`);
		}
	}
});
