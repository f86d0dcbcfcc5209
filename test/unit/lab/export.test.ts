import {test} from 'node:test';
import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {parse} from 'yaml';
import {exportLab} from '../../../source/engine/lab/export/export.js';
import {validateLab} from '../../../source/engine/lab/format/schema.js';
import {LocalRuntime} from '../../../source/engine/runtime/local/runtime.js';
import {DockerRuntime} from '../../../source/engine/runtime/docker/index.js';

const fixture = fileURLToPath(new URL('../../fixtures/labs/00-fixture.yaml', import.meta.url));

/** The fixture lab, its replica following whichever node is master when the script runs. */
function followsCurrentMaster(): string {
	const lab = parse(readFileSync(fixture, 'utf8'));
	lab.steps[0].do[1].cli.command = 'REPLICAOF {{current-master.host}} {{current-master.port}}';
	lab.steps[0].expect = [
		{reply: {node: 'replica1', command: 'CONFIG GET port', equals: '{{replica1.port}}'}},
		{reply: {node: 'replica1', command: 'INFO replication', matches: 'master_port:{{current-master.port}}'}},
	];
	return exportLab(validateLab(lab, 'x.yaml'), new LocalRuntime({sessionId: 'test', basePort: 6379}));
}

/** Runs script lines after the generated helpers, with the sentinels' answer and redis-cli stubbed. */
function runWith(script: string, lines: string[]): string {
	const helpers = script.split('\n').filter((line) => /^node_(port|host)\(\)/.test(line));
	const stubs = ['current_master() { echo master; }', 'cli_replica1() { printf "%s\\n" "$@"; }', 'wait_for() { shift 2; "$@"; }', 'reply_matches() { printf "%s\\n" "$2"; }'];
	return execFileSync('bash', ['-c', [...helpers, ...stubs, ...lines].join('\n')], {encoding: 'utf8'});
}

test('export: the current master\'s address in a command is asked of the sentinels when the script runs', () => {
	const script = followsCurrentMaster();
	const line = script.split('\n').find((text) => text.startsWith('cli_replica1 REPLICAOF'))!;
	assert.equal(line, 'cli_replica1 REPLICAOF "$(node_host "$(current_master)")" "$(node_port "$(current_master)")"');
	assert.equal(runWith(script, [line]), 'REPLICAOF\n127.0.0.1\n6379\n');
});

test('export: templates in a reply check\'s expected text are filled, and equals stays an exact match', () => {
	const script = followsCurrentMaster();
	const checks = script.split('\n').filter((text) => text.startsWith('wait_for') && text.includes('reply_matches'));
	assert.equal(checks.length, 2, script);
	assert.match(checks[0]!, /reply_matches replica1 '\^6380\$' CONFIG GET port$/);
	assert.equal(runWith(script, [checks[1]!]), 'master_port:6379\n');
});

test('export: stopping the current master targets whichever node the sentinels name, on both runtimes and shifted ports', () => {
	const lab = parse(readFileSync(fixture, 'utf8'));
	lab.steps[0].do = [{start: ['master', 'replica1']}, {stop: 'current-master'}, {kill: 'current-master'}];
	const valid = validateLab(lab, 'x.yaml');
	const docker = exportLab(valid, new DockerRuntime({sessionId: 'test', basePort: 7379}), {basePort: 7379});
	assert.match(docker, /^docker stop redis-lab-7379-\$\(current_master\)$/m);
	assert.match(docker, /^docker kill redis-lab-7379-\$\(current_master\)$/m);
	const local = exportLab(valid, new LocalRuntime({sessionId: 'test', basePort: 7379}), {basePort: 7379});
	const stop = local.split('\n').find((line) => line.endsWith(' shutdown'))!;
	assert.equal(stop, 'redis-cli -p $(node_port "$(current_master)") shutdown');
	assert.equal(runWith(local, ['redis-cli() { printf "%s\\n" "$*"; }', stop]), '-p 7379 shutdown\n');
	assert.match(local, /^kill -9 \$\(cat \.\/redis-lab\/\$\(current_master\)\/\$\(current_master\)\.pid\)$/m);
});

test('export: a step\'s sources stay in the script as comments under its title, in the chosen language', () => {
	const lab = parse(readFileSync(fixture, 'utf8'));
	lab.steps[0].sources = [
		{file: 'src/replication.c', symbol: 'replicaofCommand', backs: {en: 'REPLICAOF host port\nstarts following', zh: 'REPLICAOF host port 开始复制'}},
		{url: 'https://docs.docker.com/reference/cli/docker/container/stop/', backs: {en: 'SIGTERM, then SIGKILL', zh: '先 SIGTERM，再 SIGKILL'}},
	];
	const runtime = new LocalRuntime({sessionId: 'test', basePort: 6379});
	const lines = exportLab(validateLab(lab, 'x.yaml'), runtime).split('\n');
	const title = lines.findIndex((line) => line.startsWith('# ── Step 1: Follow'));
	assert.deepEqual(lines.slice(title + 1, title + 4), [
		'# In Redis\'s source:',
		'#   src/replication.c · replicaofCommand: REPLICAOF host port starts following',
		'#   https://docs.docker.com/reference/cli/docker/container/stop/: SIGTERM, then SIGKILL',
	]);
	const zh = exportLab(validateLab(lab, 'x.yaml'), runtime, {lang: 'zh'});
	assert.match(zh, /^# Redis 源码出处：\n#   src\/replication\.c · replicaofCommand: REPLICAOF host port 开始复制$/m);
	execFileSync('bash', ['-n'], {input: zh});
});
