// The command line's declarations: help from them, errors in one line, lint of a broken fixture.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {fileURLToPath} from 'node:url';
import stringWidth from 'string-width';
import {RedisLabError} from '../../../source/engine/base/errors.js';
import {COMMANDS, Exit, buildProgram} from '../../../source/commands/program.js';
import {OPTIONS} from '../../../source/commands/options.js';
import {lintPath} from '../../../source/commands/lint.js';

const BROKEN = fileURLToPath(new URL('../../fixtures/labs-broken/', import.meta.url));

/** Parses argv with the real program, capturing help output; never runs a command's action. */
async function parse(argv: string[], lang: 'en' | 'zh' = 'en'): Promise<{error?: unknown; out: string}> {
	let out = '';
	const program = await buildProgram(lang, () => undefined);
	program.configureOutput({writeOut: (text) => (out += text), writeErr: (text) => (out += text), outputError: () => undefined});
	for (const command of program.commands) command.configureOutput({writeOut: (text) => (out += text), writeErr: (text) => (out += text), outputError: () => undefined});
	try {
		await program.parseAsync(argv, {from: 'user'});
		return {out};
	} catch (error) {
		return {error, out};
	}
}

test('every declared option appears in the help of the commands that take it', async () => {
	for (const spec of COMMANDS) {
		const {error, out} = await parse([spec.name, '--help']);
		assert.ok(error instanceof Exit && error.status === 0, `${spec.name} --help exits 0`);
		for (const name of spec.options) assert.ok(out.includes(OPTIONS[name].flags), `${spec.name} --help shows ${OPTIONS[name].flags}`);
	}
});

test('unknown command: one line with a suggestion; unknown flag names the flag', async () => {
	const {error} = await parse(['rn']);
	assert.ok(error instanceof RedisLabError);
	assert.equal(error.message, 'Unknown command "rn"');
	assert.match(error.hint ?? '', /Did you mean run\?/);
	const flag = await parse(['up', '--colour']);
	assert.ok(flag.error instanceof RedisLabError);
	assert.equal(flag.error.message, "Unknown option '--colour'");
	assert.equal(flag.error.code, 'BAD_INPUT');
	const missing = await parse(['run']);
	assert.ok(missing.error instanceof RedisLabError);
	assert.match(missing.error.message, /^Which lab\? redis-lab run <lab>/);
	const bad = await parse(['up', '--runtime', 'podman']);
	assert.ok(bad.error instanceof RedisLabError);
	assert.equal(bad.error.message, 'Unknown runtime "podman"');
});

test('help in Chinese translates the headings and wraps by display width (no line over 80 columns)', async () => {
	for (const argv of [['--help'], ['run', '--help'], ['up', '--help'], ['render', '--help']]) {
		const {out} = await parse(argv, 'zh');
		assert.match(out, /^用法：/);
		assert.match(out, /\n选项：\n/);
		assert.doesNotMatch(out, /Options:|Usage:/);
		for (const line of out.split('\n')) assert.ok(stringWidth(line) <= 80, `too wide: ${line}`);
	}
});

test('lint: every mistake of each broken fixture is one line naming its file and the field; the packaged labs pass', async () => {
	const report = await lintPath(BROKEN);
	assert.ok(report.checked >= 10);
	assert.ok(report.errors.length >= report.checked, 'every mistake is reported, at least one per broken file');
	for (const file of ['bad-field', 'unknown-node', 'yaml-syntax']) assert.ok(report.errors.some((line) => line.includes(`${file}.yaml`)), `${file} is reported`);
	for (const line of report.errors) {
		assert.doesNotMatch(line, /\n/);
		assert.match(line, /labs-broken\/[\w-]+\.yaml(:\d+:\d+)?: /);
	}
	const field = report.errors.find((line) => line.includes('bad-field.yaml'));
	assert.match(field ?? '', /expect\[0\]\.role\.iz: unknown field/);
	const packaged = await lintPath(fileURLToPath(new URL('../../../labs/', import.meta.url)));
	assert.deepEqual(packaged.errors, []);
	assert.ok(packaged.checked >= 13);
});
