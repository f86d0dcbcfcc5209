import {readdir, readFile} from 'node:fs/promises';
import {join} from 'node:path';
import type Docker from 'dockerode';
import {listSessionDirs, removeSessionDir} from '../runtime/session-dir.js';
import {isSessionNodeProcess} from '../runtime/local/pid-check.js';
import {MANAGED_LABEL, NODE_LABEL, OWNER_LABEL, SESSION_LABEL} from '../runtime/docker/names.js';
import {currentOwner} from '../base/owner.js';
import {pingDocker} from '../runtime/docker/client.js';
import {removeManaged} from '../runtime/docker/cleanup.js';
import {kindOf, type NodeKind} from '../topology/topology.js';
import type {RuntimeKind} from '../runtime/types.js';

/** A node some redis-lab session created, found by label (docker) or by marker folder (local). */
export interface ManagedNode {
	runtime: RuntimeKind;
	session: string;
	/** Who started the session; 'unknown' for containers of older builds. */
	owner: string;
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
			owner: info.Labels[OWNER_LABEL] ?? 'unknown',
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
			found.push({runtime: 'local', session: marker.sessionId, owner: marker.owner ?? currentOwner(), node, kind, port, state: alive ? 'running' : 'exited', handle: pid ? `pid ${pid}` : '-', ips: ['127.0.0.1']});
		}
	}
	return found;
}

/** Which sessions a removal concerns: everyone's, one owner's, or one session (whoever owns it). */
export type RemovalScope = {all: true} | {owner: string} | {session: string};

export interface Removed {
	containers: string[];
	networks: string[];
	processes: number[];
	folders: string[];
	/** Sessions the removal touched. */
	sessions: string[];
}

function dockerFilter(scope: RemovalScope): string {
	if ('all' in scope) return `${MANAGED_LABEL}=true`;
	if ('owner' in scope) return `${OWNER_LABEL}=${scope.owner}`;
	return `${SESSION_LABEL}=${scope.session}`;
}

/** Session folders count as the caller's when their marker says so, or says nobody (older builds wrote no owner; the folder is in the caller's cache). */
function folderInScope(marker: {sessionId: string; owner?: string}, scope: RemovalScope): boolean {
	if ('all' in scope) return true;
	if ('owner' in scope) return (marker.owner ?? currentOwner()) === scope.owner;
	return marker.sessionId === scope.session;
}

/** Removes the labelled containers and networks, and the local processes and folders, of the sessions in `scope`; nothing else. */
export async function removeSessions(docker: Docker | undefined, scope: RemovalScope): Promise<Removed> {
	const removed: Removed = {containers: [], networks: [], processes: [], folders: [], sessions: []};
	const sessions = new Set<string>();
	if (docker) {
		for (const node of await dockerNodes(docker)) {
			if ('all' in scope || ('owner' in scope ? node.owner === scope.owner : node.session === scope.session)) sessions.add(node.session);
		}
		const result = await removeManaged(docker, dockerFilter(scope));
		removed.containers = result.containers;
		removed.networks = result.networks;
	}
	for (const {dir, marker} of await listSessionDirs()) {
		if (marker.runtime === 'docker' && !docker) continue;
		if (!folderInScope(marker, scope)) continue;
		const nodes = await readdir(dir, {withFileTypes: true}).catch(() => []); // no session folders: no local sessions
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
		sessions.add(marker.sessionId);
	}
	removed.sessions = [...sessions].sort();
	return removed;
}

/** Removes every session of every owner. */
export function removeEverything(docker: Docker | undefined): Promise<Removed> {
	return removeSessions(docker, {all: true});
}

/** Removes the caller's own sessions (leftovers offers, --clean). */
export function removeOwnSessions(docker: Docker | undefined): Promise<Removed> {
	return removeSessions(docker, {owner: currentOwner()});
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
