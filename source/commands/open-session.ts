import {RedisLabError} from '../engine/errors.js';
import {createRuntime} from '../engine/runtime/detect.js';
import {MANAGED_LABEL, OWNER_LABEL, dockerClient, namePrefix} from '../engine/runtime/docker/index.js';
import {dockerNodes, localNodes, reachableDocker, removeOwnSessions, type ManagedNode} from '../engine/inventory.js';
import {currentOwner} from '../engine/room/owner.js';
import {Session, newSessionId} from '../engine/session.js';
import {topologyPorts} from '../engine/room/ports.js';
import type {RuntimeFlags} from './options.js';
import {settleBasePort} from './base-port.js';
import {said} from '../i18n/engine.js';

/** The caller's own nodes, left by earlier sessions (a crash, or `up`), that hold one of our ports now. */
export async function conflictingLeftovers(flags: RuntimeFlags, runtime: 'docker' | 'local', docker?: Parameters<typeof dockerNodes>[0]): Promise<ManagedNode[]> {
	const ports = new Set(topologyPorts(flags.basePort));
	docker ??= runtime === 'docker' ? await reachableDocker(dockerClient()) : undefined;
	const nodes = [...(docker ? await dockerNodes(docker) : []), ...(await localNodes())];
	const owner = currentOwner();
	return nodes.filter((node) => node.owner === owner && node.port !== undefined && ports.has(node.port) && (node.state === 'running' || node.state === 'paused'));
}

/** What the caller's earlier sessions left in this session's way, one phrase each: nodes on our ports, and the network of our name. */
export async function leftoversInTheWay(flags: RuntimeFlags, runtime: 'docker' | 'local'): Promise<string[]> {
	const docker = runtime === 'docker' ? await reachableDocker(dockerClient()) : undefined;
	const found = (await conflictingLeftovers(flags, runtime, docker)).map((node) => `${node.node} (${node.runtime}, port ${node.port})`);
	if (docker) {
		const name = namePrefix(flags.basePort);
		const networks = await docker.listNetworks({filters: {label: [`${MANAGED_LABEL}=true`, `${OWNER_LABEL}=${currentOwner()}`], name: [name]}});
		if (networks.some((network) => network.Name === name)) found.push(`network ${name}`);
	}
	return found;
}

/**
 * Builds the runtime and session; handles the caller's leftovers (removed with --clean, refused
 * otherwise). The base port is settled first, in `flags` itself (--base-port auto, or a taken default).
 */
export async function openSession(flags: RuntimeFlags, options: {pollMs?: number} = {}): Promise<Session> {
	Object.assign(flags, await settleBasePort(flags));
	const runtime = await createRuntime({...flags, sessionId: newSessionId()});
	const leftovers = await conflictingLeftovers(flags, runtime.kind);
	if (leftovers.length > 0) {
		if (!flags.clean) {
			const names = leftovers.map((node) => `${node.node} (${node.runtime}, port ${node.port})`).join(', ');
			throw new RedisLabError('LEFTOVERS', said('leftoversStill', {names}), {hint: said('leftoversOrAuto')});
		}
		await removeOwnSessions(runtime.kind === 'docker' ? dockerClient() : await reachableDocker(dockerClient(), 500));
	}
	return new Session({runtime, password: flags.password, pollMs: options.pollMs});
}
