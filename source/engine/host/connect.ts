import type {Said} from '../base/errors.js';
import {dockerNodes} from './inventory.js';
import {dockerClient} from '../runtime/docker/client.js';
import type {Session} from '../session/session.js';
import {MASTER_NAME} from '../topology/topology.js';
import {cliMessages as m} from '../../i18n/cli.js';
import {t, type Lang} from '../../i18n/index.js';

/** What an application needs to reach a running topology through its sentinels. */
export interface ConnectInfo {
	masterName: string;
	/** Sentinel ports on 127.0.0.1. */
	sentinelPorts: number[];
	password?: string;
	/** Docker: each data node's address on the lab network, as sentinels report it, and its published port. */
	addressMap: Array<{from: string; port: number}>;
}

/**
 * A short text, in both languages: sentinel addresses, master name and password, then (docker) the
 * address map as an ioredis `natMap` and a redis-py Sentinel subclass. Sentinels report container
 * addresses, which the host cannot reach on Docker Desktop (macOS, Windows): the map sends them to
 * the published ports.
 */
export function connectText(info: ConnectInfo): Said {
	return {en: connectLines(info, 'en'), zh: connectLines(info, 'zh')};
}

/** The text in one language; the code samples are the same in both. */
function connectLines(info: ConnectInfo, lang: Lang): string {
	const sentinels = info.sentinelPorts.map((port) => `127.0.0.1:${port}`);
	const lines = [
		t(lang, m.connectIntro),
		t(lang, m.connectSentinels, {addresses: sentinels.join(', ')}),
		t(lang, m.connectMasterName, {name: info.masterName}) + (info.password ? t(lang, m.connectPassword, {password: info.password}) : ''),
	];
	if (info.addressMap.length === 0) return lines.join('\n');
	const auth = info.password ? `, password: '${info.password}', sentinelPassword: '${info.password}'` : '';
	lines.push(
		t(lang, m.connectAddressMap, {map: info.addressMap.map((entry) => `${entry.from} -> 127.0.0.1:${entry.port}`).join(', ')}),
		'',
		'ioredis:',
		`  new Redis({sentinels: [${info.sentinelPorts.map((port) => `{host: '127.0.0.1', port: ${port}}`).join(', ')}], name: '${info.masterName}'${auth},`,
		`    natMap: {${info.addressMap.map((entry) => `'${entry.from}': {host: '127.0.0.1', port: ${entry.port}}`).join(', ')}}});`,
		'',
		'redis-py:',
		`  NAT = {${info.addressMap.map((entry) => {
			const [host, port] = entry.from.split(':');
			return `('${host}', ${port}): ('127.0.0.1', ${entry.port})`;
		}).join(', ')}}`,
		'  from redis.sentinel import Sentinel',
		'  class NatSentinel(Sentinel):',
		'      def discover_master(self, name): a = tuple(super().discover_master(name)); return NAT.get(a, a)',
		'      def discover_slaves(self, name): return [NAT.get(tuple(a), tuple(a)) for a in super().discover_slaves(name)]',
		`  r = NatSentinel([${info.sentinelPorts.map((port) => `('127.0.0.1', ${port})`).join(', ')}]${info.password ? `, sentinel_kwargs={'password': '${info.password}'}` : ''}).master_for('${info.masterName}'${info.password ? `, password='${info.password}'` : ''})`,
	);
	return lines.join('\n');
}

/** The connection info of a running session (its runtime's nodes; docker: their lab-network addresses). */
export async function sessionConnectInfo(session: Session, password?: string): Promise<ConnectInfo> {
	const specs = session.runtime.nodes();
	// In name order, whatever order the runtime started them in: the printed line reads the same every time.
	const sentinelPorts = specs.filter((node) => node.kind === 'sentinel').sort((a, b) => a.name.localeCompare(b.name)).map((node) => node.port);
	const addressMap: ConnectInfo['addressMap'] = [];
	if (session.runtime.kind === 'docker') {
		const nodes = (await dockerNodes(dockerClient())).filter((node) => node.session === session.runtime.sessionId && node.kind === 'redis');
		for (const spec of specs.filter((each) => each.kind === 'redis').sort((a, b) => a.name.localeCompare(b.name))) {
			const ip = nodes.find((node) => node.node === spec.name)?.ips[0];
			if (ip) addressMap.push({from: `${ip}:${spec.port}`, port: spec.port});
		}
	}
	return {masterName: MASTER_NAME, sentinelPorts, password, addressMap};
}
