import {isRedisLabError} from '../engine/errors.js';
import {cliMessages as m} from '../i18n/cli.js';
import {t, type Lang} from '../i18n/index.js';
import {langOfArgv} from './lang.js';

/**
 * Runs `cleanup` once on SIGINT, SIGTERM or SIGHUP, then exits 130. A second signal during
 * clean-up exits at once and says how to remove what is left. Returns a function that unhooks.
 * `lang`: the command's language; by default, the one the command line chose (as cli.tsx does).
 */
export function onInterrupt(cleanup: () => Promise<void>, lang: Lang = langOfArgv(process.argv.slice(2))): () => void {
	let cleaning = false;
	const handler = (signal: NodeJS.Signals) => {
		if (cleaning && signal !== 'SIGINT') return;
		if (cleaning) {
			process.stderr.write(`\n${t(lang, m.interruptForced)}\n`);
			process.exit(130);
		}
		cleaning = true;
		process.stderr.write(`\n${t(lang, m.interruptRemovingForce, {signal})}\n`);
		const force = setTimeout(() => {
			process.stderr.write(`${t(lang, m.cleanupSlow)}\n`);
			process.exit(130);
		}, 8000);
		force.unref();
		cleanup()
			.catch((error: unknown) => process.stderr.write(`${t(lang, m.cleanupFailed, {error: isRedisLabError(error) ? error.said[lang] : (error as Error).message})}\n`))
			.finally(() => process.exit(130));
	};
	const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
	for (const signal of signals) process.on(signal, handler);
	return () => {
		for (const signal of signals) process.off(signal, handler);
	};
}
