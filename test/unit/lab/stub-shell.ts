import type {ShellText} from '../../../source/engine/runtime/types.js';
import type {NodeSpec} from '../../../source/engine/topology/topology.js';

/** ShellText that names the operation and its arguments: `stop master`, `cli replica1 GET k`. */
export const stubShell = {
	create: (node: string, spec?: NodeSpec) => `create ${node}${spec ? ` :${spec.port}` : ''}`,
	start: (node: string) => `start ${node}`,
	stop: (node: string) => `stop ${node}`,
	kill: (node: string) => `kill ${node}`,
	pause: (node: string) => `pause ${node}`,
	resume: (node: string) => `resume ${node}`,
	restart: (node: string) => `restart ${node}`,
	remove: (node: string) => `remove ${node}`,
	isolate: (node: string) => `isolate ${node}`,
	heal: (node: string) => `heal ${node}`,
	logs: (node: string, options: {follow?: boolean; tail?: number} = {}) => `logs ${node}${options.follow ? ' -f' : ` -n ${options.tail ?? 40}`}`,
	cli: (node: string, args: string[]) => `cli ${node}${args.length > 0 ? ` ${args.join(' ')}` : ''}`,
	script: (node: string, script: string) => `on ${node}: ${script}`,
	writeConfig: (node: string, text: string) => `write-config ${node} ${text.length}`,
	showConfig: (node: string) => `show-config ${node}`,
	network: () => 'network',
	cleanup: (nodes: string[]) => [`cleanup ${nodes.join(' ')}`],
	notRunning: (node: string, state: string) => `${node} is ${state}`,
} as ShellText;
