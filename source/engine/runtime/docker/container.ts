import type Docker from 'dockerode';
import {confFileName, type NodeSpec} from '../../topology/topology.js';
import {managedLabels, NODE_LABEL} from './names.js';
import {CONF_DIR, serverCommand} from './shell-text.js';

export interface ContainerPlan {
	node: NodeSpec;
	name: string;
	image: string;
	sessionId: string;
	/** Who started the session (default: the current user, see room/owner.ts). */
	owner?: string;
	network: string;
	/** Host folder mounted as the config folder. */
	dir: string;
	/** Fixed IP on the lab network, when the subnet is known. */
	ip?: string;
	/** `name:ip` lines for /etc/hosts (a sentinel's master). */
	extraHosts: string[];
}

/**
 * A MAC address made from the IP, as Docker itself makes them (02:42 + the four bytes). A restarted
 * container keeps it: Podman otherwise gives the new interface a random one, and its neighbours
 * keep sending to the old one until their ARP entry expires (half a minute of a node unreachable).
 */
export function macFor(ip: string): string {
	return ['02', '42', ...ip.split('.').map((byte) => Number(byte).toString(16).padStart(2, '0'))].join(':');
}

/** Docker's create options for a node: labelled, its port published on 127.0.0.1 only, its folder mounted. */
export function containerOptions(plan: ContainerPlan): Docker.ContainerCreateOptions {
	const port = `${plan.node.port}/tcp`;
	const file = `${CONF_DIR}/${confFileName(plan.node)}`;
	return {
		name: plan.name,
		Image: plan.image,
		Cmd: serverCommand(plan.node.kind, file),
		Labels: {...managedLabels(plan.sessionId, plan.owner), [NODE_LABEL]: plan.node.name},
		ExposedPorts: {[port]: {}},
		HostConfig: {
			PortBindings: {[port]: [{HostIp: '127.0.0.1', HostPort: String(plan.node.port)}]},
			Binds: [`${plan.dir}:${CONF_DIR}`],
			NetworkMode: plan.network,
			...(plan.extraHosts.length > 0 ? {ExtraHosts: plan.extraHosts} : {}),
		},
		NetworkingConfig: {EndpointsConfig: {[plan.network]: {Aliases: [plan.node.name], ...(plan.ip ? {IPAMConfig: {IPv4Address: plan.ip}, MacAddress: macFor(plan.ip)} : {})}}},
	};
}
