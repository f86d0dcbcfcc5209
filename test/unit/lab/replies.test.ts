import {test} from 'node:test';
import assert from 'node:assert/strict';
import {compare, normaliseReply} from '../../../source/engine/lab/checks/registry.js';
import {compareFigures, firstLine} from '../../../source/engine/lab/define/verdict.js';

test('redis-cli --no-raw replies are normalised for checks', () => {
	assert.deepEqual(normaliseReply('"farb"\n'), {text: 'farb', isError: false});
	assert.deepEqual(normaliseReply('(nil)\n'), {text: '(nil)', isError: false});
	assert.deepEqual(normaliseReply('(integer) 2\n'), {text: '2', isError: false});
	assert.deepEqual(normaliseReply("(error) READONLY You can't write against a read only replica.\n"), {text: "READONLY You can't write against a read only replica.", isError: true});
	assert.deepEqual(normaliseReply('1) "172.18.0.3"\n2) "6380"\n'), {text: '172.18.0.3\n6380', isError: false});
});

test('comparisons say what they saw', () => {
	assert.equal(compare('2', {equals: 2}).ok, true);
	assert.equal(compare('1', {equals: true}).ok, true);
	assert.deepEqual(compare('1', {equals: 2}), {ok: false, detail: 'is 1, expected 2'});
	assert.equal(compare('12', {atLeast: 10, atMost: 15}).ok, true);
	assert.equal(compare('16', {atMost: 15}).ok, false);
	assert.equal(compare('up', {matches: '^u'}).ok, true);
	assert.equal(compare(undefined, {equals: 1}).ok, false);
});

test('comparisons say what they saw in Chinese too', () => {
	assert.deepEqual(compare('1', {equals: 2}, 'zh'), {ok: false, detail: '是 1，应为 2'});
	assert.deepEqual(compare('3', {atLeast: 5}, 'zh'), {ok: false, detail: '是 3，应为至少 5'});
	assert.deepEqual(compare('7', {atMost: 9}, 'zh'), {ok: true, detail: '是 7'});
});

test('figures say what they saw in the learner\'s language', () => {
	assert.deepEqual(compareFigures({acknowledged: 20, lost: 0}, {lost: {equals: 0}}), {ok: true, detail: 'lost 0'});
	assert.deepEqual(compareFigures({acknowledged: 20, lost: 3}, {lost: {equals: 0}}, 'zh'), {ok: false, detail: '丢失 是 3，应为 0'});
	assert.deepEqual(compareFigures({acknowledged: 20, refused: 0}, {}, 'zh'), {ok: true, detail: '已确认 20，被拒绝 0'});
});

test('a check detail shows a reply\'s first line without the carriage return INFO ends it with', () => {
	assert.equal(firstLine('# Server\r\nredis_version:7.2.6\r\n'), '# Server');
	assert.equal(firstLine('PONG'), 'PONG');
});
