#!/usr/bin/env node
// Runs the test suites with Node's test runner (TypeScript through tsx).
// Usage: node scripts/run-tests.mjs [unit|ui|mutation|integration|e2e ...] [--only name-fragment] [--lanes N] [--lint]
//
// --lint runs `npm run lint` beside the tests (one core of its own for a minute, instead of a
// minute before the first test starts); its failure fails the run like a test file's.
//
// Unit and ui files run together in one runner, in parallel. Every real-server file (mutation,
// integration, e2e) runs in a lane of its own, several lanes at once: its own owner
// (REDIS_LAB_OWNER), config and cache folders, and a block of 200 ports from
// REDIS_LAB_TEST_BASE_PORT (test/helpers/lane.ts), so lanes never see each other's sessions.
// Files that need the default ports (6379...) carry `// test-lane: default-ports` and never run
// beside each other; files that say `// test-lane: long N` start first, the longest first. The slowest ten files are
// listed at the end, and their times order the next run.
import {mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join, relative} from 'node:path';
import {spawn, spawnSync} from 'node:child_process';

const FAST = ['unit', 'ui'];
const ALL = [...FAST, 'mutation', 'integration', 'e2e'];
const args = process.argv.slice(2);
const option = (name) => {
	const at = args.indexOf(name);
	return at === -1 ? undefined : args.splice(at, 2)[1];
};
const flag = (name) => {
	const at = args.indexOf(name);
	if (at !== -1) args.splice(at, 1);
	return at !== -1;
};
const lint = flag('--lint');
const only = option('--only');
const lanes = Number(option('--lanes') ?? process.env.REDIS_LAB_TEST_LANES ?? 3);
const suites = args.length > 0 ? args : ALL;
const TIMES_FILE = join('node_modules', '.cache', 'redis-lab-test-times.json');
const BLOCK = 200;
const FIRST_BLOCK = 2000;

function find(dir) {
	let found = [];
	for (const name of readdirSync(dir)) {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) found = found.concat(find(path));
		else if (/\.test\.tsx?$/.test(name)) found.push(path);
	}
	return found.sort();
}

const filesOf = (suite) => {
	try {
		return find(join('test', suite)).filter((file) => !only || file.includes(only)).map((file) => relative('.', file));
	} catch {
		return [];
	}
};
const fastFiles = suites.filter((suite) => FAST.includes(suite)).flatMap(filesOf);
const laneFiles = suites.filter((suite) => !FAST.includes(suite)).flatMap(filesOf);
if (fastFiles.length + laneFiles.length === 0) {
	console.error(`No test files for ${suites.join(', ')}`);
	process.exit(1);
}

// Saved progress and language of the developer must not leak into the tests: a fresh config folder.
const scratch = mkdtempSync(join(tmpdir(), 'redis-lab-tests-'));
process.env.REDIS_LAB_CONFIG_DIR ??= join(scratch, 'config');

// Docker suites use a small image built from this machine's redis binaries (no registry needed).
const image = process.env.REDIS_LAB_IMAGE ?? 'redis-lab/redis:offline';
process.env.REDIS_LAB_IMAGE = image;
if (laneFiles.length > 0 && image === 'redis-lab/redis:offline') {
	const docker = spawnSync('docker', ['info'], {stdio: 'ignore'});
	const hasImage = spawnSync('docker', ['image', 'inspect', image], {stdio: 'ignore'}).status === 0;
	if (docker.status === 0 && !hasImage) {
		console.log(`Building ${image} from this machine's redis-server...`);
		spawnSync('bash', ['scripts/build-offline-image.sh', image], {stdio: 'inherit'});
	}
}

/** Seconds each file took last time (the longest start first, so the lanes end together). */
function lastTimes() {
	try {
		return JSON.parse(readFileSync(TIMES_FILE, 'utf8'));
	} catch {
		return {};
	}
}

/** A runner child; its output is kept and printed whole when it ends, so lanes do not interleave. */
function runNode(files, env, concurrency) {
	const started = Date.now();
	return new Promise((resolve) => {
		const child = spawn(process.execPath, ['--import', 'tsx', '--test', `--test-concurrency=${concurrency}`, '--test-reporter=spec', ...files], {env: {...process.env, ...env}, stdio: ['ignore', 'pipe', 'pipe']});
		let output = '';
		child.stdout.on('data', (chunk) => (output += chunk));
		child.stderr.on('data', (chunk) => (output += chunk));
		child.on('close', (code, signal) => resolve({code: code ?? (signal ? 1 : 0), output, seconds: (Date.now() - started) / 1000}));
	});
}

/** The port blocks of the lanes: 200 ports each, never the block of the default ports (6379). */
function* portBlocks() {
	for (let base = FIRST_BLOCK; ; base += BLOCK) if (!(base <= 6379 && 6379 < base + BLOCK)) yield base;
}

const slug = (file) => file.replace(/^test\//, '').replace(/\.test\.tsx?$/, '').replace(/[^\w]+/g, '-');
const needsDefaultPorts = (file) => /^\/\/ test-lane: default-ports$/m.test(readFileSync(file, 'utf8'));
/** A file that says `// test-lane: long N` (its seconds on a quiet machine) starts first on a fresh clone, longest first, before any time is known. */
function guessedSeconds(file) {
	const long = /^\/\/ test-lane: long(?: (\d+))?$/m.exec(readFileSync(file, 'utf8'));
	return long ? Number(long[1] ?? 300) : 60;
}

async function runLanes(files) {
	const times = lastTimes();
	const blocks = portBlocks();
	const queue = files.map((file) => ({file, base: blocks.next().value, exclusive: needsDefaultPorts(file)}))
		.sort((a, b) => (times[b.file] ?? guessedSeconds(b.file)) - (times[a.file] ?? guessedSeconds(a.file)));
	const results = [];
	let exclusiveRunning = false;
	const next = () => {
		const at = queue.findIndex((job) => !(job.exclusive && exclusiveRunning));
		return at === -1 ? undefined : queue.splice(at, 1)[0];
	};
	await Promise.all(Array.from({length: Math.max(1, lanes)}, async () => {
		for (let job = next(); job; job = next()) {
			if (job.exclusive) exclusiveRunning = true;
			const home = join(scratch, slug(job.file));
			mkdirSync(home, {recursive: true});
			console.log(`▸ ${job.file} (ports ${job.base}-${job.base + BLOCK - 1})`);
			const result = await runNode([job.file], {
				REDIS_LAB_OWNER: `test-${slug(job.file)}`,
				REDIS_LAB_CONFIG_DIR: join(home, 'config'),
				XDG_CACHE_HOME: join(home, 'cache'),
				REDIS_LAB_TEST_BASE_PORT: String(job.base),
			}, 1);
			if (job.exclusive) exclusiveRunning = false;
			console.log(`\n━━ ${job.file}: ${result.code === 0 ? 'passed' : 'FAILED'} in ${result.seconds.toFixed(1)} s ━━\n${result.output}`);
			results.push({file: job.file, ...result});
		}
	}));
	return results;
}

/** Seconds per fast file, for the slowest list: a second reporter adds up each file's top-level tests. */
const DURATION_REPORTER = `data:text/javascript,${encodeURIComponent(`export default async function* (source) { const times = {}; for await (const event of source) { if ((event.type === 'test:pass' || event.type === 'test:fail') && event.data.nesting === 0 && event.data.file) times[event.data.file] = (times[event.data.file] ?? 0) + event.data.details.duration_ms / 1000; } yield JSON.stringify(times); }`)}`;

async function runFast(files) {
	if (files.length === 0) return [];
	const timesOut = join(scratch, 'fast-times.json');
	const started = Date.now();
	const result = await new Promise((resolve) => {
		const child = spawn(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', '--test-reporter=spec', '--test-reporter-destination=stdout', `--test-reporter=${DURATION_REPORTER}`, `--test-reporter-destination=${timesOut}`, ...files], {stdio: ['ignore', 'pipe', 'pipe']});
		let output = '';
		child.stdout.on('data', (chunk) => (output += chunk));
		child.stderr.on('data', (chunk) => (output += chunk));
		child.on('close', (code) => resolve({code: code ?? 1, output}));
	});
	console.log(`\n━━ unit and ui (${files.length} files): ${result.code === 0 ? 'passed' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s ━━\n${result.output}`);
	let perFile = {};
	try {
		perFile = JSON.parse(readFileSync(timesOut, 'utf8'));
	} catch {
		// The reporter writes nothing when the runner dies early: the runner's output says why.
	}
	return [{file: 'unit and ui', code: result.code, output: result.output, seconds: 0, perFile}];
}

/** `npm run lint`, its output kept like a lane's. */
function runLint() {
	const started = Date.now();
	return new Promise((resolve) => {
		const child = spawn('npm', ['run', 'lint', '--silent'], {stdio: ['ignore', 'pipe', 'pipe']});
		let output = '';
		child.stdout.on('data', (chunk) => (output += chunk));
		child.stderr.on('data', (chunk) => (output += chunk));
		child.on('close', (code) => {
			const seconds = (Date.now() - started) / 1000;
			console.log(`\n━━ lint: ${code === 0 ? 'passed' : 'FAILED'} in ${seconds.toFixed(1)} s ━━\n${output}`);
			resolve([{file: 'lint', code: code ?? 1, output, seconds}]);
		});
	});
}

const started = Date.now();
const [fast, slow, linted] = await Promise.all([runFast(fastFiles), runLanes(laneFiles), lint ? runLint() : []]);
const results = [...fast, ...slow, ...linted];

const seconds = {};
for (const result of slow) seconds[result.file] = result.seconds;
for (const result of fast) for (const [file, time] of Object.entries(result.perFile)) seconds[relative('.', file)] = time;
mkdirSync(join('node_modules', '.cache'), {recursive: true});
writeFileSync(TIMES_FILE, JSON.stringify({...lastTimes(), ...seconds}, null, 1));
rmSync(scratch, {recursive: true, force: true});

/** What failed and why, last, where a CI log's tail shows it: the spec reporter's own digest of each failed file. */
function failureDigest(result) {
	const at = result.output.lastIndexOf('✖ failing tests:');
	const digest = at === -1 ? result.output.slice(-3000) : result.output.slice(at);
	return `── ${result.file} ──\n${digest.length > 4000 ? `${digest.slice(0, 4000)}\n…` : digest.trimEnd()}`;
}
const failures = results.filter((result) => result.code !== 0);
if (failures.length > 0) console.log(`\nFailures:\n${failures.map(failureDigest).join('\n')}\n`);

const slowest = Object.entries(seconds).sort((a, b) => b[1] - a[1]).slice(0, 10);
console.log(`Slowest files:\n${slowest.map(([file, time]) => `  ${time.toFixed(1).padStart(7)} s  ${file}`).join('\n')}`);
const failed = failures.map((result) => result.file);
console.log(`${failed.length === 0 ? 'All passed' : `FAILED: ${failed.join(', ')}`} in ${((Date.now() - started) / 1000).toFixed(1)} s (${lanes} lanes)`);
process.exit(failed.length === 0 ? 0 : 1);
