// UI benchmark (figures, not pass/fail): launch to first menu frame, event-to-screen latency, idle CPU
// and memory of the app on a lab screen with five live panes. Needs a built app (npm run build),
// Docker with the image in REDIS_LAB_IMAGE, and tmux.
// Usage: node scripts/bench-ui.mjs [--idle-seconds 30]
import {execFileSync, spawnSync} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {Writable} from 'node:stream';
import {parseArgs, stripVTControlCharacters as stripAnsi} from 'node:util';

// The app runs React's production build (dist/cli.js sets it); so does this in-process measurement.
process.env.NODE_ENV ??= 'production';
const [{default: React}, {render}, {findLab, loadCatalogue}, {LabSession}, {createRuntime, imageFrom}, {Session, newSessionId}, {LabScreen}, {eventRows}, {MAX_FPS}] = await Promise.all([
	import('react'),
	import('ink'),
	import('../dist/engine/lab/format/loader.js'),
	import('../dist/engine/lab/run/lab-session.js'),
	import('../dist/engine/runtime/detect.js'),
	import('../dist/engine/session/session.js'),
	import('../dist/ui/LabScreen.js'),
	import('../dist/ui/presentation/events.js'),
	import('../dist/ui/frame-rate.js'),
]);

const {values} = parseArgs({options: {'idle-seconds': {type: 'string', default: '30'}, runs: {type: 'string', default: '3'}}});
const idleSeconds = Number(values['idle-seconds']);
const CLI = new URL('../dist/cli.js', import.meta.url).pathname;
const image = imageFrom();
const socket = `redis-lab-bench-${process.pid}`;
const tmux = (...args) => execFileSync('tmux', ['-L', socket, ...args], {encoding: 'utf8'});
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const percentile = (list, p) => [...list].sort((a, b) => a - b)[Math.min(list.length - 1, Math.ceil((p / 100) * list.length) - 1)];

async function waitScreen(pattern, timeoutMs, everyMs = 5) {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		if (pattern.test(tmux('capture-pane', '-p', '-t', 'app'))) return;
		if (Date.now() > deadline) throw new Error(`no ${pattern} on screen`);
		await sleep(everyMs);
	}
}

// A fresh config folder: saved progress would resume a lab at a later step.
const configDir = mkdtempSync(join(tmpdir(), 'redis-lab-bench-config-'));
process.on('exit', () => rmSync(configDir, {recursive: true, force: true}));

function startApp(args, columns = 120, rows = 40) {
	tmux('new-session', '-d', '-s', 'app', '-x', String(columns), '-y', String(rows), `env -u CI REDIS_LAB_IMAGE=${image} REDIS_LAB_CONFIG_DIR=${configDir} ${process.execPath} ${CLI} ${args}; sleep 600`);
}

/** Launch to the first frame of the menu, in a real terminal. */
async function firstFrame() {
	const times = [];
	for (let run = 0; run < Number(values.runs); run++) {
		const started = Date.now();
		startApp('');
		await waitScreen(/enter open · q quit/, 20_000);
		times.push(Date.now() - started);
		tmux('kill-server');
		await sleep(300);
	}
	return times;
}

function cpuTicks(pid) {
	const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
	return Number(fields[11]) + Number(fields[12]);
}

function rssMb(pid) {
	return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024;
}

/** CPU and memory of the real app, idle on a lab screen with five live panes. */
async function idleCost() {
	startApp('start sentinel-failover --runtime docker --base-port 9879');
	try {
		await waitScreen(/Step 1\/\d+: .* · passed/, 60_000, 100);
		// The node process itself, not the shell tmux started it from.
		const pid = execFileSync('pgrep', ['-f', `${CLI} start sentinel-failover --runtime docker --base-port 9879`], {encoding: 'utf8'}).trim().split('\n').map(Number)
			.find((candidate) => readFileSync(`/proc/${candidate}/comm`, 'utf8').trim() === 'node');
		await sleep(2000);
		const ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], {encoding: 'utf8'}));
		const before = cpuTicks(pid);
		await sleep(idleSeconds * 1000);
		const cpu = ((cpuTicks(pid) - before) / ticksPerSecond / idleSeconds) * 100;
		return {cpu, rss: rssMb(pid)};
	} finally {
		tmux('send-keys', '-t', 'app', 'q');
		await sleep(300);
		tmux('send-keys', '-t', 'app', 'y');
		await sleep(4000);
		tmux('kill-server');
	}
}

/** Pub/sub message received (the event's stamp) to the first frame written that shows it. */
async function eventLatency() {
	const lab = findLab(await loadCatalogue(), 'sentinel-failover');
	const runtime = await createRuntime({runtime: 'docker', image, basePort: 9879, sessionId: newSessionId()});
	const labSession = new LabSession(new Session({runtime}), lab, {lang: 'en', basePort: 9879});
	const frames = [];
	const stdout = Object.assign(new Writable({write(chunk, _encoding, done) {
		frames.push({at: Date.now(), text: stripAnsi(chunk.toString('utf8'))});
		done();
	}}), {columns: 120, rows: 40, isTTY: true});
	const app = render(React.createElement(LabScreen, {handle: labSession, lang: 'en', onQuit: () => {}, active: false}), {stdout, maxFps: MAX_FPS, patchConsole: false, exitOnCtrlC: false});
	try {
		await labSession.open();
		// Step 1 watches the servers come up: move on once it passed, as a learner would.
		for (const deadline = Date.now() + 90_000; labSession.getState().lab?.steps[0]?.status !== 'passed'; await sleep(100)) {
			if (Date.now() > deadline) throw new Error(`step 1 did not pass: ${JSON.stringify(labSession.getState().lab?.steps[0])}`);
		}
		labSession.next();
		// Moving to a step settles asynchronously: run it once it is the current one.
		while (labSession.getState().lab?.current !== 1) await sleep(20);
		await labSession.runStep();
		await sleep(1000);
		const state = labSession.getState();
		const latencies = [];
		for (const event of state.events.filter((candidate) => state.faultAt !== undefined && candidate.receivedAt >= state.faultAt)) {
			const [row] = eventRows([event], 'en', state.faultAt);
			// Column widths follow the other rows on screen: match the cells in order, whatever the padding.
			const escape = (text) => text.trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
			const shown = new RegExp(`${escape(row.time)}\\s+${escape(row.source)}\\s+${escape(row.type)}(\\s|$)`);
			const frame = frames.find((candidate) => candidate.at >= event.receivedAt && shown.test(candidate.text));
			if (frame) latencies.push(frame.at - event.receivedAt);
		}
		return {latencies, events: state.events.filter((candidate) => candidate.receivedAt >= (state.faultAt ?? 0)).length};
	} finally {
		app.unmount();
		await labSession.close();
	}
}

if (spawnSync('tmux', ['-V']).status !== 0) throw new Error('tmux is needed');
const launch = await firstFrame();
const {latencies, events} = await eventLatency();
const idle = await idleCost();
console.log(`image ${image}`);
console.log(`launch to first menu frame   median ${percentile(launch, 50)} ms (${launch.join(', ')} ms)`);
console.log(`event to screen              p50 ${percentile(latencies, 50)} ms  p95 ${percentile(latencies, 95)} ms  max ${Math.max(...latencies)} ms  (${latencies.length} of ${events} events after the fault; goal p95 <= 50 ms; the app draws at up to ${MAX_FPS} fps, a frame every ${Math.round(1000 / MAX_FPS)} ms)`);
console.log(`idle CPU on a lab screen     ${idle.cpu.toFixed(2)}% of one core over ${idleSeconds} s (goal < 2%)`);
console.log(`resident memory              ${idle.rss.toFixed(0)} MB (goal < 100 MB)`);
process.exit(0);
