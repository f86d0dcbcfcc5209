import type Docker from 'dockerode';
import {dockerError, isDockerStatus} from '../../base/known-errors.js';
import {MANAGED_LABEL} from './names.js';

/** Removes containers, then networks, carrying `label`; never anything else. */
export async function removeManaged(docker: Docker, label: string): Promise<{containers: string[]; networks: string[]}> {
	const removed = {containers: [] as string[], networks: [] as string[]};
	const unlessGone = (error: unknown) => {
		if (!isDockerStatus(error, 404)) throw error;
	};
	try {
		const containers = await docker.listContainers({all: true, filters: {label: [label]}});
		await Promise.all(containers.map(async (info) => {
			if (info.Labels?.[MANAGED_LABEL] !== 'true') return;
			await docker.getContainer(info.Id).remove({force: true}).catch(unlessGone);
			removed.containers.push(info.Names[0]?.replace(/^\//, '') ?? info.Id);
		}));
		const networks = await docker.listNetworks({filters: {label: [label]}});
		for (const network of networks) {
			if (network.Labels?.[MANAGED_LABEL] !== 'true') continue;
			await docker.getNetwork(network.Id).remove().catch(unlessGone);
			removed.networks.push(network.Name);
		}
	} catch (error) {
		throw dockerError(error);
	}
	return removed;
}
