import {shellQuote} from '../shell.js';
import type {RuntimeOp, ShellText} from './types.js';

/**
 * Temporary: ShellText on top of a runtime's `commandFor`. The runtime split replaces it with
 * pure shell-text modules per runtime (and drops `commandFor`).
 */
export function shellFromOps(kind: 'docker' | 'local', ops: (op: RuntimeOp) => string, containerName: (node: string) => string, networkName: () => string): ShellText {
	const commandFor = (op: RuntimeOp) => ('node' in op && op.node.startsWith('$(') ? forExpression(ops, op) : ops(op));
	const simple = (op: 'start' | 'stop' | 'kill' | 'pause' | 'resume' | 'restart' | 'remove' | 'isolate' | 'heal') => (node: string) => commandFor({op, node});
	return {
		create: (node, spec) => commandFor({op: 'create', node, spec}),
		start: simple('start'),
		stop: simple('stop'),
		kill: simple('kill'),
		pause: simple('pause'),
		resume: simple('resume'),
		restart: simple('restart'),
		remove: simple('remove'),
		isolate: simple('isolate'),
		heal: simple('heal'),
		logs(node, options = {}) {
			const follow = commandFor({op: 'logs', node});
			if (options.follow) return follow;
			const lines = options.tail ?? 40;
			return kind === 'docker' ? follow.replace('logs -f', `logs --tail ${lines}`) + ' 2>&1' : follow.replace('tail -f', `tail -n ${lines}`);
		},
		cli: (node, args) => commandFor({op: 'cli', node, args}),
		script: (node, script) => (kind === 'docker' ? `docker exec ${containerName(node)} sh -c ${shellQuote(script)}` : script),
		writeConfig: (node, text) => commandFor({op: 'write-config', node, text}),
		showConfig: (node) => commandFor({op: 'show-config', node}),
		network: () => (kind === 'docker' ? commandFor({op: 'network'}) : undefined),
		cleanup: (nodes) => (kind === 'docker'
			? [`docker rm -f ${nodes.map(containerName).join(' ')}`, `docker network rm ${networkName()}`]
			: [`for n in ${nodes.join(' ')}; do cli_$n SHUTDOWN NOSAVE; done; rm -rf ./redis-lab`]),
	};
}

/**
 * Temporary, until ShellText is pure per runtime: a node given as a shell expression in exported
 * scripts (`$(current_master)`): written for master, then its name, files and port made dynamic.
 */
function forExpression(ops: (op: RuntimeOp) => string, op: RuntimeOp & {node: string}): string {
	const expression = op.node;
	return ops({...op, node: 'master'} as RuntimeOp)
		.replace(/\b(redis-lab(?:-\d+)?)-master\b/g, `$1-${expression}`)
		.replace(/\bmaster\.pid\b/g, `${expression}.pid`)
		.replace(/redis-lab\/master\//g, `redis-lab/${expression}/`)
		.replace(/-p \d+\b/g, `-p $(node_port "${expression}")`);
}
