import {readFile} from 'node:fs/promises';
import type Docker from 'dockerode';

/** An IPv4 range as numbers: first address and size. */
interface Range {
	start: number;
	size: number;
}

function parseCidr(cidr: string): Range | undefined {
	const match = /^(\d+)\.(\d+)\.(\d+)\.(\d+)\/(\d+)$/.exec(cidr);
	if (!match) return undefined;
	const [a, b, c, d, bits] = match.slice(1).map(Number) as [number, number, number, number, number];
	const size = 2 ** (32 - bits);
	const address = ((a << 24) >>> 0) + (b << 16) + (c << 8) + d;
	return {start: address - (address % size), size};
}

const overlaps = (x: Range, y: Range) => x.start < y.start + y.size && y.start < x.start + x.size;

/** The /16s a lab network's /24 is taken from, in order. */
export type SubnetPools = ReadonlyArray<readonly [number, number]>;

/** Docker's default pools for bridge networks: 172.18.0.0/16 to 172.31.0.0/16, then 192.168.0.0/16. */
export const DOCKER_POOLS: SubnetPools = [...Array.from({length: 14}, (_, i) => [172, 18 + i] as const), [192, 168] as const];

/**
 * Podman's own default pool (10.89.0.0/16 and up). Apart from Docker's on purpose: Podman adds a
 * network's route only when its first container starts, so Docker (which knows only its own
 * networks) could hand the same subnet to a network created meanwhile.
 */
export const PODMAN_POOLS: SubnetPools = Array.from({length: 7}, (_, i) => [10, 89 + i] as const);

/**
 * The first /24 inside `pools` that overlaps none of the `taken` ranges; undefined when all are taken.
 * `skip` passes over that many free ones first: sessions racing for a subnet spread out.
 */
export function freeSubnet(taken: string[], skip = 0, pools: SubnetPools = DOCKER_POOLS): string | undefined {
	let passed = 0;
	const used = taken.map(parseCidr).filter((range): range is Range => range !== undefined && range.size < 2 ** 32);
	for (const [a, b] of pools) {
		for (let c = 0; c < 256; c++) {
			const subnet = `${a}.${b}.${c}.0/24`;
			if (!used.some((range) => overlaps(range, parseCidr(subnet)!)) && passed++ >= skip) return subnet;
		}
	}
	return undefined;
}

/** Destinations of this host's IPv4 routes except the default one (VPNs, other bridges), from /proc/net/route. */
export function routeSubnets(text: string): string[] {
	const subnets: string[] = [];
	for (const row of text.split('\n').slice(1)) {
		const [, destination, , , , , , mask] = row.trim().split(/\s+/);
		if (!destination || !mask || mask === '00000000') continue;
		const octets = (hex: string) => [6, 4, 2, 0].map((at) => Number.parseInt(hex.slice(at, at + 2), 16));
		const bits = octets(mask).reduce((sum, octet) => sum + octet.toString(2).replaceAll('0', '').length, 0);
		subnets.push(`${octets(destination).join('.')}/${bits}`);
	}
	return subnets;
}

/**
 * A free subnet for a new lab network, chosen without creating one: it avoids every Docker
 * network's subnets and this host's routes (Linux; harmless extra exclusions when the engine is elsewhere).
 */
export async function pickSubnet(docker: Docker, pools: SubnetPools, networks?: Docker.NetworkInspectInfo[], skip = 0): Promise<string | undefined> {
	const listed = networks ?? (await docker.listNetworks());
	const taken = listed.flatMap((network) => (network.IPAM?.Config ?? []).map((config) => config.Subnet ?? ''));
	taken.push(...routeSubnets(await readFile('/proc/net/route', 'utf8').catch(() => ''))); // no /proc (macOS): Docker's own networks still count
	return freeSubnet(taken, skip, pools) ?? freeSubnet(taken, 0, pools);
}

/** The pools of the engine behind the API: Podman's when it says it is Podman, else Docker's. */
export async function poolsOf(docker: Docker): Promise<SubnetPools> {
	// No answer: Docker's pools; the network create that follows says what is wrong with the engine.
	const version = await docker.version().catch(() => undefined);
	const podman = version?.Components?.some((component) => /podman/i.test(component.Name)) ?? false;
	return podman ? PODMAN_POOLS : DOCKER_POOLS;
}
