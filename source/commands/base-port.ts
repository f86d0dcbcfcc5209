import {RedisLabError} from '../engine/errors.js';
import {reachableDocker} from '../engine/inventory.js';
import {dockerClient} from '../engine/runtime/docker/index.js';
import {baseFree, describeRange, firstFreeBase, portView, takenPorts} from '../engine/room/ports.js';
import {DEFAULT_BASE_PORT} from '../engine/topology.js';
import type {RuntimeFlags} from './options.js';
import {conflictingLeftovers} from './open-session.js';
import {said} from '../i18n/engine.js';

/**
 * The base port a session uses. Given (--base-port n): as is. auto: the first free range from 6379,
 * by steps of 10. The default: 6379, unless a port is taken by anything but the caller's own
 * leftovers (those are offered for removal instead); then as auto. Says which in one line on stderr.
 */
export async function settleBasePort(flags: RuntimeFlags, say: (line: string) => void = (line) => process.stderr.write(`${line}\n`)): Promise<RuntimeFlags> {
	if (flags.portChoice === 'given') return flags;
	const docker = await reachableDocker(dockerClient(), flags.runtime === 'local' ? 500 : 1500);
	const view = await portView(docker);
	const taken = await takenPorts(DEFAULT_BASE_PORT, view);
	if (flags.portChoice === 'default') {
		if (taken.length === 0 && (await baseFree(DEFAULT_BASE_PORT, view))) return flags;
		const ownLeftovers = await conflictingLeftovers({...flags, basePort: DEFAULT_BASE_PORT}, docker ? 'docker' : 'local', docker);
		const ownPorts = new Set(ownLeftovers.map((node) => node.port));
		if (ownLeftovers.length > 0 && taken.every((port) => ownPorts.has(port))) return flags;
	}
	const basePort = await firstFreeBase((base) => baseFree(base, view));
	if (basePort === undefined) throw new RedisLabError('PORT_TAKEN', said('noFreeRange'), {hint: said('removeSessions')});
	const why = flags.portChoice === 'auto' ? '--base-port auto' : `port${taken.length === 1 ? '' : 's'} ${taken.join(', ')} ${taken.length === 1 ? 'is' : 'are'} taken`;
	if (basePort !== DEFAULT_BASE_PORT || flags.portChoice === 'auto') say(`redis-lab: ${why}; using --base-port ${basePort} (${describeRange(basePort)}).`);
	return {...flags, basePort, portChoice: 'given'};
}
