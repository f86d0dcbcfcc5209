import {confFileName, kindOf, type NodeSpec} from '../../topology/topology.js';
import {heredoc, shellJoin, shellQuote} from '../../base/shell.js';
import {shellPort, shownFolder} from '../shell-node.js';
import type {ShellText} from '../types.js';
import {containerName, networkName} from './names.js';

/** Where configs live inside a container. */
export const CONF_DIR = '/usr/local/etc/redis';

/**
 * The container's command. A sentinel is the server started with --sentinel: the one way that
 * works in both official images (`redis:7.2` has redis-sentinel, `valkey/valkey:8` has
 * `redis-server` as a link to valkey-server, and an image may have no redis-sentinel at all).
 */
export function serverCommand(kind: NodeSpec['kind'], file: string): string[] {
	return kind === 'sentinel' ? ['redis-server', file, '--sentinel'] : ['redis-server', file];
}

/** What the docker shell text needs to know of the session; plain values in tests. */
export interface DockerShellContext {
	basePort: number;
	image: string;
	password?: string;
	/** A node's port (for node names, never shell expressions). */
	port: (node: string) => number;
	/** The lab network's subnet, once created with a fixed one. */
	subnet(): string | undefined;
	/** A node's fixed IP on the lab network, when known before it starts. */
	fixedIp: (node: string) => string | undefined;
	/** The IP a node rejoins the network with (kept from before it was cut off). */
	healIp(node: string): string | undefined;
	/** A node's spec, when known (a sentinel's `--add-host` names its master). */
	spec(node: string): NodeSpec | undefined;
	/** A node's container id, when created (Docker names it in some errors). */
	containerId?(node: string): string | undefined;
}

/**
 * A sentinel resolves its master's name once, at boot: an /etc/hosts entry lets it start before
 * the master runs, and still resolve the name while the master's container is stopped.
 */
export function extraHosts(basePort: number, node: Pick<NodeSpec, 'kind' | 'monitor'>, fixedIp: (node: string) => string | undefined): string[] {
	const master = node.kind === 'sentinel' ? node.monitor?.node : undefined;
	const ip = master ? fixedIp(master) : undefined;
	return master && ip ? [`${containerName(basePort, master)}:${ip}`] : [];
}

/** The docker commands a learner would type; pure strings. */
export function dockerShell(context: DockerShellContext): ShellText {
	const container = (node: string) => containerName(context.basePort, node);
	const network = networkName(context.basePort);
	const port = (node: string) => shellPort(node, context.port);
	const conf = (node: string) => `${shownFolder(node)}/${confFileName({kind: kindOf(node)})}`;
	const auth = context.password ? ` -a ${shellQuote(context.password)} --no-auth-warning` : '';
	return {
		create(node, spec) {
			const kind = kindOf(node);
			const ip = context.fixedIp(node);
			const known = spec ?? context.spec(node);
			const hosts = known ? extraHosts(context.basePort, known, context.fixedIp).map((entry) => ` --add-host ${entry}`).join('') : '';
			const published = `127.0.0.1:${port(node)}:${port(node)}`;
			return `docker run -d --name ${container(node)} --network ${network}${ip ? ` --ip ${ip}` : ''}${hosts} -p ${published} -v "$PWD/${shownFolder(node).slice(2)}:${CONF_DIR}" ${context.image} ${serverCommand(kind, `${CONF_DIR}/${confFileName({kind})}`).join(' ')}`;
		},
		start: (node) => `docker start ${container(node)}`,
		stop: (node) => `docker stop ${container(node)}`,
		kill: (node) => `docker kill ${container(node)}`,
		pause: (node) => `docker pause ${container(node)}`,
		resume: (node) => `docker unpause ${container(node)}`,
		restart: (node) => `docker restart ${container(node)}`,
		remove: (node) => `docker rm -f ${container(node)}`,
		isolate: (node) => `docker network disconnect ${network} ${container(node)}`,
		heal(node) {
			const ip = context.healIp(node);
			return `docker network connect${ip && context.subnet() ? ` --ip ${ip}` : ''} ${network} ${container(node)}`;
		},
		logs: (node, options = {}) => (options.follow ? `docker logs -f ${container(node)}` : `docker logs --tail ${options.tail ?? 40} ${container(node)} 2>&1`),
		cli: (node, args) => `docker exec ${container(node)} redis-cli -p ${port(node)}${auth}${args.length > 0 ? ' ' + shellJoin(args) : ''}`,
		notRunning: (node, state) => (state === 'missing'
			? `Error response from daemon: No such container: ${container(node)}`
			: `Error response from daemon: Container ${context.containerId?.(node) ?? container(node)} is not running`),
		script: (node, script) => `docker exec ${container(node)} sh -c ${shellQuote(script)}`,
		writeConfig: (node, text) => heredoc(conf(node), text),
		showConfig: (node) => `cat ${conf(node)}`,
		network() {
			const subnet = context.subnet();
			return `docker network create${subnet ? ` --subnet ${subnet}` : ''} ${network}`;
		},
		throwaway: (name, plan) => `docker run -d --name ${container(name)} -p 127.0.0.1:${plan.hostPort}:${plan.publish} ${context.image} redis-server${plan.args.length > 0 ? ' ' + shellJoin(plan.args) : ''}`,
		cleanup: (nodes) => [`docker rm -f ${nodes.map(container).join(' ')}`, `docker network rm ${network}`],
	};
}
