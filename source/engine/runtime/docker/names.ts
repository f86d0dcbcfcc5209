import {DEFAULT_BASE_PORT} from '../../topology/topology.js';
import {currentOwner} from '../../base/owner.js';

export const MANAGED_LABEL = 'redis-lab.managed';
export const SESSION_LABEL = 'redis-lab.session';
export const NODE_LABEL = 'redis-lab.node';
/** Who started the session (see room/owner.ts). */
export const OWNER_LABEL = 'redis-lab.owner';

export function managedLabels(sessionId: string, owner = currentOwner()): Record<string, string> {
	return {[MANAGED_LABEL]: 'true', [SESSION_LABEL]: sessionId, [OWNER_LABEL]: owner};
}

/** Prefix of a session's container and network names: `redis-lab`, or `redis-lab-<basePort>` when ports are shifted. */
export function namePrefix(basePort: number): string {
	return basePort === DEFAULT_BASE_PORT ? 'redis-lab' : `redis-lab-${basePort}`;
}

/** The lab network's name. */
export function networkName(basePort: number): string {
	return namePrefix(basePort);
}

/** A node's container name; `node` may be a shell expression (`redis-lab-$(current_master)`). */
export function containerName(basePort: number, node: string): string {
	return `${namePrefix(basePort)}-${node}`;
}
