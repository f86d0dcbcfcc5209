// Benchmarks of the CLI as a learner meets it (figures next to their floors, measured in the same run):
// start-up of `list` and `--help` against 2 x `node -e 0` + 0.15 s, and installing the packed
// tarball with and without install scripts. Needs a built app (npm run build).
// Usage: tsx scripts/bench-cli.ts [--runs 7] [--install-runs 2] [--no-install]
import {spawnSync} from 'node:child_process';
import {existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {parseArgs} from 'node:util';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLI = join(ROOT, 'dist', 'cli.js');
const START_UP_SLACK_MS = 150;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)}s`;

/** Wall time of one command, in ms; throws when it fails. */
function timed(command: string, args: string[], options: {cwd?: string; env?: Record<string, string>; fails?: boolean} = {}): number {
	const started = process.hrtime.bigint();
	const result = spawnSync(command, args, {cwd: options.cwd, encoding: 'utf8', env: {...process.env, NO_COLOR: '1', ...options.env}});
	const ms = Number(process.hrtime.bigint() - started) / 1e6;
	if (options.fails) {
		if (result.status === 0) throw new Error(`${command} ${args.join(' ')} was expected to fail`);
		return ms;
	}
	if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${result.status}): ${result.stderr.trim().split('\n')[0]}`);
	return ms;
}

/** `list` and `--help` against their floor, runs interleaved so both see the same machine. */
export function benchStartup(runs: number): string[] {
	if (!existsSync(CLI)) throw new Error('dist/cli.js is missing: run npm run build first');
	const samples = {node: [] as number[], list: [] as number[], help: [] as number[], version: [] as number[], dockerDown: [] as number[]};
	const noDocker = {DOCKER_HOST: 'unix:///tmp/redis-lab-bench-no-docker.sock'};
	timed(process.execPath, [CLI, 'list']); // warm the file cache
	for (let run = 0; run < runs; run++) {
		samples.node.push(timed(process.execPath, ['-e', '0']));
		samples.list.push(timed(process.execPath, [CLI, 'list']));
		samples.help.push(timed(process.execPath, [CLI, '--help']));
		samples.version.push(timed(process.execPath, [CLI, '--version']));
		samples.dockerDown.push(timed(process.execPath, [CLI, 'up', '--runtime', 'docker'], {env: noDocker, fails: true}));
	}
	const nodeMs = median(samples.node);
	const floorMs = 2 * nodeMs + START_UP_SLACK_MS;
	const line = (name: string, values: number[]) => {
		const ms = median(values);
		return `${name.padEnd(9)} ${seconds(ms)}   target <= ${seconds(floorMs)} (2 x node -e 0 ${seconds(nodeMs)} + 0.15 s)  ${ms <= floorMs ? 'ok' : 'OVER'}   each run: ${values.map(seconds).join(' ')}`;
	};
	const dockerDownMs = median(samples.dockerDown);
	const dockerDown = `Docker down: the one-line error of up --runtime docker ${seconds(dockerDownMs)}   goal <= 3.00s, floor --version ${seconds(median(samples.version))}  ${dockerDownMs <= 3000 ? 'ok' : 'OVER'}`;
	return [`start-up, ${runs} runs, medians`, line('list', samples.list), line('--help', samples.help), line('--version', samples.version), dockerDown];
}

/** Installs the packed tarball into an empty folder, as `npx` would, and returns the wall time. */
function installOnce(tarball: string, ignoreScripts: boolean): number {
	const dir = mkdtempSync(join(tmpdir(), 'redis-lab-bench-install-'));
	try {
		writeFileSync(join(dir, 'package.json'), '{"name": "bench-install", "private": true}\n');
		const args = ['install', '--no-audit', '--no-fund', '--loglevel=error', ...(ignoreScripts ? ['--ignore-scripts'] : []), tarball];
		const ms = timed('npm', args, {cwd: dir});
		// The installed bin must run, or the figure means nothing.
		timed(join(dir, 'node_modules', '.bin', 'redis-lab'), ['--version']);
		return ms;
	} finally {
		rmSync(dir, {recursive: true, force: true});
	}
}

/** Install time of the packed tarball with and without install scripts (same npm cache, warmed first). */
export function benchInstall(runs: number): string[] {
	const packDir = mkdtempSync(join(tmpdir(), 'redis-lab-bench-pack-'));
	try {
		// dist is built already: skip prepack's rebuild.
		timed('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', packDir], {cwd: ROOT});
		const tarball = join(packDir, readdirSync(packDir).find((name) => name.endsWith('.tgz'))!);
		installOnce(tarball, true); // warm npm's cache: both variants then read the same cache
		const withScripts: number[] = [];
		const ignoring: number[] = [];
		for (let run = 0; run < runs; run++) {
			withScripts.push(installOnce(tarball, false));
			ignoring.push(installOnce(tarball, true));
		}
		const each = (values: number[]) => values.map(seconds).join(' ');
		return [
			`install of the packed tarball into an empty folder (npm ${spawnSync('npm', ['--version'], {encoding: 'utf8'}).stdout.trim()}, warm cache, ${runs} runs, medians)`,
			`          with install scripts ${seconds(median(withScripts))} (${each(withScripts)})   --ignore-scripts ${seconds(median(ignoring))} (${each(ignoring)})`,
		];
	} finally {
		rmSync(packDir, {recursive: true, force: true});
	}
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
	const {values} = parseArgs({options: {runs: {type: 'string', default: '7'}, 'install-runs': {type: 'string', default: '2'}, 'no-install': {type: 'boolean', default: false}}});
	for (const line of benchStartup(Number(values.runs))) console.log(line);
	if (!values['no-install']) for (const line of benchInstall(Number(values['install-runs']))) console.log(line);
}
