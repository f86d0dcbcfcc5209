import {test} from 'node:test';
import assert from 'node:assert/strict';
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {CliProcess} from '../../helpers/spawn-cli.js';
import {decodeGif} from '../../helpers/gif.js';

const fixture = new URL('../../fixtures/render/fixture.cast', import.meta.url).pathname;

const config = mkdtempSync(join(tmpdir(), 'render-cli-config-'));
process.on('exit', () => rmSync(config, {recursive: true, force: true}));

async function cli(...args: string[]) {
	// A config folder of its own: --lang zh is remembered there, not in the developer's.
	const child = new CliProcess(args, {REDIS_LAB_CONFIG_DIR: config, LANG: 'C.UTF-8', LC_ALL: '', LANGUAGE: ''});
	const {code} = await child.exit();
	return {code, stdout: child.stdout, stderr: child.stderr};
}

test('redis-lab render writes the GIF and says so in one line when piped', async () => {
	const dir = mkdtempSync(join(tmpdir(), 'render-cli-'));
	try {
		const out = join(dir, 'fixture.gif');
		const {code, stderr} = await cli('render', fixture, out);
		assert.equal(code, 0, stderr);
		assert.equal(stderr.trim().split('\n').length, 1, `one line: ${stderr}`);
		assert.match(stderr, /^Wrote .*fixture\.gif: 5 frames, 6\.0 s per loop/);
		assert.equal(decodeGif(readFileSync(out)).delays.length, 5);
	} finally {
		rmSync(dir, {recursive: true, force: true});
	}
});

test('a malformed cast: one line naming the file and its line, exit 2, no picture', async () => {
	const dir = mkdtempSync(join(tmpdir(), 'render-cli-'));
	try {
		const bad = join(dir, 'bad.cast');
		writeFileSync(bad, '{"version":2,"width":10,"height":3}\n[0,"o","x"]\n[0.5,"o"]\n');
		const {code, stderr} = await cli('render', bad, join(dir, 'out.svg'));
		assert.equal(code, 2);
		assert.match(stderr, /^redis-lab: .*bad\.cast, line 3: not an asciicast v2\/v3 file \(an event is \[time, code, data\]\)\n/);
		assert.doesNotMatch(stderr, /at .*\.js:\d+/, 'no stack trace');
		const chinese = await cli('render', bad, join(dir, 'out.svg'), '--lang', 'zh');
		assert.match(chinese.stderr, /第 3 行/);
		await cli('render', fixture, join(dir, 'out.svg'), '--lang', 'en');
	} finally {
		rmSync(dir, {recursive: true, force: true});
	}
});

test('bad render arguments are one line and exit 2', async () => {
	const cases: Array<[string[], RegExp]> = [
		[['render', fixture, '/tmp/x.png'], /must be a \.svg or \.gif file/],
		[['render', '/nonexistent.cast', '/tmp/x.svg'], /Cannot read \/nonexistent\.cast/],
		[['render', fixture, '/tmp/x.svg', '--theme', 'pink'], /Unknown theme "pink": use dark, light/],
		[['render', fixture, '/tmp/x.svg', '--speed', '0'], /Bad --speed "0"/],
		[['render', fixture, '/tmp/x.svg', '--cols', 'x'], /Bad --cols "x"/],
		[['render', fixture, '/tmp/x.svg', '--from-marker', 'nope'], /no marker "nope" in the cast \(1\. Step 1: Hello; 2\. Step 2: Wait\)/],
		[['render', fixture], /^redis-lab: Missing an argument: redis-lab render <cast> <picture>/],
		[['start', '--record', '/tmp/x.webp'], /--record \/tmp\/x\.webp: name a \.cast, \.svg or \.gif file/],
	];
	for (const [args, message] of cases) {
		const {code, stderr} = await cli(...args);
		assert.equal(code, 2, `${args.join(' ')}: ${stderr}`);
		assert.match(stderr, message);
	}
});

test('a cast with no size renders with --cols and --rows, and says to pass them without', async () => {
	const dir = mkdtempSync(join(tmpdir(), 'render-cli-'));
	try {
		const sizeless = join(dir, 'sizeless.cast');
		writeFileSync(sizeless, '{"version":2}\n[0.1,"o","hi"]\n');
		const without = await cli('render', sizeless, join(dir, 'a.svg'));
		assert.equal(without.code, 2);
		assert.match(without.stderr, /says no terminal size: pass --cols and --rows/);
		const given = await cli('render', sizeless, join(dir, 'a.svg'), '--cols', '10', '--rows', '2');
		assert.equal(given.code, 0, given.stderr);
		assert.match(readFileSync(join(dir, 'a.svg'), 'utf8'), />hi</);
	} finally {
		rmSync(dir, {recursive: true, force: true});
	}
});
