import {isRedisLabError} from '../engine/base/errors.js';
import {dockerClient} from '../engine/runtime/docker/index.js';
import {dockerNodes, localNodes, reachableDocker, type ManagedNode} from '../engine/host/inventory.js';
import {commandOnce} from '../engine/redis/client.js';
import {currentOwner} from '../engine/base/owner.js';
import {parseReplicationInfo, parseSentinelInfo} from '../engine/redis/probe/info.js';
import {serverFromInfo, serverName} from '../engine/redis/server-kind.js';
import type {Said} from '../engine/base/errors.js';
import type {CommandAction} from './options.js';
import {paint, print, table} from './output.js';
import {cliMessages as m} from '../i18n/cli.js';
import {t, type Lang} from '../i18n/index.js';

export interface Row {
	node: ManagedNode;
	role: string;
	master: string;
	link: string;
	offset: string;
	/** "Valkey 8.0.1", from the node's INFO server. */
	server?: Said;
}

/** Names a reported address after the node that has it. */
function nameOf(nodes: ManagedNode[], host: string, port: number): string {
	const match = nodes.find((node) => node.port === port && (node.ips.includes(host) || host === '127.0.0.1' || host.endsWith(`-${node.node}`)))
		?? nodes.find((node) => node.port === port);
	return match ? `${match.node} (${host}:${port})` : `${host}:${port}`;
}

async function describe(node: ManagedNode, all: ManagedNode[], lang: Lang, password?: string): Promise<Row> {
	const row: Row = {node, role: node.state === 'running' ? '?' : node.state, master: '', link: '', offset: ''};
	if (node.state !== 'running' || !node.port) return row;
	try {
		row.server = serverName(serverFromInfo(String(await commandOnce(node.port, ['INFO', 'server'], password))));
		if (node.kind === 'sentinel') {
			const info = parseSentinelInfo(String(await commandOnce(node.port, ['INFO', 'sentinel'], password)));
			const master = info.masters[0];
			row.role = 'sentinel';
			if (master) {
				row.master = nameOf(all, master.host, master.port);
				row.link = `${master.status} slaves=${master.slaves} sentinels=${master.sentinels}`;
			}
		} else {
			const info = parseReplicationInfo(String(await commandOnce(node.port, ['INFO', 'replication'], password)));
			row.role = info.role === 'slave' ? 'replica' : 'master';
			if (info.role === 'slave') {
				row.master = info.masterHost ? nameOf(all, info.masterHost, info.masterPort ?? 0) : '';
				row.link = info.masterLinkStatus ?? '';
				row.offset = String(info.slaveReplOffset ?? '');
			} else {
				row.link = t(lang, m.statusReplicas, {count: info.connectedSlaves});
				row.offset = String(info.masterReplOffset);
			}
		}
	} catch (error) {
		row.role = t(lang, m.statusNoAnswer, {error: isRedisLabError(error) ? error.said[lang] : (error as Error).message});
	}
	return row;
}

const HEADERS = [m.statusNode, m.statusRuntime, m.statusRole, m.statusAddress, m.statusMaster, m.statusLink, m.statusOffset];

/**
 * The table of `rows` (sorted by session), a heading above each session; roles in colour. Role
 * words stay English in every language: they are Redis's own, and the colouring finds them.
 */
export async function statusTable(rows: Row[], owner: string, lang: Lang): Promise<string> {
	const colour = (role: string) => (role === 'master' ? paint(role, 'green') : role === 'replica' ? paint(role, 'cyan') : role === 'sentinel' ? paint(role, 'magenta') : paint(role, 'red'));
	const [first, ...rest] = HEADERS.map((header) => t(lang, header));
	const text = await table(
		[`  ${first}`, ...rest],
		rows.map((row) => [`  ${row.node.node}`, row.node.runtime, row.role, row.node.port ? `127.0.0.1:${row.node.port}` : '-', row.master, row.link, row.offset]),
	);
	const [header = '', ...lines] = text.split('\n');
	const out = [paint(header, 'bold')];
	lines.forEach((line, index) => {
		const node = rows[index]!.node;
		if (index === 0 || rows[index - 1]!.node.session !== node.session) {
			const count = rows.filter((other) => other.node.session === node.session).length;
			const server = rows.find((other) => other.node.session === node.session && other.server)?.server?.[lang] ?? '';
			out.push(paint(t(lang, m.statusSession, {session: node.session, owner: node.owner, you: node.owner === owner ? 'yes' : '', nodes: count, server}), 'bold'));
		}
		out.push(line);
	});
	return out.join('\n').replace(/\b(master|replica|sentinel)\b(?= {2})/g, (role) => colour(role));
}

/** Prints a table of every labelled node, grouped by owner and session (yours first); returns how many there are. */
export async function printStatus(lang: Lang, password?: string, owner = currentOwner()): Promise<number> {
	const docker = await reachableDocker(dockerClient());
	const nodes = [...(docker ? await dockerNodes(docker) : []), ...(await localNodes())];
	const mineFirst = (node: ManagedNode) => (node.owner === owner ? 0 : 1);
	nodes.sort((a, b) => mineFirst(a) - mineFirst(b) || a.owner.localeCompare(b.owner) || a.session.localeCompare(b.session) || (a.port ?? 0) - (b.port ?? 0));
	if (nodes.length === 0) {
		print(t(lang, docker ? m.statusNone : m.statusNoneNoDocker));
		return 0;
	}
	const rows = await Promise.all(nodes.map((node) => describe(node, nodes.filter((other) => other.session === node.session), lang, password)));
	print(await statusTable(rows, owner, lang));
	return nodes.length;
}

export const status: CommandAction = async (_args, {password, lang}) => {
	await printStatus(lang, password);
	return 0;
};
