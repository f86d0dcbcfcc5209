import {MANAGED_LABEL, OWNER_LABEL, dockerClient, namePrefix} from '../runtime/docker/index.js';
import {dockerNodes, localNodes, reachableDocker, type ManagedNode} from './inventory.js';
import {currentOwner} from '../base/owner.js';
import {topologyPorts} from './ports.js';

/** The caller's own nodes, left by earlier sessions (a crash, or `up`), that hold one of our ports now. */
export async function conflictingLeftovers(basePort: number, runtime: 'docker' | 'local', docker?: Parameters<typeof dockerNodes>[0]): Promise<ManagedNode[]> {
	const ports = new Set(topologyPorts(basePort));
	docker ??= runtime === 'docker' ? await reachableDocker(dockerClient()) : undefined;
	const nodes = [...(docker ? await dockerNodes(docker) : []), ...(await localNodes())];
	const owner = currentOwner();
	return nodes.filter((node) => node.owner === owner && node.port !== undefined && ports.has(node.port) && (node.state === 'running' || node.state === 'paused'));
}

/** What the caller's earlier sessions left in this session's way, one phrase each: nodes on our ports, and the network of our name. */
export async function leftoversInTheWay(basePort: number, runtime: 'docker' | 'local'): Promise<string[]> {
	const docker = runtime === 'docker' ? await reachableDocker(dockerClient()) : undefined;
	const found = (await conflictingLeftovers(basePort, runtime, docker)).map((node) => `${node.node} (${node.runtime}, port ${node.port})`);
	if (docker) {
		const name = namePrefix(basePort);
		const networks = await docker.listNetworks({filters: {label: [`${MANAGED_LABEL}=true`, `${OWNER_LABEL}=${currentOwner()}`], name: [name]}});
		if (networks.some((network) => network.Name === name)) found.push(`network ${name}`);
	}
	return found;
}
