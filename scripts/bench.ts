// Benchmarks (figures, not pass/fail), each next to its floor measured in the same run, runs
// alternating: start-up of `list` and `--help` and the tarball's install (scripts/bench-cli.ts);
// `up` and opening a lab in the app against the Docker floor (a network and five containers, no
// Redis work) and the article's docker CLI way; how long after Sentinel's last +switch-master every
// probe agrees on the new master.
// Usage: npm run bench [-- --runs 3 --base-port 9379 --cli-runs 7 --install-runs 2 --cli-only --engine-only]
import {execFileSync, spawnSync} from 'node:child_process';
import {mkdtempSync, mkdirSync, rmSync, writeFileSync, chmodSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {parseArgs} from 'node:util';
import {benchInstall, benchStartup} from './bench-cli.js';
import {createRuntime, imageFrom} from '../source/engine/runtime/detect.js';
import {dockerClient} from '../source/engine/runtime/docker/index.js';
import {Session, newSessionId} from '../source/engine/session/session.js';
import {LabSession} from '../source/engine/lab/run/lab-session.js';
import {findLab, loadCatalogue} from '../source/engine/lab/format/loader.js';
import {leftoversInTheWay} from '../source/engine/host/leftovers.js';
import {DEFAULT_DOWN_AFTER_MS, standardTopology} from '../source/engine/topology/topology.js';

const {values} = parseArgs({options: {
	runs: {type: 'string', default: '3'},
	'base-port': {type: 'string', default: '9379'},
	'cli-runs': {type: 'string', default: '7'},
	'install-runs': {type: 'string', default: '2'},
	'cli-only': {type: 'boolean', default: false},
	'engine-only': {type: 'boolean', default: false},
}});
if (!values['engine-only']) {
	for (const line of benchStartup(Number(values['cli-runs']))) console.log(line);
	if (Number(values['install-runs']) > 0) for (const line of benchInstall(Number(values['install-runs']))) console.log(line);
}
if (values['cli-only']) process.exit(0);
const runs = Number(values.runs);
const basePort = Number(values['base-port']);
const image = imageFrom();

function docker(...args: string[]): string {
	return execFileSync('docker', args, {encoding: 'utf8'});
}

if (spawnSync('docker', ['image', 'inspect', image], {stdio: 'ignore'}).status !== 0) {
	console.error(`bench: the image ${image} is not on this machine (offline: REDIS_LAB_IMAGE=redis-lab/redis:offline after bash scripts/build-offline-image.sh)`);
	process.exit(1);
}
/** The labels of what the baseline starts, so `redis-lab down --all` and the leftovers check know it. */
const LABELS = ['--label', 'redis-lab.managed=true', '--label', 'redis-lab.owner=bench'];

/** The article's way: docker run each node in order, then poll INFO sentinel until healthy. */
function baselineUp(): {upMs: number; downMs: number} {
	const dir = mkdtempSync(join(tmpdir(), 'redis-lab-bench-'));
	const net = 'redis-lab-bench';
	const nodes = standardTopology({basePort, sentinels: 2});
	const started = Date.now();
	docker('network', 'create', ...LABELS, net);
	for (const node of nodes) {
		const folder = join(dir, node.name);
		mkdirSync(folder, {mode: 0o777});
		chmodSync(folder, 0o777);
		const master = `bench-master`;
		const lines = [`port ${node.port}`, 'protected-mode no'];
		if (node.replicaOf) lines.push(`replicaof ${master} ${basePort}`);
		if (node.kind === 'sentinel') lines.push('sentinel resolve-hostnames yes', `sentinel monitor master ${master} ${basePort} 2`, `sentinel down-after-milliseconds master ${DEFAULT_DOWN_AFTER_MS}`);
		const file = node.kind === 'sentinel' ? 'sentinel.conf' : 'redis.conf';
		writeFileSync(join(folder, file), lines.join('\n') + '\n', {mode: 0o666});
		docker('run', '-d', ...LABELS, '--name', `bench-${node.name}`, '--network', net, '-p', `127.0.0.1:${node.port}:${node.port}`, '-v', `${folder}:/usr/local/etc/redis`, image,
			node.kind === 'sentinel' ? 'redis-sentinel' : 'redis-server', `/usr/local/etc/redis/${file}`);
	}
	for (;;) {
		const info = spawnSync('docker', ['exec', 'bench-sentinel1', 'redis-cli', '-p', String(basePort + 10000), 'INFO', 'sentinel'], {encoding: 'utf8'}).stdout ?? '';
		if (/status=ok,.*slaves=2,sentinels=2/.test(info)) break;
		spawnSync('sleep', ['0.25']);
	}
	const upMs = Date.now() - started;
	const downStarted = Date.now();
	docker('rm', '-f', ...nodes.map((node) => `bench-${node.name}`));
	docker('network', 'rm', net);
	const downMs = Date.now() - downStarted;
	rmSync(dir, {recursive: true, force: true});
	return {upMs, downMs};
}

/**
 * The floor under any `up`: the Docker work alone. A network, then five containers of the same
 * image, each on it and publishing its port on 127.0.0.1, created and started at once.
 */
async function containerFloor(): Promise<number> {
	const engine = dockerClient();
	const net = 'redis-lab-bench-floor';
	const started = Date.now();
	await engine.createNetwork({Name: net, Driver: 'bridge'});
	const containers = await Promise.all(standardTopology({basePort, sentinels: 2}).map((node) => engine.createContainer({
		name: `bench-floor-${node.name}`,
		Image: image,
		Cmd: ['redis-server', '--port', String(node.port)],
		ExposedPorts: {[`${node.port}/tcp`]: {}},
		HostConfig: {NetworkMode: net, PortBindings: {[`${node.port}/tcp`]: [{HostIp: '127.0.0.1', HostPort: String(node.port)}]}},
	})));
	await Promise.all(containers.map((container) => container.start()));
	const floorMs = Date.now() - started;
	await Promise.all(containers.map((container) => container.remove({force: true})));
	await engine.getNetwork(net).remove();
	return floorMs;
}

/** Failover milestones, in ms after the kill: first +sdown, +odown, +elected-leader, +promoted-slave, last +switch-master. */
type Milestones = Record<'sdown' | 'odown' | 'elected' | 'promoted' | 'switched' | 'agreed', number>;

async function oursUp(withFailover: boolean): Promise<{upMs: number; downMs: number; failover?: Milestones}> {
	const runtime = await createRuntime({runtime: 'docker', image, basePort, sessionId: newSessionId()});
	// The default probe interval (500 ms), as the app runs.
	const session = new Session({runtime});
	const started = Date.now();
	await session.prepare();
	await session.up(standardTopology({basePort, sentinels: 2}), {quiet: true});
	const upMs = Date.now() - started;
	let failover: Milestones | undefined;
	if (withFailover) {
		const killedAt = Date.now();
		await session.stopNode('master', 'kill', {quiet: true});
		await session.waitFor((state) => {
			const master = session.currentMaster(state);
			if (!master || master === 'master') return undefined;
			const roles = state.nodes.filter((node) => node.kind === 'redis' && node.name !== 'master');
			return roles.every((node) => (node.name === master ? node.replication?.role === 'master' : node.replication?.role === 'slave' && node.names[`${node.replication.masterHost}:${node.replication.masterPort}`] === master)) || undefined;
		}, 60_000, 'every probe to agree on the new master', 20);
		const agreed = Date.now() - killedAt;
		const events = session.getState().events.filter((event) => event.receivedAt >= killedAt);
		const first = (type: string) => (events.find((event) => event.type === type)?.receivedAt ?? Number.NaN) - killedAt;
		const last = (type: string) => (events.findLast((event) => event.type === type)?.receivedAt ?? Number.NaN) - killedAt;
		failover = {sdown: first('+sdown'), odown: first('+odown'), elected: first('+elected-leader'), promoted: first('+promoted-slave'), switched: last('+switch-master'), agreed};
	}
	const downStarted = Date.now();
	await session.close();
	return {upMs, downMs: Date.now() - downStarted, failover};
}

const failoverLab = findLab(await loadCatalogue(), 'sentinel-failover');

/**
 * Opening sentinel-failover as the app does once the learner picks it (runtime, leftovers check,
 * LabSession.open: prepare, the setup's start and its checks) until the first step is ready.
 */
async function openLab(): Promise<{openMs: number; downMs: number}> {
	const started = Date.now();
	const runtime = await createRuntime({runtime: 'docker', image, basePort, sessionId: newSessionId()});
	const inTheWay = await leftoversInTheWay(basePort, 'docker');
	if (inTheWay.length > 0) throw new Error(`in the way: ${inTheWay.join(', ')}`);
	const lab = new LabSession(new Session({runtime}), failoverLab, {basePort});
	await lab.open();
	const state = lab.getState();
	if (state.phase !== 'ready' || state.lab?.current !== 0) throw new Error(`the lab did not open: ${state.error?.message.en ?? state.phase}`);
	const openMs = Date.now() - started;
	const downStarted = Date.now();
	await lab.close();
	return {openMs, downMs: Date.now() - downStarted};
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)}s`;

const ours: Array<Awaited<ReturnType<typeof oursUp>>> = [];
const baseline: Array<ReturnType<typeof baselineUp>> = [];
const floors: number[] = [];
const opened: Array<Awaited<ReturnType<typeof openLab>>> = [];
for (let run = 0; run < runs; run++) {
	baseline.push(baselineUp());
	floors.push(await containerFloor());
	ours.push(await oursUp(true));
	opened.push(await openLab());
	console.log(`run ${run + 1}: floor ${seconds(floors.at(-1)!)}, up ${seconds(ours.at(-1)!.upMs)}, open lab ${seconds(opened.at(-1)!.openMs)}, docker CLI ${seconds(baseline.at(-1)!.upMs)}`);
}
const oursUpMs = median(ours.map((run) => run.upMs));
const baselineUpMs = median(baseline.map((run) => run.upMs));
const floorMs = median(floors);
const openMs = median(opened.map((run) => run.openMs));
/**
 * A figure against floor + slack. The machine's load moves both together, so the judged excess is
 * the median of each run's figure minus that run's floor; the difference of medians is shown too.
 */
const against = (figures: number[], slack: number) => {
	const excess = median(figures.map((figure, run) => figure - floors[run]!));
	const verdict = excess <= slack ? 'met' : `missed by ${seconds(excess - slack)}`;
	return `floor ${seconds(floorMs)}; over the floor of its run ${seconds(excess)} (runs ${figures.map((figure, run) => seconds(figure - floors[run]!)).join(' ')}; target <= ${seconds(slack)}: ${verdict})`;
};
console.log(`image ${image}, ${runs} runs, medians`);
console.log(`floor  this engine creates a network and starts 5 containers at once: ${seconds(floorMs)} (runs ${floors.map(seconds).join(' ')})`);
console.log(`up     redis-lab ${seconds(oursUpMs)}   ${against(ours.map((run) => run.upMs), 500)}`);
console.log(`       docker CLI, article's way ${seconds(baselineUpMs)}, ratio ${(oursUpMs / baselineUpMs).toFixed(2)}; each run: redis-lab ${ours.map((run) => seconds(run.upMs)).join(' ')}; docker CLI ${baseline.map((run) => seconds(run.upMs)).join(' ')}`);
console.log(`open   sentinel-failover to its first step ready ${seconds(openMs)}   ${against(opened.map((run) => run.openMs), 1000)}; each run ${opened.map((run) => seconds(run.openMs)).join(' ')}`);
console.log(`down   redis-lab ${seconds(median(ours.map((run) => run.downMs)))}   docker CLI ${seconds(median(baseline.map((run) => run.downMs)))}`);
const phase = (key: keyof Milestones) => seconds(median(ours.map((run) => run.failover![key])));
const lag = median(ours.map((run) => run.failover!.agreed - run.failover!.switched));
console.log(`failover  every probe agrees ${Math.round(lag)} ms after Sentinel's last +switch-master (floor: that event; target <= 100 ms: ${lag <= 100 ? 'met' : 'missed'}); each run ${ours.map((run) => `${Math.round(run.failover!.agreed - run.failover!.switched)}ms`).join(' ')}`);
console.log(`       after the kill: +sdown ${phase('sdown')}, +odown ${phase('odown')}, +elected-leader ${phase('elected')}, +promoted-slave ${phase('promoted')}, last +switch-master ${phase('switched')}, probes agree ${phase('agreed')} (down-after ${DEFAULT_DOWN_AFTER_MS} ms)`);
