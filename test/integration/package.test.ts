// test-lane: long 150
// The package as a learner gets it: a fresh clone packed with `npm pack` (prepack builds dist/),
// installed from the tarball into an empty folder, then run. Uses its lane's first base port only.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {execFileSync, spawnSync} from 'node:child_process';
import {existsSync, mkdtempSync, rmSync, symlinkSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {needRedisServer} from '../helpers/env.js';
import {basePort} from '../helpers/lane.js';

const root = execFileSync('git', ['rev-parse', '--show-toplevel'], {cwd: new URL('.', import.meta.url).pathname, encoding: 'utf8'}).trim();

test('fresh clone -> npm pack -> install the tarball in an empty folder -> list, --version, run', {timeout: 600_000}, async (t) => {
	const work = mkdtempSync(join(tmpdir(), 'redis-lab-package-'));
	t.after(() => rmSync(work, {recursive: true, force: true}));
	const clone = join(work, 'clone');
	execFileSync('git', ['clone', '--quiet', root, clone]);
	assert.ok(!existsSync(join(clone, 'dist')), 'dist/ is not in git');
	// The build needs the dev dependencies; the clone borrows the checkout's.
	symlinkSync(join(root, 'node_modules'), join(clone, 'node_modules'), 'dir');
	const packed = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', work], {cwd: clone, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe']})) as Array<{filename: string; files: Array<{path: string}>}>;
	const files = packed[0]!.files.map((file) => file.path);
	for (const expected of ['dist/cli.js', 'LICENSE', 'package.json', 'labs/01-replication-command.yaml', 'assets/unifont/unifont-bmp.hex.gz', 'assets/unifont/LICENSE.txt']) assert.ok(files.includes(expected), `the tarball has ${expected}`);
	assert.ok(!files.some((file) => file.startsWith('source/') || file.endsWith('.map') || file.startsWith('test/')), 'no sources, maps or tests');
	const tarball = join(work, packed[0]!.filename);

	const app = join(work, 'app');
	execFileSync('mkdir', [app]);
	writeFileSync(join(app, 'package.json'), '{"private": true}\n');
	execFileSync('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', tarball], {cwd: app, stdio: ['ignore', 'pipe', 'pipe']});
	const bin = join(app, 'node_modules', '.bin', 'redis-lab');
	const env: NodeJS.ProcessEnv = {...process.env, REDIS_LAB_CONFIG_DIR: join(work, 'config'), NO_COLOR: '1', LANG: 'C.UTF-8'};
	delete env.LC_ALL;
	const run = (args: string[]) => spawnSync(bin, args, {cwd: app, encoding: 'utf8', env, timeout: 180_000});

	const version = run(['--version']);
	assert.equal(version.status, 0, version.stderr);
	assert.match(version.stdout, /^\d+\.\d+\.\d+\n$/);
	const list = run(['list']);
	assert.equal(list.status, 0, list.stderr);
	assert.match(list.stdout, /^01\s+replication-command\s/m);
	assert.match(list.stdout, /^13\s+client-failover\s/m);
	const lint = run(['lint']);
	assert.equal(lint.status, 0, lint.stderr);
	// The bundled font ships: a cast with Chinese renders to a GIF from the installed package.
	writeFileSync(join(work, 'zh.cast'), '{"version":2,"width":12,"height":2}\n[0.1,"o","主从复制 ok"]\n');
	const render = run(['render', join(work, 'zh.cast'), join(work, 'zh.gif')]);
	assert.equal(render.status, 0, render.stderr);
	assert.ok(existsSync(join(work, 'zh.gif')));

	if (!needRedisServer(t)) return;
	const lab = run(['run', 'replication-command', '--runtime', 'local', '--base-port', String(basePort(0))]);
	assert.equal(lab.status, 0, lab.stdout.slice(-3000) + lab.stderr);
	assert.match(lab.stdout, /✓ replication-command: every check passed/);
});
