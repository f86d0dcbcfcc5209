import {confFileName, kindOf} from '../../topology/topology.js';
import {heredoc, shellJoin, shellQuote} from '../../base/shell.js';
import {shellPort, shownFolder} from '../shell-node.js';
import type {ShellText} from '../types.js';

export interface LocalShellContext {
	password?: string;
	/** A node's port (for node names, never shell expressions). */
	port: (node: string) => number;
	/** The programs found (redis-* or valkey-*); the redis-* names until the runtime has looked. */
	programs?: () => LocalPrograms;
}

/** The program names a learner types: the server, the sentinel (a program, or the server and --sentinel), the cli. */
export interface LocalPrograms {
	server: string;
	/** `redis-sentinel`, or `valkey-server` and `--sentinel` (after the config file). */
	sentinel: string[];
	cli: string;
}

export const DEFAULT_PROGRAMS = {server: 'redis-server', sentinel: ['redis-sentinel'], cli: 'redis-cli'} as const satisfies LocalPrograms;

const NO_NETWORK = '# network isolation needs the docker runtime';

/** The commands a learner would type for processes on 127.0.0.1; pure strings. */
export function localShell(context: LocalShellContext): ShellText {
	const conf = (node: string) => `${shownFolder(node)}/${confFileName({kind: kindOf(node)})}`;
	const programs = () => context.programs?.() ?? DEFAULT_PROGRAMS;
	const cli = (node: string) => `${programs().cli} -p ${shellPort(node, context.port)}${context.password ? ` -a ${shellQuote(context.password)} --no-auth-warning` : ''}`;
	const pid = (node: string) => `$(cat ${shownFolder(node)}/${node}.pid)`;
	// In the background, as a learner's terminal (and an exported script) needs it.
	const server = (node: string) => {
		const [program, ...flags] = kindOf(node) === 'sentinel' ? programs().sentinel : [programs().server];
		return [program, conf(node), ...flags, '--daemonize yes'].join(' ');
	};
	return {
		create: (node) => server(node),
		start: (node) => server(node),
		stop: (node) => `${cli(node)} shutdown`,
		kill: (node) => `kill -9 ${pid(node)}`,
		pause: (node) => `kill -STOP ${pid(node)}`,
		resume: (node) => `kill -CONT ${pid(node)}`,
		restart: (node) => `${cli(node)} shutdown && ${server(node)}`,
		remove: (node) => `kill -9 ${pid(node)}; rm -rf ${shownFolder(node)}`,
		isolate: () => NO_NETWORK,
		heal: () => NO_NETWORK,
		logs: (node, options = {}) => `${options.follow ? 'tail -f' : `tail -n ${options.tail ?? 40}`} ${shownFolder(node)}/${node}.log`,
		cli: (node, args) => `${cli(node)}${args.length > 0 ? ' ' + shellJoin(args) : ''}`,
		// As each cli words it: valkey-cli says Valkey.
		notRunning: (node) => `Could not connect to ${programs().cli.startsWith('valkey') ? 'Valkey' : 'Redis'} at 127.0.0.1:${shellPort(node, context.port)}: Connection refused`,
		script: (_node, script) => script,
		writeConfig: (node, text) => heredoc(conf(node), text),
		showConfig: (node) => `cat ${conf(node)}`,
		network: () => undefined,
		cleanup: (nodes) => [`for n in ${nodes.join(' ')}; do cli_$n SHUTDOWN NOSAVE; done; rm -rf ./redis-lab`],
	};
}
