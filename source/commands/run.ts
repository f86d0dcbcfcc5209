import {RedisLabError, messageOf, type ErrorCode} from '../engine/base/errors.js';
import {findLab, loadCatalogue} from '../engine/lab/format/loader.js';
import {LabRunner} from '../engine/lab/run/runner.js';
import type {Lab, Lang, Step} from '../engine/lab/format/types.js';
import type {TranscriptEntry} from '../engine/session/state.js';
import {cliMessages as m} from '../i18n/cli.js';
import {both, t} from '../i18n/index.js';
import {runtimeFlags, type RuntimeFlags} from './options.js';
import type {CommandAction, ParsedOptions} from './options.js';
import type {Session} from '../engine/session/session.js';
import {ProgressStore} from '../engine/lab/run/progress.js';
import type {RoomPublisher} from '../engine/room/publisher.js';
import {roomEndpoint} from '../engine/room/url.js';
import {ROOM} from '../i18n/room.js';
import {followLab, joinRoom, roomChoice, sayProblemOnce} from './room-join.js';
import {openSession} from './open-session.js';
import {paint, print, table} from './output.js';
import {onInterrupt} from './signals.js';
import {ENGINE} from '../i18n/engine.js';
import {serverName} from '../engine/redis/server-kind.js';

function indent(text: string, prefix = '    '): string {
	return text.split('\n').map((line) => prefix + line).join('\n');
}

function printEntry(entry: TranscriptEntry): void {
	if (entry.kind === 'command') print(paint(`  $ ${entry.text}`, 'cyan'));
	else if (entry.kind === 'output') print(paint(indent(entry.text), 'gray'));
	else if (entry.kind === 'check') print(`  ${paint(entry.text, entry.ok ? 'green' : 'red')}`);
	else if (entry.kind === 'error') print(paint(`  ! ${entry.text}`, 'red'));
	else if (entry.kind === 'note') print(paint(`  ${entry.text}`, 'yellow'));
}

/** `--sources`: each place the step's lesson rests on, then what it backs. */
export function sourcesText(step: Step, lang: Lang): string | undefined {
	if (!step.sources?.length) return undefined;
	const lines = [t(lang, m.runSources)];
	for (const source of step.sources) {
		lines.push(`  ${source.file && source.symbol ? `${source.file} · ${source.symbol}` : source.url ?? ''}`);
		lines.push(`      ${(source.backs[lang] ?? source.backs.en).trim()}`);
	}
	return indent(lines.join('\n'), '  ');
}

/** The 0-based index of `--from` (a 1-based number or a step id). */
export function stepIndexOf(lab: Lab, from: string): number {
	const byId = lab.steps.findIndex((step) => step.id === from);
	if (byId !== -1) return byId;
	const number = Number(from);
	if (Number.isInteger(number) && number >= 1 && number <= lab.steps.length) return number - 1;
	throw new RedisLabError('BAD_INPUT', both(m.badFrom, {value: from, lab: lab.id, count: lab.steps.length}));
}

type LabSessionOf = Awaited<ReturnType<typeof openSession>>;
const localised = (value: {en: string; zh?: string} | undefined, lang: Lang) => (value ? value[lang] ?? value.en : '');

/** Prints the session's transcript as it grows, and which server answered once it is known. */
function transcriptPrinter(session: LabSessionOf, lang: Lang): {flush(): void; stop(): void} {
	let shown = 0;
	let serverShown = false;
	const flush = () => {
		const {transcript, server, serverWarning} = session.getState();
		if (server && !serverShown) {
			serverShown = true;
			print(paint(`  ${t(lang, m.runServer, {server: `${serverName(server)[lang]} (${session.runtime.label})`})}`, 'gray'));
			if (serverWarning) print(paint(`  ⚠ ${serverWarning[lang]}`, 'yellow'));
		}
		for (; shown < transcript.length; shown++) if (transcript[shown]!.kind !== 'step') printEntry(transcript[shown]!);
	};
	return {flush, stop: session.subscribe(flush)};
}

function printStepIntro(lab: Lab, index: number, lang: Lang, withSources: boolean): void {
	const step = lab.steps[index]!;
	print(paint(`\n▸ ${t(lang, m.runStep, {number: index + 1, count: lab.steps.length, title: localised(step.title, lang)})}`, 'bold'));
	print(indent(localised(step.text, lang).trim(), '  '));
	if (step.note) print(paint(indent(`${t(lang, m.runNote)}${localised(step.note, lang).trim()}`, '  '), 'yellow'));
	const sources = withSources ? sourcesText(step, lang) : undefined;
	if (sources) print(paint(sources, 'gray'));
}

/** Setup, the catch-up to `--from`, then every step until one fails; true when all passed. */
async function walkSteps(runner: LabRunner, session: LabSessionOf, lang: Lang, {from, sources}: {from: number; sources: boolean}, flush: () => void): Promise<boolean> {
	const {lab} = runner;
	if (lab.setup?.length) {
		print(paint(`\n▸ ${t(lang, m.runSetup)}`, 'bold'));
		await runner.setup();
		flush();
	}
	session.ready();
	if (from > 0) {
		print(paint(`\n▸ ${t(lang, m.runCatchUp, {number: from + 1})}`, 'bold'));
		const caughtUp = await runner.catchUp(from);
		flush();
		if (!caughtUp) return false;
	}
	for (let index = from; index < lab.steps.length; index++) {
		flush();
		printStepIntro(lab, index, lang, sources);
		runner.goTo(index);
		const passed = await runner.runStep(index);
		flush();
		if (!passed) {
			const {hint} = lab.steps[index]!;
			if (hint) print(paint(indent(`${t(lang, m.runHint)}${localised(hint, lang).trim()}`, '  '), 'yellow'));
			return false;
		}
	}
	return true;
}

/** The verdict on one line with the server and runtime: a failure in a log of many runs names both. */
function printVerdict(lab: Lab, session: LabSessionOf, ok: boolean, kept: boolean, lang: Lang): void {
	const server = session.getState().server;
	const where = ` · ${session.runtime.kind}${server ? ` · ${serverName(server)[lang]}` : ''}`;
	print(ok ? paint(`✓ ${t(lang, m.runPassed, {lab: lab.id})}${where}`, 'green') : paint(`✗ ${t(lang, m.runFailed, {lab: lab.id})}${where}`, 'red'));
	if (kept) print(t(lang, m.runKept));
}

/** The lab screen's state of a headless run (the room publishes from it), and its changes. */
function runStore(session: Session, runner: LabRunner) {
	return {
		getState: () => ({...session.getState(), lab: runner.getState()}),
		subscribe: (listener: () => void) => {
			const fromSession = session.subscribe(listener);
			const fromRunner = runner.subscribe(listener);
			return () => {
				fromSession();
				fromRunner();
			};
		},
	};
}

/** Runs one lab headless on a fresh session; resolves true when every check passed. */
export async function runLab(lab: Lab, flags: RuntimeFlags, lang: Lang, options: {downAfterMs?: number; keep?: boolean; from?: number; sources?: boolean; room?: RoomPublisher} = {}): Promise<boolean> {
	const session = await openSession(flags);
	if (!lab.runtimes.includes(session.runtime.kind)) {
		throw new RedisLabError('NEEDS_DOCKER', both(ENGINE.labNeedsDocker, {lab: lab.id, runtimes: lab.runtimes.join(' / ')}));
	}
	const release = onInterrupt(() => session.close({keep: flags.keep}));
	const printer = transcriptPrinter(session, lang);
	print(paint(`\n━━ ${String(lab.order).padStart(2, '0')} ${localised(lab.title, lang)} (${lab.id}) · ${[session.runtime.kind, session.runtime.label].filter(Boolean).join(' · ')}`, 'bold'));
	print(localised(lab.summary, lang).trim());
	let ok = false;
	let fatal: RedisLabError | undefined;
	let stopPublishing = () => {};
	try {
		await session.prepare();
		const runner = new LabRunner(session, lab, {lang, basePort: flags.basePort, downAfterMs: options.downAfterMs});
		if (options.room) stopPublishing = followLab(options.room, runStore(session, runner));
		ok = await walkSteps(runner, session, lang, {from: options.from ?? 0, sources: Boolean(options.sources)}, () => printer.flush());
		runner.dispose();
	} catch (error) {
		printer.flush();
		print(paint(`  ! ${messageOf(error, lang)}`, 'red'));
		// The machine, not the lab, is at fault: the CLI says so in one line with what to do.
		if (error instanceof RedisLabError && ENVIRONMENT_ERRORS.has(error.code)) fatal = error;
	} finally {
		stopPublishing();
		printer.stop();
		await session.close({keep: flags.keep || options.keep});
		release();
	}
	if (fatal) throw fatal;
	printVerdict(lab, session, ok, Boolean(flags.keep || options.keep), lang);
	return ok;
}

/** Failures of the machine (Docker, image, ports, binaries) rather than of a lab's checks. */
const ENVIRONMENT_ERRORS = new Set<ErrorCode>(['PORT_TAKEN', 'DOCKER_UNREACHABLE', 'DOCKER_LOST', 'IMAGE_MISSING', 'NO_RUNTIME', 'REDIS_BIN_MISSING', 'LEFTOVERS', 'NAME_CONFLICT']);

/** Joins the room for a run (if any): says so, and says once if it cannot be reached. */
function joinForRun(options: ParsedOptions & {lang: Lang}): RoomPublisher | undefined {
	const choice = roomChoice(options, new ProgressStore());
	if (!choice) return undefined;
	const publisher = joinRoom(choice, 'run');
	print(paint(t(options.lang, ROOM.joinedAs, {room: choice.address.roomId, at: roomEndpoint(choice.address), name: choice.name}), 'gray'));
	sayProblemOnce(publisher, options.lang, (line) => print(paint(`! ${line}`, 'yellow')));
	return publisher;
}

export const run: CommandAction = async ([labId], options) => {
	const labs = await loadCatalogue();
	const lab = labId === 'all' ? undefined : findLab(labs, labId!);
	const from = lab && options.from !== undefined ? stepIndexOf(lab, options.from) : undefined;
	const room = joinForRun(options);
	try {
		return lab ? ((await runLab(lab, runtimeFlags(options), options.lang, {downAfterMs: options.downAfter, from, sources: options.sources, room})) ? 0 : 1) : await runAll(labs, options, room);
	} finally {
		// A busy machine can take seconds to write the last status, and the host should see how the run ended.
		await room?.close({timeoutMs: 5000});
	}
};

async function runAll(labs: Lab[], options: ParsedOptions & {lang: Lang}, room?: RoomPublisher): Promise<number> {
	const flags = runtimeFlags(options);
	const {lang, downAfter: downAfterMs, sources} = options;
	const results: Array<{lab: Lab; result: string; seconds: number}> = [];
	const started = Date.now();
	for (const lab of labs) {
		const labStarted = Date.now();
		let result: string;
		try {
			result = t(lang, (await runLab(lab, {...flags, keep: false}, lang, {downAfterMs, sources, room})) ? m.runResultPassed : m.runResultFailed);
		} catch (error) {
			if (error instanceof RedisLabError && error.code === 'NEEDS_DOCKER') result = t(lang, m.runResultSkipped);
			else throw error;
		}
		results.push({lab, result, seconds: (Date.now() - labStarted) / 1000});
	}
	print('\n' + await table(['#', t(lang, m.runLab), t(lang, m.runResult), t(lang, m.runTime)], results.map(({lab, result, seconds}) => [String(lab.order).padStart(2, '0'), lab.id, result, `${seconds.toFixed(1)}s`])));
	print(t(lang, m.runTotal, {seconds: ((Date.now() - started) / 1000).toFixed(1)}));
	return results.some((entry) => entry.result === t(lang, m.runResultFailed)) ? 1 : 0;
}
