import {RedisLabError, messageOf, type ErrorCode} from '../engine/errors.js';
import {findLab, loadCatalogue} from '../engine/lab/loader.js';
import {LabRunner} from '../engine/lab/runner.js';
import type {Lab, Lang} from '../engine/lab/types.js';
import type {TranscriptEntry} from '../engine/session-state.js';
import {cliMessages as m} from '../i18n/cli.js';
import {both, t} from '../i18n/index.js';
import {runtimeFlags, type RuntimeFlags} from './options.js';
import type {CommandAction} from './program.js';
import {openSession} from './open-session.js';
import {paint, print, table} from './output.js';
import {onInterrupt} from './signals.js';
import {said} from '../i18n/engine.js';

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

/** Runs one lab headless on a fresh session; resolves true when every check passed. */
/** The 0-based index of `--from` (a 1-based number or a step id). */
export function stepIndexOf(lab: Lab, from: string): number {
	const byId = lab.steps.findIndex((step) => step.id === from);
	if (byId !== -1) return byId;
	const number = Number(from);
	if (Number.isInteger(number) && number >= 1 && number <= lab.steps.length) return number - 1;
	throw new RedisLabError('BAD_INPUT', both(m.badFrom, {value: from, lab: lab.id, count: lab.steps.length}));
}

export async function runLab(lab: Lab, flags: RuntimeFlags, lang: Lang, options: {downAfterMs?: number; keep?: boolean; from?: number} = {}): Promise<boolean> {
	const session = await openSession(flags);
	if (!lab.runtimes.includes(session.runtime.kind)) {
		throw new RedisLabError('NEEDS_DOCKER', said('labNeedsDocker', {lab: lab.id, runtimes: lab.runtimes.join(' / ')}));
	}
	const release = onInterrupt(() => session.close({keep: flags.keep}));
	let shown = 0;
	const unsubscribe = session.subscribe(() => {
		const {transcript} = session.getState();
		for (; shown < transcript.length; shown++) {
			const entry = transcript[shown]!;
			if (entry.kind !== 'step') printEntry(entry);
		}
	});
	const flush = () => {
		const {transcript} = session.getState();
		for (; shown < transcript.length; shown++) if (transcript[shown]!.kind !== 'step') printEntry(transcript[shown]!);
	};
	const text = (value: {en: string; zh?: string} | undefined) => (value ? value[lang] ?? value.en : '');
	print(paint(`\n━━ ${String(lab.order).padStart(2, '0')} ${text(lab.title)} (${lab.id}) · ${session.runtime.kind} · ${session.runtime.label}`, 'bold'));
	print(text(lab.summary).trim());
	let ok = false;
	let fatal: RedisLabError | undefined;
	try {
		await session.prepare();
		const runner = new LabRunner(session, lab, {lang, basePort: flags.basePort, downAfterMs: options.downAfterMs});
		if (lab.setup?.length) {
			print(paint(`\n▸ ${t(lang, m.runSetup)}`, 'bold'));
			await runner.setup();
			flush();
		}
		session.ready();
		ok = true;
		const from = options.from ?? 0;
		if (from > 0) {
			print(paint(`\n▸ ${t(lang, m.runCatchUp, {number: from + 1})}`, 'bold'));
			ok = await runner.catchUp(from);
			flush();
		}
		for (const [index, step] of runner.lab.steps.entries()) {
			if (index < from || !ok) continue;
			flush();
			print(paint(`\n▸ ${t(lang, m.runStep, {number: index + 1, count: lab.steps.length, title: text(step.title)})}`, 'bold'));
			print(indent(text(step.text).trim(), '  '));
			if (step.note) print(paint(indent(`${t(lang, m.runNote)}${text(step.note).trim()}`, '  '), 'yellow'));
			runner.goTo(index);
			const passed = await runner.runStep(index);
			flush();
			if (!passed) {
				if (step.hint) print(paint(indent(`${t(lang, m.runHint)}${text(step.hint).trim()}`, '  '), 'yellow'));
				ok = false;
				break;
			}
		}
		runner.dispose();
	} catch (error) {
		flush();
		print(paint(`  ! ${messageOf(error, lang)}`, 'red'));
		ok = false;
		if (error instanceof RedisLabError && ENVIRONMENT_ERRORS.has(error.code)) fatal = error;
	} finally {
		unsubscribe();
		await session.close({keep: flags.keep || options.keep});
		release();
	}
	// The machine, not the lab, is at fault: the CLI says so in one line with what to do.
	if (fatal) throw fatal;
	print(ok ? paint(`✓ ${t(lang, m.runPassed, {lab: lab.id})}`, 'green') : paint(`✗ ${t(lang, m.runFailed, {lab: lab.id})}`, 'red'));
	if (flags.keep || options.keep) print(t(lang, m.runKept));
	return ok;
}

/** Failures of the machine (Docker, image, ports, binaries) rather than of a lab's checks. */
const ENVIRONMENT_ERRORS = new Set<ErrorCode>(['PORT_TAKEN', 'DOCKER_UNREACHABLE', 'DOCKER_LOST', 'IMAGE_MISSING', 'NO_RUNTIME', 'REDIS_BIN_MISSING', 'LEFTOVERS', 'NAME_CONFLICT']);

export const run: CommandAction = async ([labId], options) => {
	const flags = runtimeFlags(options);
	const {lang, downAfter: downAfterMs} = options;
	const labs = await loadCatalogue();
	if (labId !== 'all') {
		const lab = findLab(labs, labId!);
		const from = options.from === undefined ? undefined : stepIndexOf(lab, options.from);
		return (await runLab(lab, flags, lang, {downAfterMs, from})) ? 0 : 1;
	}
	const results: Array<{lab: Lab; result: string; seconds: number}> = [];
	const started = Date.now();
	for (const lab of labs) {
		const labStarted = Date.now();
		let result: string;
		try {
			result = t(lang, (await runLab(lab, {...flags, keep: false}, lang, {downAfterMs})) ? m.runResultPassed : m.runResultFailed);
		} catch (error) {
			if (error instanceof RedisLabError && error.code === 'NEEDS_DOCKER') result = t(lang, m.runResultSkipped);
			else throw error;
		}
		results.push({lab, result, seconds: (Date.now() - labStarted) / 1000});
	}
	print('\n' + await table(['#', t(lang, m.runLab), t(lang, m.runResult), t(lang, m.runTime)], results.map(({lab, result, seconds}) => [String(lab.order).padStart(2, '0'), lab.id, result, `${seconds.toFixed(1)}s`])));
	print(t(lang, m.runTotal, {seconds: ((Date.now() - started) / 1000).toFixed(1)}));
	return results.some((entry) => entry.result === t(lang, m.runResultFailed)) ? 1 : 0;
};
