#!/usr/bin/env node
// Runs the test suites with Node's test runner (TypeScript through tsx).
// Usage: node scripts/run-tests.mjs [unit|ui|mutation|integration|e2e ...] [--only name-fragment]
import {mkdtempSync, readdirSync, statSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join, relative} from 'node:path';
import {spawnSync} from 'node:child_process';

const all = ['unit', 'ui', 'mutation', 'integration', 'e2e'];
const args = process.argv.slice(2);
const onlyIndex = args.indexOf('--only');
const only = onlyIndex === -1 ? undefined : args.splice(onlyIndex, 2)[1];
const suites = args.length > 0 ? args : all;

function find(dir) {
	let found = [];
	for (const name of readdirSync(dir)) {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) found = found.concat(find(path));
		else if (/\.test\.tsx?$/.test(name)) found.push(path);
	}
	return found.sort();
}

const files = suites.flatMap((suite) => {
	try {
		return find(join('test', suite));
	} catch {
		return [];
	}
}).filter((file) => !only || file.includes(only));

if (files.length === 0) {
	console.error(`No test files for ${suites.join(', ')}`);
	process.exit(1);
}

// Saved progress and language of the developer must not leak into the tests: a fresh config folder.
process.env.REDIS_LAB_CONFIG_DIR ??= mkdtempSync(join(tmpdir(), 'redis-lab-test-config-'));

// Docker suites use a small image built from this machine's redis binaries (no registry needed).
const image = process.env.REDIS_LAB_IMAGE ?? 'redis-lab/redis:offline';
process.env.REDIS_LAB_IMAGE = image;
if (suites.some((suite) => suite === 'integration' || suite === 'e2e')) {
	const docker = spawnSync('docker', ['info'], {stdio: 'ignore'});
	const hasImage = spawnSync('docker', ['image', 'inspect', image], {stdio: 'ignore'}).status === 0;
	if (docker.status === 0 && !hasImage && image === 'redis-lab/redis:offline') {
		console.log(`Building ${image} from this machine's redis-server...`);
		spawnSync('bash', ['scripts/build-offline-image.sh', image], {stdio: 'inherit'});
	}
}

// Integration suites share one Docker engine and fixed ports: run files one at a time.
const serial = suites.some((suite) => suite === 'integration' || suite === 'e2e');
const result = spawnSync(process.execPath, [
	'--import', 'tsx',
	'--test',
	`--test-concurrency=${serial ? 1 : 4}`,
	'--test-reporter=spec',
	...files.map((file) => relative('.', file)),
], {stdio: 'inherit'});
process.exit(result.status ?? 1);
