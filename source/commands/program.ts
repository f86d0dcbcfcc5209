// The command line, declared once: commander builds the parsing, the help and the suggestions from it.
import {Command, CommanderError, Help, Option} from 'commander';
import {RedisLabError} from '../engine/base/errors.js';
import type {Lang} from '../engine/lab/format/types.js';
import {cliMessages as m, type CliMessage} from '../i18n/cli.js';
import {both, t} from '../i18n/index.js';
import {chooseLang} from './lang.js';
import {packageVersion} from './package-version.js';
import {OPTIONS, RUNTIME_OPTIONS, type OptionName, type ParsedOptions} from './options.js';

export type {CommandAction} from './options.js';
import type {CommandAction} from './options.js';

interface CommandSpec {
	name: string;
	help: CliMessage;
	args?: Array<{syntax: string; help: CliMessage}>;
	options: readonly OptionName[];
	/** Loaded only when the command runs, so that `list` or `--help` never load Docker, Redis or Ink. */
	load: () => Promise<CommandAction>;
}

const lab = {syntax: '<lab>', help: 'argumentLab'} as const;

export const COMMANDS: readonly CommandSpec[] = [
	{name: 'start', help: 'commandStart', args: [{syntax: '[lab]', help: 'argumentLab'}], options: [...RUNTIME_OPTIONS, 'lang', 'reset', 'downAfter', 'record', 'idleLimit', 'theme', 'autoplay', 'pace', 'demo', 'room', 'name', 'debug'], load: async () => (await import('./start.js')).start},
	{name: 'list', help: 'commandList', options: ['lang', 'debug'], load: async () => (await import('./list.js')).list},
	{name: 'run', help: 'commandRun', args: [{syntax: '<lab>', help: 'argumentRunLab'}], options: [...RUNTIME_OPTIONS, 'lang', 'downAfter', 'from', 'sources', 'room', 'name', 'debug'], load: async () => (await import('./run.js')).run},
	{name: 'export', help: 'commandExport', args: [lab], options: ['runtime', 'image', 'basePort', 'password', 'redisBin', 'lang', 'debug'], load: async () => (await import('./export.js')).exportLab},
	{name: 'up', help: 'commandUp', options: [...RUNTIME_OPTIONS, 'sentinels', 'downAfter', 'lang', 'debug'], load: async () => (await import('./up.js')).up},
	{name: 'status', help: 'commandStatus', options: ['password', 'lang', 'debug'], load: async () => (await import('./status.js')).status},
	{name: 'down', help: 'commandDown', options: ['session', 'all', 'lang', 'debug'], load: async () => (await import('./down.js')).down},
	{name: 'doctor', help: 'commandDoctor', options: ['runtime', 'image', 'basePort', 'redisBin', 'lang', 'debug'], load: async () => (await import('./doctor.js')).doctor},
	{name: 'render', help: 'commandRender', args: [{syntax: '<cast>', help: 'argumentCast'}, {syntax: '<picture>', help: 'argumentPicture'}], options: ['idleLimit', 'speed', 'fromMarker', 'toMarker', 'cols', 'rows', 'theme', 'lang', 'debug'], load: async () => (await import('./render.js')).render},
	{name: 'room', help: 'commandRoom', args: [{syntax: '[serve]', help: 'argumentRoom'}], options: ['room', 'stuck', 'json', 'export', 'bind', 'port', 'stop', 'runtime', 'image', 'redisBin', 'lang', 'debug'], load: async () => (await import('./room.js')).room},
	{name: 'lint', help: 'commandLint', args: [{syntax: '[dir]', help: 'argumentDir'}], options: ['lang', 'debug'], load: async () => (await import('./lint.js')).lint},
];


/**
 * Help in the chosen language. Chinese is measured by display width (string-width, loaded only
 * then: it costs more to load than commander); English help is ASCII, which commander measures.
 */
async function helpConfiguration(lang: Lang): Promise<Partial<Help>> {
	const titles: Record<string, CliMessage> = {'Usage:': 'Usage:', 'Options:': 'Options:', 'Commands:': 'Commands:', 'Arguments:': 'Arguments:', 'Global Options:': 'Global Options:'};
	const styleTitle = (title: string) => (titles[title] ? t(lang, m[titles[title]]) : title);
	if (lang === 'en') return {styleTitle};
	const {default: stringWidth} = await import('string-width');
	return {styleTitle, displayWidth: (text: string) => stringWidth(text), boxWrap: wrapChinese};
}

/** A Han character or CJK mark, with the closing punctuation that must not start a line; or a word. */
const CHUNK = /\s*(?:[\u2E80-\u9FFF\uFF00-\uFFEF\u3000-\u303F][，。：；、）」！？\uFF09\uFF0C\uFF1A\uFF1B]*|[^\s\u2E80-\u9FFF\uFF00-\uFFEF\u3000-\u303F]+)/g;

/** Commander wraps at spaces only; Chinese has none, so a line may also end after any of its characters. */
function wrapChinese(this: Help, text: string, width: number): string {
	if (width < this.minWidthToWrap) return text;
	return text.split(/\r?\n/).map((line) => {
		const lines: string[] = [];
		let current = '';
		for (const chunk of line.match(CHUNK) ?? []) {
			if (current && this.displayWidth(current + chunk) > width) {
				lines.push(current);
				current = chunk.trimStart();
			} else current += chunk;
		}
		return [...lines, current].join('\n');
	}).join('\n');
}

/** A commander error (unknown command, unknown flag, missing lab...) as one line and a hint. */
export function fromCommanderError(error: CommanderError, lang: Lang, command?: CommandSpec): RedisLabError {
	const [first = '', ...rest] = error.message.replace(/^error: /, '').split('\n');
	const suggestion = /\(Did you mean (.+)\?\)/.exec(rest.join(' '))?.[1];
	const helpHint = command ? both(m.hintCommandHelp, {command: command.name}) : both(m.hintHelp);
	const didYouMean = suggestion ? both(m.didYouMean, {suggestion}) : undefined;
	const hint = didYouMean ? {en: `${didYouMean.en} ${helpHint.en}`, zh: `${didYouMean.zh}${helpHint.zh}`} : helpHint;
	const quoted = /'([^']+)'/.exec(first)?.[1] ?? '';
	switch (error.code) {
		case 'commander.unknownCommand':
			return new RedisLabError('BAD_INPUT', both(m.unknownCommand, {name: quoted}), {hint});
		case 'commander.unknownOption':
			return new RedisLabError('BAD_INPUT', both(m.unknownOption, {option: quoted}), {hint});
		case 'commander.optionMissingArgument':
			return new RedisLabError('BAD_INPUT', both(m.optionNeedsValue, {option: quoted.split(' ')[0]!}), {hint});
		case 'commander.missingArgument': {
			const usage = {command: command?.name ?? '', usage: command?.args?.map((arg) => arg.syntax).join(' ') ?? ''};
			if (command?.args?.[0]?.help !== 'argumentLab' && command?.args?.[0]?.help !== 'argumentRunLab') return new RedisLabError('BAD_INPUT', both(m.missingArguments, usage), {hint});
			return new RedisLabError('BAD_INPUT', both(m.whichLab, usage), {hint: both(m.hintList)});
		}
		case 'commander.excessArguments':
			return new RedisLabError('BAD_INPUT', both(m.tooManyArguments, {command: command?.name ?? 'redis-lab', got: /got (\d+)/.exec(first)?.[1] ?? '?'}), {hint});
		default:
			// Commander's own English, in both languages.
			return new RedisLabError('BAD_INPUT', {en: first.charAt(0).toUpperCase() + first.slice(1), zh: first}, {hint});
	}
}

/** Thrown by commander after it printed help or the version: not an error, an exit status. */
export class Exit extends Error {
	constructor(readonly status: number) {
		super(`exit ${status}`);
	}
}

function exitOverride(lang: Lang, command?: CommandSpec) {
	return (error: CommanderError): never => {
		if (error.exitCode === 0 || error.code === 'commander.helpDisplayed' || error.code === 'commander.version') throw new Exit(error.exitCode);
		throw fromCommanderError(error, lang, command);
	};
}

/** The program in `lang`; `status` receives the exit status of the command that ran. */
export async function buildProgram(lang: Lang, onStatus: (status: number) => void): Promise<Command> {
	const program = new Command('redis-lab')
		.description(t(lang, m.program))
		.configureHelp(await helpConfiguration(lang))
		.configureOutput({outputError: () => undefined})
		.exitOverride(exitOverride(lang))
		.showSuggestionAfterError(true)
		.helpOption('-h, --help', t(lang, m.optionHelp))
		.helpCommand(false)
		.version(packageVersion(), '-v, --version', t(lang, m.optionVersion));
	for (const spec of COMMANDS) {
		const command = program.command(spec.name).description(t(lang, m[spec.help])).exitOverride(exitOverride(lang, spec));
		for (const argument of spec.args ?? []) command.argument(argument.syntax, t(lang, m[argument.help]));
		for (const name of spec.options) {
			const declared = OPTIONS[name];
			const option = new Option(declared.flags, t(lang, m[declared.help]));
			if ('parse' in declared) option.argParser((value: string) => declared.parse(value));
			command.addOption(option);
		}
		command.action(async () => {
			const parsed = command.opts<ParsedOptions>();
			const args = command.args.slice(0, spec.args?.length ?? 0);
			const action = await spec.load();
			onStatus(await action(args, {...parsed, lang: spec.options.includes('lang') ? chooseLang(parsed.lang) : lang}));
		});
	}
	program.command('help').argument('[command]', t(lang, m.argumentCommand)).description(t(lang, m.commandHelp)).action(async (name?: string) => {
		const command = name === undefined ? program : program.commands.find((candidate) => candidate.name() === name);
		if (command) command.outputHelp();
		// An unknown name: commander's own unknown-command error, with its suggestion.
		else await program.parseAsync([name!], {from: 'user'});
	});
	return program;
}
