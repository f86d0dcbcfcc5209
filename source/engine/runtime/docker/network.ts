import type Docker from 'dockerode';
import {RedisLabError} from '../../base/errors.js';
import {DEFAULT_PORTS} from '../../topology/topology.js';
import {MANAGED_LABEL} from './names.js';
import {pickSubnet, poolsOf} from './subnet.js';
import {both} from '../../../i18n/index.js';
import {ENGINE} from '../../../i18n/engine.js';

/**
 * Creates the lab network. Docker only lets a container rejoin with the same IP on a network whose
 * subnet was given explicitly: pick a free one (`pickSubnet`); if Docker still finds it taken
 * (another session picked it meanwhile), let Docker pick one, then recreate the network with it.
 */
export async function createLabNetwork(docker: Docker, name: string, labels: Record<string, string>): Promise<{id: string; subnet?: string}> {
	const existing = await docker.listNetworks();
	const clash = existing.find((network) => network.Name === name);
	if (clash) {
		const ours = clash.Labels?.[MANAGED_LABEL] === 'true';
		throw ours
			? new RedisLabError('LEFTOVERS', both(ENGINE.networkLeftover, {name}))
			: new RedisLabError('NAME_CONFLICT', both(ENGINE.networkNotOurs, {name}));
	}
	// Sessions starting at once may pick the same free subnet: the loser gets "Pool overlaps" and
	// picks again from a fresh list of networks, passing over a random few free ones so that
	// several losers do not all race for the next one.
	const pools = await poolsOf(docker);
	for (let attempt = 1; ; attempt++) {
		try {
			const picked = await pickSubnet(docker, pools, attempt === 1 ? existing : undefined, attempt === 1 ? 0 : Math.floor(Math.random() * attempt * 4));
			if (picked) {
				const network = await docker.createNetwork({Name: name, Driver: 'bridge', Labels: labels, IPAM: {Driver: 'default', Config: [{Subnet: picked}]}});
				return {id: network.id, subnet: picked};
			}
			return await probedNetwork(docker, name, labels);
		} catch (error) {
			if (attempt >= 12 || !isPoolClash(error)) throw error;
			await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 200));
		}
	}
}

/** No free subnet found by us: let Docker pick one, then re-create the network with it (fixed IPs need an explicit subnet). */
async function probedNetwork(docker: Docker, name: string, labels: Record<string, string>): Promise<{id: string; subnet?: string}> {
	const probe = await docker.createNetwork({Name: name, Driver: 'bridge', Labels: labels});
	const config = (await probe.inspect()).IPAM?.Config?.[0];
	if (!config?.Subnet) return {id: probe.id};
	await probe.remove();
	const network = await docker.createNetwork({
		Name: name,
		Driver: 'bridge',
		Labels: labels,
		IPAM: {Driver: 'default', Config: [{Subnet: config.Subnet, ...(config.Gateway ? {Gateway: config.Gateway} : {})}]},
	});
	return {id: network.id, subnet: config.Subnet};
}

/** The engine's answer when a subnet is already used by another network: Docker's, or Podman's (which also sees the host's routes, another engine's bridges among them). */
export function isPoolClash(error: unknown): boolean {
	return /pool overlaps|overlaps with other one|address space|is already used on the host or by another config/i.test(String((error as {message?: string})?.message ?? error));
}

/** The address of a node on a subnet: .2 for the master, then one per known node name (the gateway is .1). */
export function fixedIp(subnet: string, name: string): string | undefined {
	const match = /^(\d+)\.(\d+)\.(\d+)\.(\d+)\/(\d+)$/.exec(subnet);
	const index = Object.keys(DEFAULT_PORTS).indexOf(name);
	if (!match || index === -1) return undefined;
	const [a, b, c, d, bits] = match.slice(1).map(Number) as [number, number, number, number, number];
	const size = 2 ** (32 - bits);
	if (size < Object.keys(DEFAULT_PORTS).length + 3) return undefined;
	const network = (((a << 24) >>> 0) + (b << 16) + (c << 8) + d) & ~(size - 1);
	const ip = (network >>> 0) + 2 + index;
	return [ip >>> 24, (ip >>> 16) & 255, (ip >>> 8) & 255, ip & 255].join('.');
}
