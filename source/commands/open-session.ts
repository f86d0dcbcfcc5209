import {RedisLabError} from '../engine/errors.js';
import {createRuntime} from '../engine/runtime/detect.js';
import {MANAGED_LABEL, dockerClient, namePrefix} from '../engine/runtime/docker/index.js';
import {dockerNodes, localNodes, reachableDocker, removeEverything, type ManagedNode} from '../engine/inventory.js';
import {Session, newSessionId} from '../engine/session.js';
import {DEFAULT_PORTS, portFor} from '../engine/topology.js';
import type {RuntimeFlags} from './options.js';

/** Nodes left by earlier sessions (a crash, or `up`) that hold one of our ports. */
export async function conflictingLeftovers(flags: RuntimeFlags, runtime: 'docker' | 'local', docker?: Parameters<typeof dockerNodes>[0]): Promise<ManagedNode[]> {
	const ports = new Set(Object.keys(DEFAULT_PORTS).map((name) => portFor(name, flags.basePort)));
	docker ??= runtime === 'docker' ? await reachableDocker(dockerClient()) : undefined;
	const nodes = [...(docker ? await dockerNodes(docker) : []), ...(await localNodes())];
	return nodes.filter((node) => node.port !== undefined && ports.has(node.port));
}

/** What an earlier session left in this session's way, one phrase each: its nodes on our ports, and its network. */
export async function leftoversInTheWay(flags: RuntimeFlags, runtime: 'docker' | 'local'): Promise<string[]> {
	const docker = runtime === 'docker' ? await reachableDocker(dockerClient()) : undefined;
	const found = (await conflictingLeftovers(flags, runtime, docker)).map((node) => `${node.node} (${node.runtime}, port ${node.port})`);
	if (docker) {
		const name = namePrefix(flags.basePort);
		const networks = await docker.listNetworks({filters: {label: [`${MANAGED_LABEL}=true`], name: [name]}});
		if (networks.some((network) => network.Name === name)) found.push(`network ${name}`);
	}
	return found;
}

/** Builds the runtime and session; handles leftovers (removed with --clean, refused otherwise). */
export async function openSession(flags: RuntimeFlags, options: {pollMs?: number} = {}): Promise<Session> {
	const runtime = await createRuntime({...flags, sessionId: newSessionId()});
	const leftovers = await conflictingLeftovers(flags, runtime.kind);
	if (leftovers.length > 0) {
		if (!flags.clean) {
			const names = leftovers.map((node) => `${node.node} (${node.runtime}, port ${node.port})`).join(', ');
			throw new RedisLabError('LEFTOVERS', `redis-lab nodes from an earlier session are still there: ${names}`, {
				hint: 'Remove them with: redis-lab down (or add --clean), or use other ports with --base-port.',
			});
		}
		await removeEverything(runtime.kind === 'docker' ? dockerClient() : await reachableDocker(dockerClient(), 500));
	}
	return new Session({runtime, password: flags.password, pollMs: options.pollMs});
}
