import {test} from 'node:test';
import assert from 'node:assert/strict';
import stringWidth from 'string-width';
import {cut, fit, joinLines, wrap} from '../../source/ui/presentation/text.js';

test('joinLines: a space between words and between CJK and Latin text, none between CJK characters or at full-width punctuation', () => {
	assert.equal(joinLines('one two\nthree'), 'one two three');
	assert.equal(joinLines('互相确\n认'), '互相确认');
	assert.equal(joinLines('使用\n`down-after`'), '使用 `down-after`');
	assert.equal(joinLines('`+sdown`\n（5 秒）'), '`+sdown`（5 秒）');
	assert.equal(joinLines('完全相同：\n等待'), '完全相同：等待');
});

test('wrap keeps every word, splits CJK anywhere, never starts a line with closing punctuation', () => {
	assert.deepEqual(wrap('one two three four', 9), ['one two', 'three', 'four']);
	assert.deepEqual(wrap('abcdefghijkl', 5), ['abcde', 'fghij', 'kl']);
	const lines = wrap('接着它们互相确认，当 2 个', 16);
	assert.deepEqual(lines, ['接着它们互相确', '认，当 2 个']);
	for (const line of wrap('两个哨兵意见一致，名为 master 的主服务器就在 master 节点的地址上。', 10)) assert.ok(stringWidth(line) <= 10, line);
});

test('cut and fit measure display columns', () => {
	assert.equal(cut('两个哨兵', 8), '两个哨兵');
	assert.equal(cut('两个哨兵', 7), '两个哨…');
	assert.equal(stringWidth(fit('哨兵', 7)), 7);
	assert.equal(stringWidth(fit('sentinel-failover', 7)), 7);
});
