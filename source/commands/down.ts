import {dockerClient} from '../engine/runtime/docker/index.js';
import {dockerNodes, localNodes, reachableDocker, removeSessions, type ManagedNode, type RemovalScope, type Removed} from '../engine/inventory.js';
import {currentOwner} from '../engine/room/owner.js';
import type {CommandAction} from './program.js';
import {print} from './output.js';

function plural(count: number, word: string, many = `${word}s`): string {
	return `${count} ${count === 1 ? word : many}`;
}

function summary(removed: Removed): string {
	const parts = [plural(removed.containers.length, 'container'), plural(removed.networks.length, 'network'), plural(removed.processes.length, 'local process', 'local processes')];
	return `Removed ${parts.join(', ')}${removed.containers.length > 0 ? `: ${[...removed.containers].sort().join(', ')}` : ''}.`;
}

/** The sessions still there after a removal, as one phrase: `2 sessions of alice, bob (10 containers)`. */
function othersLeft(nodes: ManagedNode[]): string | undefined {
	if (nodes.length === 0) return undefined;
	const sessions = new Set(nodes.map((node) => node.session));
	const owners = [...new Set(nodes.map((node) => node.owner))].sort();
	return `${plural(sessions.size, 'session')} of ${owners.join(', ')} (${plural(nodes.length, 'node')})`;
}

/**
 * Removes the caller's own sessions (by owner label), one session (--session, whoever owns it), or
 * every session (--all); never anything unlabelled. Safe to repeat.
 */
export const down: CommandAction = async (_args, options) => {
	const docker = await reachableDocker(dockerClient());
	const owner = currentOwner();
	const scope: RemovalScope = options.all ? {all: true} : options.session ? {session: options.session} : {owner};
	const removed = await removeSessions(docker, scope);
	print(summary(removed));
	if (options.all) print(`Every session of every owner: ${plural(removed.sessions.length, 'session')}.`);
	else if (options.session && removed.sessions.length === 0) print(`No session ${options.session} was found (see redis-lab status).`);
	const left = [...(docker ? await dockerNodes(docker) : []), ...(await localNodes())];
	const others = othersLeft(left);
	if (others && !options.all) print(`Left ${others} running${options.session ? '' : ` that are not ${owner}'s`}; remove one with redis-lab down --session <id>, or all with --all.`);
	if (!docker) print('Docker is not reachable: labelled containers, if any, were not looked for.');
	return 0;
};
