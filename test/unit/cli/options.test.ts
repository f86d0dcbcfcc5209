// The flags' parsers, the language choice and the output helpers, without spawning anything.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import stringWidth from 'string-width';
import {RedisLabError, hintOf, messageOf} from '../../../source/engine/base/errors.js';
import {ProgressStore} from '../../../source/engine/lab/run/progress.js';
import {parseDownAfter, parseLang, parsePassword, parseRuntimeKind, parseSentinels, runtimeFlags} from '../../../source/commands/options.js';
import {chooseLang, langOfArgv} from '../../../source/commands/lang.js';
import {paint, table, useColor} from '../../../source/commands/output.js';

function badInput(run: () => unknown, pattern: RegExp): void {
	assert.throws(run, (error: unknown) => error instanceof RedisLabError && error.code === 'BAD_INPUT' && pattern.test(error.message) && !error.message.includes('\n'));
}

test('flag parsers accept what they document and refuse the rest in one line', () => {
	assert.equal(parseRuntimeKind('local'), 'local');
	badInput(() => parseRuntimeKind('podman'), /^Unknown runtime "podman"$/);
	try {
		parseRuntimeKind('podman');
	} catch (error) {
		assert.equal(messageOf(error, 'zh'), '未知的运行时 "podman"');
		assert.equal(hintOf(error, 'zh'), '请使用 --runtime docker 或 --runtime local。');
	}
	assert.equal(parseLang('zh'), 'zh');
	badInput(() => parseLang('fr'), /^Unknown language "fr"$/);
	assert.equal(parsePassword('s3cret'), 's3cret');
	badInput(() => parsePassword('a b'), /--password/);
	badInput(() => parsePassword(''), /--password/);
	assert.equal(parseSentinels('3'), 3);
	badInput(() => parseSentinels('4'), /--sentinels "4"/);
	assert.equal(parseDownAfter('1500'), 1500);
	badInput(() => parseDownAfter('999'), /--down-after "999"/);
	badInput(() => parseDownAfter('1e4'), /--down-after/);
	assert.deepEqual(runtimeFlags({}), {runtime: undefined, image: undefined, basePort: 6379, portChoice: 'default', password: undefined, redisBin: undefined, clean: false, keep: false});
	assert.equal(runtimeFlags({basePort: 'auto'}).portChoice, 'auto');
	assert.equal(runtimeFlags({basePort: 7000}).portChoice, 'given');
});

test('--lang is remembered; without it the saved choice, then the locale, decides', (t) => {
	const dir = mkdtempSync(join(tmpdir(), 'redis-lab-lang-'));
	t.after(() => rmSync(dir, {recursive: true, force: true}));
	const saved = {LANG: process.env.LANG, LC_ALL: process.env.LC_ALL, LC_MESSAGES: process.env.LC_MESSAGES, LANGUAGE: process.env.LANGUAGE};
	t.after(() => {
		for (const [name, value] of Object.entries(saved)) {
			if (value === undefined) delete process.env[name];
			else process.env[name] = value;
		}
	});
	for (const name of Object.keys(saved)) delete process.env[name];
	process.env.LC_MESSAGES = 'zh_CN.UTF-8';
	assert.equal(chooseLang(undefined, new ProgressStore(dir)), 'zh', 'the locale');
	assert.equal(chooseLang('en', new ProgressStore(dir)), 'en', 'the flag');
	assert.equal(chooseLang(undefined, new ProgressStore(dir)), 'en', 'remembered over the locale');
	assert.equal(langOfArgv(['run', 'x', '--lang', 'zh'], new ProgressStore(dir)), 'zh');
	assert.equal(langOfArgv(['run', '--lang=zh'], new ProgressStore(dir)), 'zh');
	assert.equal(langOfArgv(['list'], new ProgressStore(dir)), 'en');
	assert.equal(new ProgressStore(dir).lang, 'en', 'langOfArgv remembers nothing');
});

test('the progress file keeps labs and language; an older file (labs at the top) still reads; reset keeps the language', (t) => {
	const dir = mkdtempSync(join(tmpdir(), 'redis-lab-progress-'));
	t.after(() => rmSync(dir, {recursive: true, force: true}));
	writeFileSync(join(dir, 'progress.json'), JSON.stringify({quorum: {doneSteps: ['a'], lastStep: 1}}));
	const store = new ProgressStore(dir);
	assert.deepEqual(store.get('quorum'), {doneSteps: ['a'], lastStep: 1});
	store.setLang('zh');
	store.markDone('quorum', 'b');
	const again = new ProgressStore(dir);
	assert.equal(again.lang, 'zh');
	assert.deepEqual(again.get('quorum').doneSteps, ['a', 'b']);
	again.reset();
	assert.deepEqual(new ProgressStore(dir).get('quorum'), {doneSteps: []});
	assert.equal(new ProgressStore(dir).lang, 'zh');
	assert.equal((JSON.parse(readFileSync(join(dir, 'progress.json'), 'utf8')) as {lang: string}).lang, 'zh');
});

test('colour: a terminal yes, a pipe no, FORCE_COLOR turns it on when piped, NO_COLOR off whatever else', () => {
	assert.equal(useColor({isTTY: true}, {}), true);
	assert.equal(useColor({isTTY: false}, {}), false);
	assert.equal(useColor({isTTY: true}, {TERM: 'dumb'}), false);
	assert.equal(useColor({isTTY: false}, {FORCE_COLOR: '1'}), true);
	assert.equal(useColor({isTTY: false}, {FORCE_COLOR: ''}), true);
	assert.equal(useColor({isTTY: true}, {FORCE_COLOR: '0'}), false);
	assert.equal(useColor({isTTY: true}, {NO_COLOR: '1'}), false);
	assert.equal(useColor({isTTY: false}, {NO_COLOR: '1', FORCE_COLOR: '1'}), false);
	assert.equal(paint('x', 'bold', true), '\u001B[1mx\u001B[22m');
	assert.equal(paint('x', 'bold', false), 'x');
});

test('table columns start at the same display column on every row, Chinese included', async () => {
	const rows = (await table(['#', 'ID', '标题', 'MIN'], [['01', 'a', '一条命令建立主从复制', '~5'], ['02', 'longer-id', 'ascii title', '~10']])).split('\n');
	const columnOf = (line: string, cell: string) => stringWidth(line.slice(0, line.indexOf(cell)));
	assert.equal(columnOf(rows[0]!, 'MIN'), columnOf(rows[1]!, '~5'));
	assert.equal(columnOf(rows[1]!, '~5'), columnOf(rows[2]!, '~10'));
	assert.equal(columnOf(rows[0]!, '标题'), columnOf(rows[2]!, 'ascii'));
});
