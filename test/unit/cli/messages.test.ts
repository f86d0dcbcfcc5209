// Every message the command line writes exists in English and in Chinese.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {cliMessages} from '../../../source/i18n/cli.js';
import {t} from '../../../source/i18n/index.js';

const HAN = /[\u4e00-\u9fff]/;
const params = {count: 3, failed: 1, dir: 'labs', name: 'x', suggestion: 'run', command: 'run', option: '--x', usage: '<lab>', got: 2, value: 'v', number: 1, title: 'T', lab: 'quorum', seconds: '1.0'};

test('every CLI message has a non-empty en and zh text', () => {
	for (const [key, message] of Object.entries(cliMessages)) {
		for (const lang of ['en', 'zh'] as const) {
			assert.ok(lang in message, `${key} has no ${lang}`);
			const text = t(lang, message, params);
			assert.equal(typeof text, 'string', `${key}.${lang}`);
			assert.ok(text.trim().length > 0, `${key}.${lang} is empty`);
			assert.doesNotMatch(text, /undefined/, `${key}.${lang} misses a parameter`);
		}
	}
});

test('the Chinese texts are Chinese where the English has words (not a copy of the English)', () => {
	const sameByDesign = new Set<string>(['listNumber', 'listId']);
	for (const [key, message] of Object.entries(cliMessages)) {
		if (sameByDesign.has(key)) continue;
		assert.match(t('zh', message, params), HAN, `${key}.zh has no Chinese`);
	}
});
