import {readdir, readFile} from 'node:fs/promises';
import {join} from 'node:path';
import type Docker from 'dockerode';
import {listSessionDirs, removeSessionDir} from './session-dir.js';
import {isSessionNodeProcess} from './runtime/pid-check.js';
import {MANAGED_LABEL, NODE_LABEL, SESSION_LABEL} from './runtime/docker/names.js';
import {pingDocker} from './runtime/docker/client.js';
import {removeManaged} from './runtime/docker/cleanup.js';
import {kindOf, type NodeKind} from './topology.js';
import type {RuntimeKind} from './runtime/types.js';

/** A node some redis-lab session created, found by label (docker) or by marker folder (local). */
export interface ManagedNode {
	runtime: RuntimeKind;
	session: string;
	node: string;
	kind: NodeKind;
	/** Port on 127.0.0.1, when published. */
	port?: number;
	/** running, paused, exited, ... */
	state: string;
	/** Container name or pid. */
	handle: string;
	/** Addresses on the lab network (docker). */
	ips: string[];
}

/** Every labelled container of every session. */
export async function dockerNodes(docker: Docker): Promise<ManagedNode[]> {
	const containers = await docker.listContainers({all: true, filters: {label: [`${MANAGED_LABEL}=true`]}});
	return containers.map((info) => {
		const node = info.Labels[NODE_LABEL] ?? info.Names[0]?.replace(/^\//, '') ?? info.Id;
		const published = info.Ports.find((port) => port.PublicPort && port.IP === '127.0.0.1') ?? info.Ports.find((port) => port.PublicPort);
		return {
			runtime: 'docker',
			session: info.Labels[SESSION_LABEL] ?? '?',
			node,
			kind: kindOf(node),
			port: published?.PublicPort,
			state: info.State,
			handle: info.Names[0]?.replace(/^\//, '') ?? info.Id.slice(0, 12),
			ips: Object.values(info.NetworkSettings?.Networks ?? {}).map((network) => network.IPAddress).filter(Boolean),
		};
	});
}

async function readPid(file: string): Promise<number | undefined> {
	try {
		const pid = Number((await readFile(file, 'utf8')).trim());
		return Number.isInteger(pid) && pid > 0 ? pid : undefined;
	} catch {
		return undefined;
	}
}

/** Nodes of local sessions, from the marker folders (see session-dir.ts). */
export async function localNodes(): Promise<ManagedNode[]> {
	const found: ManagedNode[] = [];
	for (const {dir, marker} of await listSessionDirs()) {
		if (marker.runtime === 'docker') continue;
		let names: string[] = [];
		try {
			names = (await readdir(dir, {withFileTypes: true})).filter((entry) => entry.isDirectory()).map((entry) => entry.name);
		} catch {
			continue;
		}
		for (const node of names) {
			const kind = kindOf(node);
			const folder = join(dir, node);
			const conf = await readFile(join(folder, kind === 'sentinel' ? 'sentinel.conf' : 'redis.conf'), 'utf8').catch(() => '');
			const port = Number(/^port\s+(\d+)/m.exec(conf)?.[1]) || undefined;
			const pid = await readPid(join(folder, `${node}.pid`));
			const alive = pid !== undefined && (await isSessionNodeProcess(pid, folder));
			found.push({runtime: 'local', session: marker.sessionId, node, kind, port, state: alive ? 'running' : 'exited', handle: pid ? `pid ${pid}` : '-', ips: ['127.0.0.1']});
		}
	}
	return found;
}

/** Removes every labelled container and network, and every local session's processes and folders. */
export async function removeEverything(docker: Docker | undefined): Promise<{containers: string[]; networks: string[]; processes: number[]; folders: string[]}> {
	const removed = {containers: [] as string[], networks: [] as string[], processes: [] as number[], folders: [] as string[]};
	if (docker) {
		const result = await removeManaged(docker, `${MANAGED_LABEL}=true`);
		removed.containers = result.containers;
		removed.networks = result.networks;
	}
	for (const {dir, marker} of await listSessionDirs()) {
		if (marker.runtime === 'docker' && !docker) continue;
		const nodes = await readdir(dir, {withFileTypes: true}).catch(() => []);
		for (const entry of nodes) {
			if (!entry.isDirectory()) continue;
			const pid = await readPid(join(dir, entry.name, `${entry.name}.pid`));
			if (pid !== undefined && (await isSessionNodeProcess(pid, join(dir, entry.name)))) {
				try {
					process.kill(pid, 'SIGKILL');
					removed.processes.push(pid);
				} catch {
					// Gone already.
				}
			}
		}
		await removeSessionDir(dir);
		removed.folders.push(dir);
	}
	return removed;
}

/** A Docker client when the daemon answers within `timeoutMs`, else undefined. */
export async function reachableDocker(docker: Docker, timeoutMs = 1500): Promise<Docker | undefined> {
	try {
		await pingDocker(docker, timeoutMs);
		return docker;
	} catch {
		return undefined;
	}
}
