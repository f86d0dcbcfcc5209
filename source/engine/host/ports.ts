import {createServer} from 'node:net';
import type Docker from 'dockerode';
import {DEFAULT_BASE_PORT, DEFAULT_PORTS, portFor} from '../topology/topology.js';
import {MANAGED_LABEL, OWNER_LABEL, SESSION_LABEL, namePrefix} from '../runtime/docker/names.js';

/** Every port a lab may use at a base port: master, replicas and the three sentinels. */
export function topologyPorts(basePort: number): number[] {
	return Object.keys(DEFAULT_PORTS).map((name) => portFor(name, basePort));
}

/** The highest base port whose sentinels still fit below 65536. */
export const HIGHEST_BASE_PORT = 65535 - (Math.max(...Object.values(DEFAULT_PORTS)) - DEFAULT_BASE_PORT);

/** Whether something listens on 127.0.0.1:port (or on every address): we cannot bind it. */
export function hostPortBusy(port: number, host = '127.0.0.1'): Promise<boolean> {
	return new Promise((resolve) => {
		const server = createServer();
		server.once('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'EADDRINUSE' || error.code === 'EACCES'));
		server.listen({port, host, exclusive: true}, () => server.close(() => resolve(false)));
	});
}

/** A container publishing a port, as far as Docker tells. */
export interface PortHolder {
	container: string;
	/** Set for redis-lab's own containers. */
	session?: string;
	owner?: string;
}

/** Host ports published by running containers (a remote or Desktop engine's ports are not on this host's sockets). */
export async function dockerPublishedPorts(docker: Docker): Promise<Map<number, PortHolder>> {
	const found = new Map<number, PortHolder>();
	for (const info of await docker.listContainers()) {
		const managed = info.Labels?.[MANAGED_LABEL] === 'true';
		const holder: PortHolder = {container: info.Names[0]?.replace(/^\//, '') ?? info.Id.slice(0, 12), ...(managed ? {session: info.Labels[SESSION_LABEL], owner: info.Labels[OWNER_LABEL] ?? 'unknown'} : {})};
		for (const port of info.Ports ?? []) if (port.PublicPort) found.set(port.PublicPort, holder);
	}
	return found;
}

/** Names of redis-lab networks: a base port whose network name is taken is not free either. */
export async function labNetworkNames(docker: Docker): Promise<Set<string>> {
	return new Set((await docker.listNetworks({filters: {label: [`${MANAGED_LABEL}=true`]}})).map((network) => network.Name));
}

/** What is known about who uses ports, gathered once. */
export interface PortView {
	published: Map<number, PortHolder>;
	networks: Set<string>;
	hostBusy: (port: number) => Promise<boolean>;
}

export async function portView(docker?: Docker): Promise<PortView> {
	// Docker failing to list only loses the names of holders: a published port is still bound on
	// this host, which hostBusy sees.
	return {
		published: docker ? await dockerPublishedPorts(docker).catch(() => new Map<number, PortHolder>()) : new Map<number, PortHolder>(),
		networks: docker ? await labNetworkNames(docker).catch(() => new Set<string>()) : new Set<string>(),
		hostBusy: (port) => hostPortBusy(port),
	};
}

/** The ports of a base port that are taken (published by a container, or listened on here). */
export async function takenPorts(basePort: number, view: PortView): Promise<number[]> {
	const taken: number[] = [];
	for (const port of topologyPorts(basePort)) if (view.published.has(port) || (await view.hostBusy(port))) taken.push(port);
	return taken;
}

/** Whether a whole lab fits at a base port: no port taken, no lab network of that name. */
export async function baseFree(basePort: number, view: PortView): Promise<boolean> {
	return !view.networks.has(namePrefix(basePort)) && (await takenPorts(basePort, view)).length === 0;
}

/** The first base port from `start`, by steps of `step`, for which `free` says yes; undefined when none fits. */
export async function firstFreeBase(free: (basePort: number) => Promise<boolean>, start = DEFAULT_BASE_PORT, step = 10): Promise<number | undefined> {
	for (let base = start; base <= HIGHEST_BASE_PORT; base += step) if (await free(base)) return base;
	return undefined;
}
