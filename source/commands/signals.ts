import {messageOf} from '../engine/base/errors.js';
import {cliMessages as m} from '../i18n/cli.js';
import {t, type Lang} from '../i18n/index.js';
import {langOfArgv} from './lang.js';

const SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
/** Long enough for a loaded machine's engine to remove a lab's containers; a second Ctrl+C forces sooner. */
const FORCE_AFTER_MS = 20_000;

export interface InterruptOptions {
	/** The command's language; by default the one the command line chose (as cli.tsx does). */
	lang?: Lang;
	/** Runs once clean-up has begun (the app unmounts its screen here). */
	afterCleanupStarts?: () => void;
	/** Also treat a closed terminal (stdin ending) as a hang-up: the interactive app. */
	watchStdin?: boolean;
}

/**
 * The one interrupt handler of every command: on SIGINT, SIGTERM or SIGHUP, runs `cleanup` once,
 * then exits 130. A second Ctrl+C during clean-up exits at once and says how to remove what is
 * left; clean-up that takes over 20 s is cut short the same way. After a hang-up nothing is
 * written (the terminal is gone) and the process leaves by the signal itself. Returns a function
 * that unhooks.
 */
export function onInterrupt(cleanup: () => Promise<void>, options: InterruptOptions = {}): () => void {
	const lang = options.lang ?? langOfArgv(process.argv.slice(2));
	let cleaning = false;
	let hungUp = false;
	const say = (text: string) => {
		if (!hungUp) process.stderr.write(text);
	};
	const leave = () => {
		if (!hungUp) process.exit(130);
		for (const signal of SIGNALS) process.removeAllListeners(signal);
		process.kill(process.pid, 'SIGHUP');
	};
	const handler = (signal: NodeJS.Signals) => {
		if (signal === 'SIGHUP' && !hungUp) {
			hungUp = true;
			// Writes to a closed terminal fail; nobody reads them any more.
			process.stdout.on('error', () => undefined);
			process.stderr.on('error', () => undefined);
		}
		// A hang-up arrives twice (the signal, and stdin ending); only a second Ctrl+C forces.
		if (cleaning && signal !== 'SIGINT') return;
		if (cleaning) {
			say(`\n${t(lang, m.interruptForced)}\n`);
			process.exit(130);
		}
		cleaning = true;
		// Clean-up starts first: with the terminal closed, anything touching it may throw.
		const done = cleanup();
		options.afterCleanupStarts?.();
		say(`\n${t(lang, m.interruptRemovingForce, {signal})}\n`);
		setTimeout(() => {
			say(`${t(lang, m.cleanupSlow)}\n`);
			leave();
		}, FORCE_AFTER_MS).unref();
		void done.catch((error: unknown) => say(`${t(lang, m.cleanupFailed, {error: messageOf(error, lang)})}\n`)).finally(leave);
	};
	const hangUp = () => handler('SIGHUP');
	for (const signal of SIGNALS) process.on(signal, handler);
	if (options.watchStdin) {
		process.stdin.on('end', hangUp);
		process.stdin.on('error', hangUp);
	}
	return () => {
		for (const signal of SIGNALS) process.off(signal, handler);
		process.stdin.off('end', hangUp);
		process.stdin.off('error', hangUp);
	};
}
