import type Docker from 'dockerode';
import {dockerNodes} from '../engine/inventory.js';
import {connectText} from '../engine/room/connect.js';
import type {Session} from '../engine/session.js';
import {MASTER_NAME} from '../engine/topology.js';

/** How an application reaches the session's topology (see room/connect.ts), for the end of `up`. */
export async function connectInfoText(session: Session, password: string | undefined, docker?: Docker): Promise<string> {
	const specs = session.runtime.nodes();
	const sentinelPorts = specs.filter((node) => node.kind === 'sentinel').map((node) => node.port);
	const addressMap: Array<{from: string; port: number}> = [];
	if (session.runtime.kind === 'docker' && docker) {
		const nodes = (await dockerNodes(docker)).filter((node) => node.session === session.runtime.sessionId && node.kind === 'redis');
		for (const spec of specs.filter((each) => each.kind === 'redis')) {
			const ip = nodes.find((node) => node.node === spec.name)?.ips[0];
			if (ip) addressMap.push({from: `${ip}:${spec.port}`, port: spec.port});
		}
	}
	return connectText({masterName: MASTER_NAME, sentinelPorts, password, addressMap});
}
