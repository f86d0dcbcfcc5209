import {RedisLabError, hintOf, messageOf} from '../engine/errors.js';
import {findLab, loadCatalogue} from '../engine/lab/loader.js';
import {LabSession} from '../engine/lab-session.js';
import {ProgressStore} from '../engine/progress.js';
import {createRuntime} from '../engine/runtime/detect.js';
import {Session, newSessionId} from '../engine/session.js';
import type {AppController, LabHandle} from '../ui/controller.js';
import {cliMessages as m} from '../i18n/cli.js';
import {both, t} from '../i18n/index.js';
import {runtimeFlags} from './options.js';
import type {CommandAction} from './program.js';
import {leftoversInTheWay} from './open-session.js';
import {removeOwnSessions, reachableDocker} from '../engine/inventory.js';
import {settleBasePort} from './base-port.js';
import {dockerClient} from '../engine/runtime/docker/index.js';
import {autoplay} from '../engine/autoplay.js';
import {CastRecorder, recordStream} from '../record/asciicast.js';
import {markSteps} from '../record/step-markers.js';
import {said} from '../i18n/engine.js';

/** The interactive app: the menu, or one lab. */
export const start: CommandAction = async ([labId], options) => {
	const {lang} = options;
	if (options.autoplay && !labId) throw new RedisLabError('BAD_INPUT', both(m.autoplayNeedsLab));
	// Ink draws only the last frame when it believes it runs in CI: on a real terminal, draw live.
	if (process.stdout.isTTY) {
		delete process.env.CI;
		delete process.env.CONTINUOUS_INTEGRATION;
	}
	// Loading Ink and React takes a good part of start-up: begin while the catalogue and Docker are read.
	const ui = Promise.all([import('ink'), import('react'), import('../ui/App.js')]);
	ui.catch(() => undefined);
	const labs = await loadCatalogue();
	const initialLab = labId ? findLab(labs, labId).id : undefined;
	// Refuse before touching anything: a piped `--reset` must not forget the progress it cannot show.
	if (!process.stdin.isTTY) throw new RedisLabError('BAD_INPUT', both(m.needsTerminal), {hint: both(m.hintHeadless)});
	const progress = new ProgressStore();
	if (options.reset) progress.reset();
	// Many learners on one host: a taken default range moves to a free one (said on stderr, before drawing).
	const flags = await settleBasePort(runtimeFlags(options));

	let startupError: AppController['startupError'];
	let runtimeKind: 'docker' | 'local' = flags.runtime ?? 'docker';
	let runtimeLabel = flags.image ?? '';
	try {
		const probe = await createRuntime({...flags, sessionId: 'probe'});
		runtimeKind = probe.kind;
		runtimeLabel = probe.label;
	} catch (error) {
		startupError = {message: messageOf(error, lang), hint: hintOf(error, lang)};
	}

	const removeLeftovers = async () => {
		await removeOwnSessions(runtimeKind === 'docker' ? dockerClient() : await reachableDocker(dockerClient(), 500));
	};
	let leftovers: string[] = [];
	if (!startupError) {
		leftovers = await leftoversInTheWay(flags, runtimeKind).catch(() => []);
		if (leftovers.length > 0 && flags.clean) {
			await removeLeftovers();
			leftovers = [];
		}
	}

	let current: LabSession | undefined;
	const controller: AppController = {
		labs,
		runtime: runtimeKind,
		runtimeLabel,
		lang,
		progress,
		initialLab,
		startupError,
		leftovers,
		removeLeftovers,
		async openLab(labId) {
			const lab = findLab(labs, labId);
			const runtime = await createRuntime({...flags, sessionId: newSessionId()});
			if (!lab.runtimes.includes(runtime.kind)) throw new RedisLabError('NEEDS_DOCKER', said('labNeedsDocker', {lab: lab.id, runtimes: lab.runtimes.join(' / ')}));
			const inTheWay = await leftoversInTheWay(flags, runtime.kind);
			if (inTheWay.length > 0) throw new RedisLabError('LEFTOVERS', said('leftoversInTheWay', {names: inTheWay.join(', ')}));
			const session = new Session({runtime, password: flags.password, demo: options.demo});
			const saved = progress.get(lab.id);
			// Resume after the last step shown when it was completed, else on it.
			const last = Math.min(saved.lastStep ?? 0, lab.steps.length - 1);
			const startAt = saved.doneSteps.includes(lab.steps[last]?.id ?? '') && last + 1 < lab.steps.length ? last + 1 : last;
			current = new LabSession(session, lab, {
				lang,
				basePort: flags.basePort,
				downAfterMs: options.downAfter,
				startAt,
				onStepDone: (id, stepId) => progress.markDone(id, stepId),
			});
			session.subscribe(() => {
				const index = session.getState().lab?.current;
				if (index !== undefined) progress.setLast(lab.id, index);
			});
			if (recorder) markSteps(session, lab, lang, recorder);
			const opened = current.open();
			if (options.autoplay) {
				const playing = current;
				void opened.then(async () => {
					if (session.getState().phase !== 'ready') return finishAutoplay(false);
					const passed = await autoplay(playing, {pace: options.pace, lang});
					finishAutoplay(passed);
				});
			} else {
				void opened;
			}
			return current;
		},
	};

	const recorder = options.record ? new CastRecorder(options.record, {
		width: process.stdout.columns ?? 80,
		height: process.stdout.rows ?? 24,
		title: `redis-lab${labId ? ` · ${labId}` : ''}`,
		command: ['redis-lab', 'start', ...(labId ? [labId] : []), ...(options.autoplay ? ['--autoplay'] : [])].join(' '),
	}, {idleLimit: options.idleLimit}) : undefined;
	const stopRecording = recorder ? recordStream(process.stdout, recorder) : () => undefined;
	/** Autoplay ended: hold the last screen a moment, then leave (non-zero when a check failed). */
	const finishAutoplay = (passed: boolean) => {
		if (!passed) process.exitCode = 1;
		setTimeout(() => instance.unmount(), passed ? 1500 : 4000);
	};

	const [{render}, React, {App}] = await ui;
	let exitResult: {handle?: LabHandle; keep: boolean} = {keep: false};
	let closing = false;
	let tearingDown: Promise<void> | undefined;
	/** One teardown, whoever asks first; later callers wait for the same one. */
	const teardown = (keep: boolean): Promise<void> => {
		closing = true;
		tearingDown ??= current ? current.close({keep}).catch((error: unknown) => {
			say(`${t(lang, m.teardownFailed, {error: messageOf(error, lang)})}\n`);
			process.exitCode = 1;
		}) : Promise.resolve();
		return tearingDown;
	};
	const unmount = () => {
		try {
			instance.unmount();
		} catch {
			// The terminal may be gone (SIGHUP): nothing to restore.
		}
	};
	const say = (text: string) => {
		try {
			process.stderr.write(text);
		} catch {
			// Same.
		}
	};
	let hungUp = false;
	/** Leaves at once; after a hang-up, by the signal itself: Node's exit would try to reset a terminal that is gone. */
	const leave = (code: number) => {
		if (!hungUp) process.exit(code);
		for (const signal of ['SIGHUP', 'SIGTERM'] as const) process.removeAllListeners(signal);
		process.kill(process.pid, 'SIGHUP');
	};
	const onSignal = (signal: NodeJS.Signals) => {
		if (signal === 'SIGHUP') {
			hungUp = true;
			// Writes to a closed terminal fail; nothing is listening any more.
			process.stdout.on('error', () => undefined);
			process.stderr.on('error', () => undefined);
		}
		// A hang-up arrives twice (the signal, and stdin ending); only a second Ctrl+C forces.
		if (closing && signal !== 'SIGINT') return;
		if (closing) {
			say(`\n${t(lang, m.interruptForced)}\n`);
			process.exit(130);
		}
		// Tear down first: with the terminal closed, anything touching it may throw.
		const done = teardown(flags.keep);
		const force = setTimeout(() => leave(130), 8000);
		force.unref();
		unmount();
		if (!hungUp) say(`\n${t(lang, m.interruptRemoving, {signal})}\n`);
		void done.finally(() => leave(130));
	};
	for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, onSignal);
	process.on('uncaughtException', (error) => {
		// A closing app (the terminal gone) fails to draw: the teardown under way finishes the job.
		if (closing) return;
		const done = teardown(false);
		unmount();
		say(`redis-lab: ${messageOf(error, lang)}\n`);
		void done.finally(() => process.exit(1));
	});
	// A closed terminal ends stdin: treat it like a hang-up.
	process.stdin.on('end', () => onSignal('SIGHUP'));
	process.stdin.on('error', () => onSignal('SIGHUP'));
	const instance = render(React.createElement(App, {controller, onExit: (result) => (exitResult = result)}), {exitOnCtrlC: false, maxFps: 20, patchConsole: false});
	await instance.waitUntilExit();
	stopRecording();
	await recorder?.close();
	const keep = exitResult.keep || flags.keep;
	if (current) process.stdout.write(`${t(lang, keep ? m.quitLeaving : m.quitRemoving)}\n`);
	await teardown(keep);
	return process.exitCode === 1 ? 1 : 0;
};
