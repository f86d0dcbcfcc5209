import {confFileName, type NodeSpec} from '../../topology/topology.js';
import {heredoc, shellQuote, splitCommandLine} from '../../base/shell.js';
import type {ScriptRuntime} from './script-runtime.js';
import {actionOf} from '../actions/registry.js';
import {checkOf, checkWithin, describeCheck} from '../checks/registry.js';
import type {CheckScriptContext, ScriptContext} from '../define/define.js';
import {CURRENT_MASTER} from '../define/fields.js';
import {labNodeSpecs, withDirectives, type RunnerOptions} from '../format/node-specs.js';
import {resolveLab} from '../format/resolve-lab.js';
import {prelude} from './script-prelude.js';
import {fillTemplates} from '../define/templates.js';
import type {Action, Check, Lab, Lang, Source} from '../format/types.js';
import {t} from '../../../i18n/index.js';

/** The current master as a shell word: the script asks the sentinels when it runs. */
const CURRENT_WORD = '$(current_master)';
/** Stand-ins for the current master's address, which only the running script can know. */
const DYNAMIC = {host: '\u0001host\u0001', port: '\u0001port\u0001'} as const;
const DYNAMIC_SHELL = {host: `$(node_host "${CURRENT_WORD}")`, port: `$(node_port "${CURRENT_WORD}")`} as const;

/** Fills address templates for a script: fixed nodes get their address, the current master a stand-in. */
function scriptTemplates(text: string, runtime: ScriptRuntime): string {
	return fillTemplates(text, (name, part) => (name === CURRENT_MASTER ? DYNAMIC[part] : String(runtime.peerAddress(name)[part])));
}

/** Quotes a word for bash; a stand-in for the current master's address becomes a command substitution. */
function shellWord(text: string): string {
	if (!text.includes(DYNAMIC.host) && !text.includes(DYNAMIC.port)) return shellQuote(text);
	return `"${text.replace(/[\\"$`]/g, '\\$&').replaceAll(DYNAMIC.host, DYNAMIC_SHELL.host).replaceAll(DYNAMIC.port, DYNAMIC_SHELL.port)}"`;
}

/** What action lines use: node words, templates, and the config files written so far. */
function scriptContext(runtime: ScriptRuntime, specs: Map<string, NodeSpec>, created: Set<string>): ScriptContext {
	const written = new Set<string>();
	const fill = (text: string) => scriptTemplates(text, runtime);
	const shell = runtime.shell;
	/** mkdir + heredoc of a node's config, once (starting or showing it needs the file). */
	const writeFile = (name: string): string[] => {
		if (written.has(name)) return [];
		written.add(name);
		const spec = specs.get(name)!;
		const folder = `./redis-lab/${name}`;
		return [`mkdir -p ${folder} && chmod 777 ${folder}`, heredoc(`${folder}/${confFileName(spec)}`, runtime.renderConfig(spec)), `chmod 666 ${folder}/${confFileName(spec)}`];
	};
	return {
		shell,
		kind: runtime.kind,
		node: (ref) => (ref === CURRENT_MASTER ? CURRENT_WORD : ref),
		arg: (ref) => (ref === CURRENT_MASTER ? `"${CURRENT_WORD}"` : ref),
		words: (command) => splitCommandLine(fill(command)).map(shellWord),
		word: (text) => shellWord(fill(text)),
		start(name) {
			if (created.has(name)) return [shell.start(name)];
			created.add(name);
			return [...writeFile(name), runtime.kind === 'docker' ? shell.create(name) : shell.start(name), `wait_for "${name} answers PING" 10 cli_${name} PING`];
		},
		writeConfig(name, set) {
			const next = withDirectives(specs.get(name)!, set);
			specs.set(name, next);
			written.add(name);
			return [`mkdir -p ./redis-lab/${name}`, heredoc(`./redis-lab/${name}/${confFileName(next)}`, runtime.renderConfig(next))];
		},
		hostPort: (name) => runtime.hostAddress(name).port,
		removeAtEnd: (name) => void created.add(name),
		// The current master is only known when the script runs: its file exists by then.
		showConfig: (name) => (name === CURRENT_MASTER ? [`cat "$(config_file "${CURRENT_WORD}")"`] : [...writeFile(name), `cat ./redis-lab/${name}/${confFileName(specs.get(name)!)}`]),
	};
}

function checkContext(check: Check, lang: Lang, context: ScriptContext, runtime: ScriptRuntime): CheckScriptContext {
	const describe = describeCheck(check, lang);
	return {
		label: shellQuote(describe),
		describe,
		seconds: Math.max(1, Math.ceil(checkWithin(check) / 1000)),
		lang,
		arg: context.arg,
		word: context.word,
		fill: (text) => scriptTemplates(text, runtime),
	};
}

/** A step's sources as comments: where in Redis's source (or Docker's documentation) its lesson rests. */
export function sourceComments(sources: readonly Source[] | undefined, lang: Lang): string[] {
	if (!sources?.length) return [];
	const lines = [`# ${t(lang, {en: "In Redis's source:", zh: 'Redis 源码出处：'})}`];
	for (const source of sources) {
		const place = source.file && source.symbol ? `${source.file} · ${source.symbol}` : source.url ?? '';
		lines.push(`#   ${place}: ${(source.backs[lang] ?? source.backs.en).trim().replace(/\s*\n\s*/g, ' ')}`);
	}
	return lines;
}

/** A bash script with exactly the commands the lab runs, step by step, on this runtime. */
export function exportLab(file: Lab, runtime: ScriptRuntime, options: RunnerOptions & {version?: string} = {}): string {
	const lang = options.lang ?? 'en';
	const lab = resolveLab(file, options);
	const specs = new Map(labNodeSpecs(lab, options).map((spec) => [spec.name, spec]));
	const created = new Set<string>();
	const context = scriptContext(runtime, specs, created);
	const text = (value: {en: string; zh?: string}) => value[lang] ?? value.en;
	const out: string[] = [
		'#!/usr/bin/env bash',
		`# redis-lab ${String(lab.order).padStart(2, '0')}: ${text(lab.title)} (${lab.id})`,
		`# Runtime: ${runtime.kind} (${runtime.label}). Generated by redis-lab${options.version ? ` ${options.version}` : ''}.`,
		'# Run it from an empty folder: configs go to ./redis-lab/<node>/. Remove everything at the end with the clean-up lines.',
		'set -euo pipefail',
		'',
		prelude(runtime, [...specs.values()]),
	];
	const network = runtime.shell.network();
	if (network) out.push(network, '');

	const block = (title: string, actions: Action[], checks: Check[], sources?: readonly Source[]) => {
		out.push(`# ── ${title}`, ...sourceComments(sources, lang));
		for (const check of checks) {
			const {definition, body} = checkOf(check);
			out.push(...(definition.scriptBefore?.(body, checkContext(check, lang, context, runtime)) ?? []));
		}
		for (const action of actions) {
			const {definition, body} = actionOf(action);
			out.push(...definition.script(body, context));
		}
		for (const check of checks) {
			const {definition, body} = checkOf(check);
			out.push(definition.script(body, checkContext(check, lang, context, runtime)).join('\n'));
		}
		out.push('');
	};
	for (const [index, setup] of (lab.setup ?? []).entries()) block(`Setup ${index + 1}: the starting state`, setup.do, setup.expect ?? []);
	for (const [index, step] of lab.steps.entries()) {
		const title = `Step ${index + 1}: ${text(step.title)}`;
		if (!step.runtimes || step.runtimes.includes(runtime.kind)) block(title, step.do, step.expect, step.sources);
		else out.push(`# ── ${title}`, ...sourceComments(step.sources, lang), `# (skipped: this step needs the ${step.runtimes.join(', ')} runtime; export with --runtime docker to get it)`, '');
	}
	out.push('# ── Clean up (uncomment to remove everything this script created)');
	out.push(...runtime.shell.cleanup([...created]).map((line) => `# ${line}`));
	return out.join('\n') + '\n';
}
