import {confFileName, type NodeSpec} from '../topology.js';
import {heredoc, shellQuote, splitCommandLine} from '../shell.js';
import type {Runtime} from '../runtime/types.js';
import {labNodeSpecs, type RunnerOptions} from './runner.js';
import {fillTemplates} from './templates.js';
import {describeCheck, parseDuration} from './schema.js';
import type {Action, Check, Lab, Lang} from './types.js';

const CURRENT = 'current-master';
/** Stand-ins for the current master's address, which only the running script can know. */
const DYNAMIC = {host: '\u0001host\u0001', port: '\u0001port\u0001'} as const;
const DYNAMIC_SHELL = {host: '$(node_host "$(current_master)")', port: '$(node_port "$(current_master)")'} as const;

/** Fills address templates for a script: fixed nodes get their address, the current master a stand-in. */
function scriptTemplates(text: string, runtime: Runtime): string {
	return fillTemplates(text, (name, part) => (name === CURRENT ? DYNAMIC[part] : String(runtime.peerAddress(name)[part])));
}

/** Quotes a word for bash; a stand-in for the current master's address becomes a command substitution. */
function shellWord(text: string): string {
	if (!text.includes(DYNAMIC.host) && !text.includes(DYNAMIC.port)) return shellQuote(text);
	return `"${text.replace(/[\\"$`]/g, '\\$&').replaceAll(DYNAMIC.host, DYNAMIC_SHELL.host).replaceAll(DYNAMIC.port, DYNAMIC_SHELL.port)}"`;
}

/** Shell helpers the exported script starts with. */
function prelude(runtime: Runtime, specs: NodeSpec[]): string {
	const cli = specs.map((spec) => `cli_${spec.name}() { ${runtime.shell.cli(spec.name, [])} "$@"; }`).join('\n');
	const sentinels = specs.filter((spec) => spec.kind === 'sentinel');
	const byPort = specs.map((spec) => `${spec.port}) echo ${spec.name} ;;`).join(' ');
	return `# Every node's redis-cli, as you would type it.
${cli}

# Polls a condition for up to N seconds (4 times a second).
wait_for() {
  local what=$1 seconds=$2; shift 2
  for _ in $(seq 1 $((seconds * 4))); do
    if "$@" >/dev/null 2>&1; then echo "  ok: $what"; return 0; fi
    sleep 0.25
  done
  echo "  FAILED: $what (not within \${seconds}s)" >&2
  return 1
}

# info_get NODE FIELD[.SUBFIELD]: one INFO value, e.g. info_get master connected_slaves, info_get master slave0.lag
info_get() {
  local field=\${2%%.*} sub=""
  [ "$2" != "$field" ] && sub=\${2#*.}
  cli_$1 INFO | tr -d '\\r' | awk -F: -v f="$field" -v s="$sub" '$1 == f { v = substr($0, length(f) + 2); if (s == "") print v; else { n = split(v, kv, ","); for (i = 1; i <= n; i++) { split(kv[i], p, "="); if (p[1] == s) print p[2] } } }'
}
info_is() { local v; v=$(info_get "$1" "$2"); case $3 in eq) [ "$v" = "$4" ] ;; ge) [ -n "$v" ] && [ "$v" -ge "$4" ] ;; le) [ -n "$v" ] && [ "$v" -le "$4" ] ;; re) [[ $v =~ $4 ]] ;; gt) [ -n "$v" ] && [ "$v" -gt "$4" ] ;; esac; }
role_is() { if [ "$2" = down ]; then ! cli_$1 PING; else [ "$(cli_$1 ROLE | head -1)" = "$2" ]; fi; }
key_is() { [ "$(cli_$1 GET "$2")" = "$3" ]; }
reply_matches() { local n=$1 p=$2; shift 2; cli_$n "$@" 2>&1 | grep -Eq "$p"; }
in_sync() {
  local m n; m=$(info_get "$1" master_repl_offset)
  for n in ${specs.filter((spec) => spec.kind === 'redis').map((spec) => spec.name).join(' ')}; do
    [ "$n" = "$1" ] && continue
    [ "$(info_get "$n" master_port 2>/dev/null)" = "$(node_port "$1")" ] || continue
    [ "$(info_get "$n" slave_repl_offset)" = "$m" ] || return 1
  done
}
node_port() { case $1 in ${specs.map((spec) => `${spec.name}) echo ${spec.port} ;;`).join(' ')} esac; }
node_host() { case $1 in ${specs.map((spec) => `${spec.name}) echo ${runtime.peerAddress(spec.name).host} ;;`).join(' ')} esac; }
node_by_port() { case $1 in ${byPort} esac; }
# The node the sentinels report as master now.
current_master() {
  local s port
  for s in ${sentinels.map((spec) => spec.name).join(' ') || 'none'}; do
    port=$(cli_$s SENTINEL GET-MASTER-ADDR-BY-NAME master 2>/dev/null | tail -1) && [ -n "$port" ] && { node_by_port "$port"; return 0; }
  done
  return 1
}
sentinel_master_is() { local m; m=$(current_master) && [ "$m" = "$1" ]; }
sentinel_master_not() { local m; m=$(current_master) && [ "$m" != "$1" ]; }
`;
}

function seconds(check: Check): number {
	const body = Object.values(check)[0] as {within?: string | number};
	return Math.max(1, Math.ceil((body.within === undefined ? 10_000 : parseDuration(body.within)) / 1000));
}

/** A node for ShellText: the current master is a shell expression the script evaluates. */
function shellNode(ref: string): string {
	return ref === CURRENT ? '$(current_master)' : ref;
}

function node(ref: string): string {
	return ref === CURRENT ? '"$(current_master)"' : ref;
}

/** One check as a `wait_for` line, or a comment when a shell cannot observe it. */
function checkLine(check: Check, lang: Lang, expand: (text: string) => string): string {
	const label = shellQuote(describeCheck(check, lang));
	const within = seconds(check);
	if ('role' in check) return `wait_for ${label} ${within} role_is ${node(check.role.node)} ${check.role.is}`;
	if ('info' in check) {
		const {node: ref, field, equals, matches, atLeast, atMost, grows} = check.info;
		const parts: string[] = [];
		if (equals !== undefined) parts.push(`info_is ${node(ref)} ${field} eq ${shellQuote(typeof equals === 'boolean' ? (equals ? '1' : '0') : String(equals))}`);
		if (matches !== undefined) parts.push(`info_is ${node(ref)} ${field} re ${shellQuote(matches)}`);
		if (atLeast !== undefined) parts.push(`info_is ${node(ref)} ${field} ge ${atLeast}`);
		if (atMost !== undefined) parts.push(`info_is ${node(ref)} ${field} le ${atMost}`);
		if (grows) parts.push(`info_is ${node(ref)} ${field} gt "$BEFORE_${field.replace(/\W/g, '_')}"`);
		return parts.map((part) => `wait_for ${label} ${within} ${part}`).join('\n');
	}
	if ('in-sync' in check) return `wait_for ${label} ${within} in_sync ${node(check['in-sync'].master)}`;
	if ('key' in check) return `wait_for ${label} ${within} key_is ${node(check.key.node)} ${shellQuote(check.key.key)} ${shellQuote(check.key.missing ? '' : check.key.equals ?? '')}`;
	if ('reply' in check) {
		const args = splitCommandLine(check.reply.command).map(shellQuote).join(' ');
		const {error, matches, equals} = check.reply;
		const pattern = error !== undefined || matches !== undefined ? expand((error ?? matches)!) : `^${expand(String(equals ?? '')).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`;
		return `wait_for ${label} ${within} reply_matches ${node(check.reply.node)} ${shellWord(pattern)} ${args}`;
	}
	if ('sentinel-master' in check) {
		const body = check['sentinel-master'];
		return body.is ? `wait_for ${label} ${within} sentinel_master_is ${body.is}` : `wait_for ${label} ${within} sentinel_master_not ${body.not}`;
	}
	if ('event' in check) {
		if (check.event.absent) return `echo "  watching ${within}s: ${check.event.type} must not appear"; sleep ${within}`;
		return `# expect the sentinel event ${check.event.type} (see the sentinels' logs)`;
	}
	return `# expect: ${describeCheck(check, lang)}`;
}

/** A bash script with exactly the commands the lab runs, step by step, on this runtime. */
export function exportLab(lab: Lab, runtime: Runtime, options: RunnerOptions & {version?: string} = {}): string {
	const lang = options.lang ?? 'en';
	const specs = new Map(labNodeSpecs(lab, options).map((spec) => [spec.name, spec]));
	const created = new Set<string>();
	const written = new Set<string>();
	/** mkdir + heredoc of a node's config, once (starting or showing it needs the file). */
	const writeFile = (name: string): string[] => {
		if (written.has(name)) return [];
		written.add(name);
		const spec = specs.get(name)!;
		const folder = `./redis-lab/${name}`;
		return [`mkdir -p ${folder} && chmod 777 ${folder}`, heredoc(`${folder}/${confFileName(spec)}`, runtime.renderConfig(spec)), `chmod 666 ${folder}/${confFileName(spec)}`];
	};
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

	const emit = (action: Action) => {
		for (const line of actionLines(action)) out.push(line);
	};
	const actionLines = (action: Action): string[] => {
		const targets = (value: string | string[]) => (Array.isArray(value) ? value : [value]);
		if ('start' in action) {
			return targets(action.start).flatMap((name) => {
				if (created.has(name)) return [runtime.shell.start(name)];
				created.add(name);
				return [...writeFile(name), runtime.shell.create(name), `wait_for "${name} answers PING" 10 cli_${name} PING`];
			});
		}
		for (const op of ['stop', 'kill', 'pause', 'resume', 'restart'] as const) {
			if (op in action) return targets((action as Record<string, string | string[]>)[op]!).map((ref) => runtime.shell[op](shellNode(ref)));
		}
		if ('isolate' in action) return [runtime.shell.isolate(shellNode(action.isolate))];
		if ('heal' in action) return [runtime.shell.heal(shellNode(action.heal))];
		if ('cli' in action) {
			const args = splitCommandLine(scriptTemplates(action.cli.command, runtime));
			const ref = action.cli.node;
			return [`cli_${ref === CURRENT ? '$(current_master)' : ref} ${args.map(shellWord).join(' ')}`];
		}
		if ('write-config' in action) {
			const name = action['write-config'].node;
			const spec = specs.get(name)!;
			const extra = [...(spec.extra ?? [])];
			for (const [key, value] of Object.entries(action['write-config'].set)) {
				const index = extra.findIndex(([existing]) => existing === key);
				if (index === -1) extra.push([key, String(value)]);
				else extra[index] = [key, String(value)];
			}
			const next = {...spec, extra};
			specs.set(name, next);
			written.add(name);
			return [`mkdir -p ./redis-lab/${name}`, heredoc(`./redis-lab/${name}/${confFileName(next)}`, runtime.renderConfig(next))];
		}
		if ('show-config' in action) return [...writeFile(action['show-config']), `cat ./redis-lab/${action['show-config']}/${confFileName(specs.get(action['show-config'])!)}`];
		if ('write' in action) {
			const port = `$(node_port ${node(action.write.node)})`;
			return [`for i in $(seq 1 ${action.write.count}); do cli_${action.write.node === CURRENT ? '$(current_master)' : action.write.node} SET ${action.write.prefix}:$i $i; done  # redis-cli -p ${port}`];
		}
		if ('logs' in action) {
			const base = runtime.shell.logs(action.logs.node, {tail: action.logs.lines ?? 40});
			return [action.logs.grep ? `${base} | grep -E ${shellQuote(action.logs.grep)} || true` : base];
		}
		if ('client-start' in action) return ['# (the app starts an application client here that writes through the sentinels; see redis-lab run)'];
		if ('client-stop' in action) return ['# (the app stops the client and checks every acknowledged write)'];
		return [];
	};

	const block = (title: string, actions: Action[], checks: Check[]) => {
		out.push(`# ── ${title}`);
		for (const check of checks) {
			if ('info' in check && check.info.grows) out.push(`BEFORE_${check.info.field.replace(/\W/g, '_')}=$(info_get ${node(check.info.node)} ${check.info.field})`);
		}
		for (const action of actions) emit(action);
		for (const check of checks) out.push(checkLine(check, lang, (text) => scriptTemplates(text, runtime)));
		out.push('');
	};
	for (const [index, setup] of (lab.setup ?? []).entries()) block(`Setup ${index + 1}: the starting state`, setup.do, setup.expect ?? []);
	for (const [index, step] of lab.steps.entries()) block(`Step ${index + 1}: ${text(step.title)}`, step.do, step.expect);
	out.push('# ── Clean up (uncomment to remove everything this script created)');
	for (const line of runtime.shell.cleanup([...created])) out.push(`# ${line}`);
	return out.join('\n') + '\n';
}
