import {RedisLabError, hintOf, messageOf} from '../engine/base/errors.js';
import {findLab, loadCatalogue} from '../engine/lab/format/loader.js';
import {LabSession} from '../engine/lab/run/lab-session.js';
import {ProgressStore} from '../engine/lab/run/progress.js';
import {createRuntime} from '../engine/runtime/detect.js';
import {Session, newSessionId} from '../engine/session/session.js';
import type {Lab} from '../engine/lab/format/types.js';
import type {AppController, LabHandle} from '../ui/controller.js';
import {cliMessages as m} from '../i18n/cli.js';
import {both, t, type Lang} from '../i18n/index.js';
import {runtimeFlags, type CommandAction, type ParsedOptions, type RuntimeFlags} from './options.js';
import {leftoversInTheWay} from '../engine/host/leftovers.js';
import {removeOwnSessions, reachableDocker} from '../engine/host/inventory.js';
import {settleBasePort} from './base-port.js';
import {dockerClient} from '../engine/runtime/docker/index.js';
import {autoplay} from '../engine/lab/run/autoplay.js';
import {CastRecorder, castTitle, recordStream} from '../record/asciicast.js';
import {markSteps} from '../record/step-markers.js';
import {finishRecording, recordFormatOf, recordingOf, type Recording} from './recording.js';
import {ENGINE} from '../i18n/engine.js';
import {onInterrupt} from './signals.js';
import {followLab, joinRoom, roomChoice} from './room-join.js';
import type {RoomPublisher} from '../engine/room/publisher.js';
import {serverName, type ServerKind} from '../engine/redis/server-kind.js';
import {MAX_FPS} from '../ui/frame-rate.js';

type Options = ParsedOptions & {lang: Lang};
type StartupError = AppController['startupError'];

/** Writes to stderr; after a hang-up the terminal is gone and a write may throw. */
function printSafely(text: string): void {
	try {
		process.stderr.write(text);
	} catch {
		// Nobody is reading any more.
	}
}

/** Which runtime will run the labs, and why none can (shown on the start screen, not thrown). */
async function probeRuntime(flags: RuntimeFlags, lang: Lang): Promise<{kind: 'docker' | 'local'; label: string; server?: ServerKind; startupError?: StartupError}> {
	try {
		const probe = await createRuntime({...flags, sessionId: 'probe'});
		// Before anything starts, only a name for the menu and the recording: what stops a lab is said when it opens.
		const server = await probe.identifyServer?.().catch(() => undefined);
		return {kind: probe.kind, label: [probe.label, ...(server ? [serverName(server)[lang]] : [])].filter(Boolean).join(' · '), server};
	} catch (error) {
		return {kind: flags.runtime ?? 'docker', label: flags.image ?? '', startupError: {message: messageOf(error, lang), hint: hintOf(error, lang)}};
	}
}

/** What an earlier session left on this lab's ports (removed with --clean); a failure to look is shown, not hidden. */
async function leftoversAtStart(flags: RuntimeFlags, kind: 'docker' | 'local', remove: () => Promise<void>, lang: Lang): Promise<{leftovers: string[]; startupError?: StartupError}> {
	try {
		const leftovers = await leftoversInTheWay(flags.basePort, kind);
		if (leftovers.length === 0 || !flags.clean) return {leftovers};
		await remove();
		return {leftovers: []};
	} catch (error) {
		return {leftovers: [], startupError: {message: messageOf(error, lang), hint: hintOf(error, lang)}};
	}
}

/** The step to open: after the last one shown when it was completed, else that one. */
function resumeAt(lab: Lab, progress: ProgressStore): number {
	const saved = progress.get(lab.id);
	const last = Math.min(saved.lastStep ?? 0, lab.steps.length - 1);
	return saved.doneSteps.includes(lab.steps[last]?.id ?? '') && last + 1 < lab.steps.length ? last + 1 : last;
}

function castRecorder(options: Options, recording: Recording | undefined, labId: string | undefined, server: ServerKind | undefined): CastRecorder | undefined {
	if (!recording) return undefined;
	return new CastRecorder(recording.cast, {
		width: process.stdout.columns ?? 80,
		height: process.stdout.rows ?? 24,
		title: castTitle(labId, server),
		command: ['redis-lab', 'start', ...(labId ? [labId] : []), ...(options.autoplay ? ['--autoplay'] : [])].join(' '),
	}, {idleLimit: options.idleLimit});
}

interface LabOpener {
	labs: Lab[];
	flags: RuntimeFlags;
	options: Options;
	progress: ProgressStore;
	recorder?: CastRecorder;
	/** The workshop room this learner publishes to, and the lab it follows now. */
	room?: RoomPublisher;
	publishing: {stop: () => void};
	/** Autoplay ended: passed or not. */
	onAutoplayEnd: (passed: boolean) => void;
	onOpened: (lab: LabSession) => void;
}

/** Opens one lab on a fresh session: progress kept, steps marked in the recording, autoplay started. */
async function openLab(labId: string, context: LabOpener): Promise<LabHandle> {
	const {flags, options, progress} = context;
	const lab = findLab(context.labs, labId);
	const runtime = await createRuntime({...flags, sessionId: newSessionId()});
	if (!lab.runtimes.includes(runtime.kind)) throw new RedisLabError('NEEDS_DOCKER', both(ENGINE.labNeedsDocker, {lab: lab.id, runtimes: lab.runtimes.join(' / ')}));
	const inTheWay = await leftoversInTheWay(flags.basePort, runtime.kind);
	if (inTheWay.length > 0) throw new RedisLabError('LEFTOVERS', both(ENGINE.leftoversInTheWay, {names: inTheWay.join(', ')}));
	const session = new Session({runtime, password: flags.password, demo: options.demo});
	const current = new LabSession(session, lab, {
		lang: options.lang,
		basePort: flags.basePort,
		downAfterMs: options.downAfter,
		startAt: resumeAt(lab, progress),
		onStepDone: (id, stepId) => progress.markDone(id, stepId),
	});
	context.onOpened(current);
	current.subscribe(() => {
		const index = current.getState().lab?.current;
		if (index !== undefined) progress.setLast(lab.id, index);
	});
	if (context.recorder) markSteps(current, lab, options.lang, context.recorder);
	context.publishing.stop();
	if (context.room) context.publishing.stop = followLab(context.room, current);
	const opened = current.open();
	if (options.autoplay) {
		void opened.then(async () => {
			if (session.getState().phase !== 'ready') return context.onAutoplayEnd(false);
			context.onAutoplayEnd(await autoplay(current, {pace: options.pace, lang: options.lang}));
		});
	}
	return current;
}

/** One teardown of the open lab, whoever asks first; later callers wait for the same one. A failure is said, and the exit code says it too. */
function oneTeardown(lab: () => LabSession | undefined, lang: Lang): {run(keep: boolean): Promise<void>; started(): boolean} {
	let tearingDown: Promise<void> | undefined;
	return {
		run(keep) {
			const current = lab();
			tearingDown ??= current ? current.close({keep}).catch((error: unknown) => {
				printSafely(`${t(lang, m.teardownFailed, {error: messageOf(error, lang)})}\n`);
				process.exitCode = 1;
			}) : Promise.resolve();
			return tearingDown;
		},
		started: () => tearingDown !== undefined,
	};
}

/** Signals, a closed terminal and a crash all tear the lab down before the process leaves. */
function cleanUpOnExit(teardown: ReturnType<typeof oneTeardown>, {keep, unmount, lang}: {keep: boolean; unmount: () => void; lang: Lang}): void {
	onInterrupt(() => teardown.run(keep), {lang, afterCleanupStarts: unmount, watchStdin: true});
	process.on('uncaughtException', (error) => {
		// A closing app (the terminal gone) fails to draw: the teardown under way finishes the job.
		if (teardown.started()) return;
		const done = teardown.run(false);
		unmount();
		printSafely(`redis-lab: ${messageOf(error, lang)}\n`);
		void done.finally(() => process.exit(1));
	});
}

/** What `start` checks before touching anything. */
async function beforeStart(labId: string | undefined, options: Options): Promise<{labs: Lab[]; initialLab?: string}> {
	if (options.autoplay && !labId) throw new RedisLabError('BAD_INPUT', both(m.autoplayNeedsLab));
	if (options.record) recordFormatOf(options.record);
	const labs = await loadCatalogue();
	const initialLab = labId ? findLab(labs, labId).id : undefined;
	// A piped `--reset` must not forget the progress it cannot show.
	if (!process.stdin.isTTY) throw new RedisLabError('BAD_INPUT', both(m.needsTerminal), {hint: both(m.hintHeadless)});
	return {labs, initialLab};
}

/** Ink draws only the last frame when it believes it runs in CI: on a real terminal, draw live anyway. */
function drawLiveOnATerminal(): void {
	if (!process.stdout.isTTY) return;
	delete process.env.CI;
	delete process.env.CONTINUOUS_INTEGRATION;
}

/** The interactive app: the menu, or one lab. */
export const start: CommandAction = async ([labId], options) => {
	const {lang} = options;
	drawLiveOnATerminal();
	// Loading Ink and React takes a good part of start-up: begin while the catalogue and Docker are read.
	const ui = Promise.all([import('ink'), import('react'), import('../ui/App.js')]);
	ui.catch(() => undefined); // awaited below, where a failure to load is thrown
	const {labs, initialLab} = await beforeStart(labId, options);
	const progress = new ProgressStore();
	if (options.reset) progress.reset();
	const roomJoined = roomChoice(options, progress);
	const room = roomJoined ? joinRoom(roomJoined, 'app') : undefined;
	const publishing = {stop: () => {}};
	// Many learners on one host: a taken default range moves to a free one (said on stderr, before drawing).
	const flags = await settleBasePort(runtimeFlags(options));
	const runtime = await probeRuntime(flags, lang);
	const removeLeftovers = async () => removeOwnSessions(runtime.kind === 'docker' ? dockerClient() : await reachableDocker(dockerClient(), 500)).then(() => undefined);
	const found = runtime.startupError ? {leftovers: []} : await leftoversAtStart(flags, runtime.kind, removeLeftovers, lang);
	const recording = options.record ? recordingOf(options.record) : undefined;
	const recorder = castRecorder(options, recording, labId, runtime.server);
	const stopRecording = recorder ? recordStream(process.stdout, recorder) : () => undefined;

	let current: LabSession | undefined;
	const [{render}, React, {App}] = await ui;
	const screen: {instance?: ReturnType<typeof render>} = {};
	const unmount = () => {
		try {
			screen.instance?.unmount();
		} catch {
			// The terminal may be gone (SIGHUP): nothing to restore.
		}
	};
	// When autoplay ends, hold the last screen a moment, then leave (non-zero when a check failed).
	const onAutoplayEnd = (passed: boolean) => {
		if (!passed) process.exitCode = 1;
		setTimeout(unmount, passed ? 1500 : 4000);
	};
	const opener: LabOpener = {labs, flags, options, progress, recorder, room, publishing, onOpened: (lab) => (current = lab), onAutoplayEnd};
	const controller: AppController = {labs, runtime: runtime.kind, runtimeLabel: runtime.label, lang, progress, initialLab, startupError: runtime.startupError ?? found.startupError, leftovers: found.leftovers, removeLeftovers, room, openLab: (id) => openLab(id, opener)};

	const teardown = oneTeardown(() => current, lang);
	cleanUpOnExit(teardown, {keep: flags.keep, unmount, lang});
	let exitResult: {handle?: LabHandle; keep: boolean} = {keep: false};
	screen.instance = render(React.createElement(App, {controller, onExit: (result) => (exitResult = result)}), {exitOnCtrlC: false, maxFps: MAX_FPS, patchConsole: false});
	await screen.instance.waitUntilExit();
	stopRecording();
	await recorder?.close();
	const keep = exitResult.keep || flags.keep;
	if (current && !teardown.started()) process.stdout.write(`${t(lang, keep ? m.quitLeaving : m.quitRemoving)}\n`);
	await teardown.run(keep);
	publishing.stop();
	await room?.close({left: true});
	if (recording && !(await finishRecording(recording, options, lang))) process.exitCode = 1;
	return process.exitCode === 1 ? 1 : 0;
};
