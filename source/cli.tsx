#!/usr/bin/env node
// React's development build is several times slower; the app is never developed through this entry.
process.env.NODE_ENV ??= 'production';
import {exitStatusOf, hintOf, isRedisLabError, messageOf} from './engine/base/errors.js';
import {Exit, buildProgram} from './commands/program.js';
import {langOfArgv} from './commands/lang.js';
import {cliMessages} from './i18n/cli.js';
import {t} from './i18n/index.js';

const HELP_OR_VERSION = new Set(['-h', '--help', '-v', '--version']);

/** No command (nothing, or flags only) opens the interactive app, as `start` with those flags. */
function withDefaultCommand(argv: string[]): string[] {
	const first = argv[0];
	if (first === undefined) return ['start'];
	if (first.startsWith('-') && !argv.some((arg) => HELP_OR_VERSION.has(arg))) return ['start', ...argv];
	return argv;
}

const argv = process.argv.slice(2);
const lang = langOfArgv(argv);
try {
	let status = 0;
	const program = await buildProgram(lang, (code) => (status = code));
	try {
		await program.parseAsync(withDefaultCommand(argv), {from: 'user'});
	} catch (error) {
		if (!(error instanceof Exit)) throw error;
		status = error.status;
	}
	process.exitCode = status;
} catch (error) {
	if (argv.includes('--debug')) console.error(error);
	if (isRedisLabError(error)) process.stderr.write(`redis-lab: ${messageOf(error, lang)}\n${hintOf(error, lang) ? `  ${hintOf(error, lang)}\n` : ''}`);
	else process.stderr.write(`redis-lab: ${messageOf(error)}\n  ${t(lang, cliMessages.bug)}\n`);
	process.exitCode = exitStatusOf(error);
}
// Keep-alive sockets of the Docker client would hold the process for seconds: the work is done.
process.exit();
