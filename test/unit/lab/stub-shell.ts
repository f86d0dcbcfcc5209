import type {ShellText} from '../../../source/engine/runtime/types.js';
import type {NodeSpec} from '../../../source/engine/topology.js';

/** ShellText that names the operation and its arguments: `stop master`, `cli replica1 GET k`. */
export const stubShell: ShellText = {
	create: (node: string, spec?: NodeSpec) => `create ${node}${spec ? ` :${spec.port}` : ''}`,
	start: (node) => `start ${node}`,
	stop: (node) => `stop ${node}`,
	kill: (node) => `kill ${node}`,
	pause: (node) => `pause ${node}`,
	resume: (node) => `resume ${node}`,
	restart: (node) => `restart ${node}`,
	remove: (node) => `remove ${node}`,
	isolate: (node) => `isolate ${node}`,
	heal: (node) => `heal ${node}`,
	logs: (node, options = {}) => `logs ${node}${options.follow ? ' -f' : ` -n ${options.tail ?? 40}`}`,
	cli: (node, args) => `cli ${node}${args.length > 0 ? ` ${args.join(' ')}` : ''}`,
	script: (node, script) => `on ${node}: ${script}`,
	writeConfig: (node, text) => `write-config ${node} ${text.length}`,
	showConfig: (node) => `show-config ${node}`,
	network: () => 'network',
	cleanup: (nodes) => [`cleanup ${nodes.join(' ')}`],
};
