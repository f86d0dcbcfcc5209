// The built CLI's quick commands (help, version, list, lint, bad input), spawned as a user would.
// Nothing here starts a server, touches Docker or uses a port.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import stringWidth from 'string-width';
import {CLI} from '../helpers/env.js';

const configDir = mkdtempSync(join(tmpdir(), 'redis-lab-cli-'));
process.on('exit', () => rmSync(configDir, {recursive: true, force: true}));
const BROKEN_FIELD = new URL('../fixtures/labs-broken/bad-field.yaml', import.meta.url).pathname;
const version = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {version: string}).version;

/** Runs the CLI in an English locale with its own config folder; `env` adds or (undefined) removes. */
function cli(args: string[], env: Record<string, string | undefined> = {}, extraNodeArgs: string[] = []) {
	const base: Record<string, string | undefined> = {...process.env, REDIS_LAB_CONFIG_DIR: configDir, LANG: 'C.UTF-8', LC_ALL: undefined, LC_MESSAGES: undefined, LANGUAGE: undefined, FORCE_COLOR: undefined, NO_COLOR: '1', ...env};
	const clean = Object.fromEntries(Object.entries(base).filter((entry): entry is [string, string] => entry[1] !== undefined));
	return spawnSync(process.execPath, [...extraNodeArgs, CLI, ...args], {encoding: 'utf8', env: clean, timeout: 30_000, stdio: ['ignore', 'pipe', 'pipe']});
}

test('--help, run --help and help run show the declared flags; -v and --version print the version', () => {
	const help = cli(['--help']);
	assert.equal(help.status, 0, help.stderr);
	for (const name of ['start', 'list', 'run', 'export', 'up', 'status', 'down', 'lint', 'help']) assert.match(help.stdout, new RegExp(`^  ${name}\\b`, 'm'));
	const runHelp = cli(['run', '--help']);
	assert.equal(runHelp.status, 0, runHelp.stderr);
	for (const flag of ['--runtime', '--image', '--base-port', '--password', '--redis-bin', '--down-after', '--clean', '--keep', '--lang', '--debug']) assert.ok(runHelp.stdout.includes(flag), `run --help shows ${flag}`);
	assert.equal(cli(['help', 'run']).stdout, runHelp.stdout);
	assert.match(cli(['up', '--help']).stdout, /--sentinels <2\|3>/);
	assert.equal(cli(['-v']).stdout.trim(), version);
	assert.equal(cli(['--version']).stdout.trim(), version);
});

test('bad input: one line, a hint, exit 2, no stack trace', () => {
	for (const [args, pattern] of [
		[['frobnicate'], /^redis-lab: Unknown command "frobnicate"$/],
		[['rn'], /^redis-lab: Unknown command "rn"$/],
		[['up', '--colour'], /^redis-lab: Unknown option '--colour'$/],
		[['up', '--runtime', 'podman'], /^redis-lab: Unknown runtime "podman"$/],
		[['run'], /^redis-lab: Which lab\?/],
		[['run', 'no-such-lab'], /^redis-lab: Unknown lab "no-such-lab"$/],
		[['start', 'no-such-lab'], /^redis-lab: Unknown lab "no-such-lab"$/],
		[['up', '--base-port', 'abc'], /^redis-lab: Bad --base-port "abc"/],
		[['up', '--base-port', '70000'], /^redis-lab: Bad --base-port "70000"/],
		[['list', '--lang', 'fr'], /^redis-lab: Unknown language "fr"$/],
	] as const) {
		const result = cli([...args]);
		const lines = result.stderr.trim().split('\n');
		assert.equal(result.status, 2, `${args.join(' ')}: ${result.stderr}`);
		assert.match(lines[0]!, pattern);
		assert.equal(lines.length, 2, result.stderr);
		assert.doesNotMatch(result.stderr, /\n\s+at /);
	}
	assert.match(cli(['rn']).stderr, /Did you mean run\?/);
});

test('list: plain when piped, only the header bold with FORCE_COLOR, none with NO_COLOR too', () => {
	const plain = cli(['list']);
	assert.equal(plain.status, 0, plain.stderr);
	assert.doesNotMatch(plain.stdout, /\u001B\[/);
	assert.match(plain.stdout, /^#\s+ID\s+TITLE/);
	const forced = cli(['list'], {NO_COLOR: undefined, FORCE_COLOR: '1'}).stdout.trimEnd().split('\n');
	assert.match(forced[0]!, /^\u001B\[1m#.*\u001B\[22m$/);
	for (const line of forced.slice(1)) assert.doesNotMatch(line, /\u001B\[/, 'rows are not bold');
	assert.doesNotMatch(cli(['list'], {NO_COLOR: '1', FORCE_COLOR: '1'}).stdout, /\u001B\[/);
});

test('list --lang zh: columns start at the same display column; the choice is remembered', () => {
	const zh = cli(['list', '--lang', 'zh']);
	assert.equal(zh.status, 0, zh.stderr);
	const lines = zh.stdout.trimEnd().split('\n');
	assert.match(lines[0]!, /标题/);
	const column = (line: string) => stringWidth(line.slice(0, line.search(/~\d+|分钟/)));
	assert.ok(lines.length > 10);
	for (const line of lines) assert.equal(column(line), column(lines[0]!), line);
	assert.match(cli(['list']).stdout, /标题/, 'remembered without the flag');
	assert.match(cli(['list', '--lang', 'en']).stdout, /TITLE/);
	assert.match(cli(['list']).stdout, /TITLE/);
	assert.match(cli(['list'], {LANG: undefined, LC_ALL: 'zh_CN.UTF-8'}).stdout, /TITLE/, 'a remembered choice beats the locale');
	const fresh = mkdtempSync(join(tmpdir(), 'redis-lab-cli-'));
	try {
		assert.match(cli(['list'], {REDIS_LAB_CONFIG_DIR: fresh, LANG: undefined, LC_MESSAGES: 'zh_CN.UTF-8'}).stdout, /标题/, 'the locale when nothing is saved');
	} finally {
		rmSync(fresh, {recursive: true, force: true});
	}
});

test('lint: the packaged labs pass; a broken file is one line naming the file and field, exit 2', () => {
	const ok = cli(['lint']);
	assert.equal(ok.status, 0, ok.stderr);
	assert.match(ok.stdout, /^\d+ labs OK$/m);
	const broken = cli(['lint', BROKEN_FIELD]);
	assert.equal(broken.status, 2);
	assert.deepEqual(broken.stderr.trim().split('\n').length, 1, broken.stderr);
	assert.match(broken.stderr, /bad-field\.yaml: step 2 "follow": expect\[0\]\.role\.iz: unknown field/);
});

test('--reset without a terminal refuses before it forgets anything', () => {
	const dir = mkdtempSync(join(tmpdir(), 'redis-lab-cli-'));
	try {
		const file = join(dir, 'progress.json');
		writeFileSync(file, JSON.stringify({labs: {quorum: {doneSteps: ['one']}}}));
		const result = cli(['--reset'], {REDIS_LAB_CONFIG_DIR: dir});
		assert.equal(result.status, 2);
		assert.match(result.stderr, /needs a terminal/);
		assert.match(readFileSync(file, 'utf8'), /"one"/);
	} finally {
		rmSync(dir, {recursive: true, force: true});
	}
});

/** A resolve hook that names every package loaded through import, on stderr. */
const PACKAGE_HOOK = `data:text/javascript,${encodeURIComponent(`import {register} from 'node:module'; register('data:text/javascript,' + encodeURIComponent('export async function resolve(s, c, next) { const r = await next(s, c); const m = /node_modules\\\\/((@[^/]+\\\\/)?[^/]+)/.exec(r.url); if (m) process.stderr.write("PKG " + m[1] + "\\\\n"); return r; }'));`)}`;
const HEAVY = ['dockerode', 'ioredis', 'execa', 'ink', 'react'];

/** The packages a command loads, from the hook's lines; asserts the command succeeded and the hook ran. */
function packagesLoaded(args: string[]): Set<string> {
	const result = cli(args, {}, ['--import', PACKAGE_HOOK]);
	assert.equal(result.status, 0, result.stderr);
	const loaded = new Set([...result.stderr.matchAll(/^PKG (\S+)$/gm)].map((match) => match[1]!));
	assert.ok(loaded.has('commander'), `the hook works (${args.join(' ')})`);
	return loaded;
}

test('list, --help, --version and lint load neither Docker, Redis, execa nor Ink', () => {
	for (const args of [['list'], ['--help'], ['--version'], ['lint'], ['run', '--help']]) {
		const loaded = packagesLoaded(args);
		for (const heavy of HEAVY) assert.ok(!loaded.has(heavy), `${args.join(' ')} loads ${heavy}`);
	}
});

test('export loads neither Docker, Redis, execa nor Ink, on either runtime', () => {
	// client-failover has an application client (ioredis when it runs); sentinel-rejoin cuts the network.
	for (const args of [['export', 'client-failover'], ['export', 'sentinel-rejoin', '--runtime', 'docker', '--base-port', '7379'], ['export', 'replication-config', '--runtime', 'local']]) {
		const loaded = packagesLoaded(args);
		for (const heavy of HEAVY) assert.ok(!loaded.has(heavy), `${args.join(' ')} loads ${heavy}`);
	}
});
