import {dockerClient} from '../engine/runtime/docker/index.js';
import {reachableDocker, removeEverything} from '../engine/inventory.js';
import type {CommandAction} from './program.js';
import {print} from './output.js';

/** Removes every labelled container and network, and every local session; nothing else. Safe to repeat. */
export const down: CommandAction = async () => {
	const docker = await reachableDocker(dockerClient());
	const removed = await removeEverything(docker);
	const parts = [
		`${removed.containers.length} container${removed.containers.length === 1 ? '' : 's'}`,
		`${removed.networks.length} network${removed.networks.length === 1 ? '' : 's'}`,
		`${removed.processes.length} local process${removed.processes.length === 1 ? '' : 'es'}`,
	];
	print(`Removed ${parts.join(', ')}${removed.containers.length > 0 ? `: ${removed.containers.sort().join(', ')}` : ''}.`);
	if (!docker) print('Docker is not reachable: labelled containers, if any, were not looked for.');
	return 0;
};
