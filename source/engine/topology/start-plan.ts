import type {NodeSpec} from './topology.js';

/** One stage of bringing nodes up: start a group in parallel, or wait for replicas to link. */
export type StartStage = {start: string[]} | {waitLinked: string[]};

export interface StartPlan {
	/** Sentinels to be told, before they exist, which replicas to expect (`known-replica` lines). */
	expectReplicas: {sentinels: string[]; replicas: string[]};
	stages: StartStage[];
}

/**
 * The order to start several nodes in. Sentinels meet through hello messages every 2 s from their
 * start, so when the runtime knows every address in advance they go first, told which replicas
 * to expect; then the servers they monitor, then the replicas, which start during the sentinels'
 * first hello cycle. Otherwise the servers start and link first (a sentinel then resolves its
 * master's name and reads its replicas from the master's first INFO).
 */
export function planStart(names: string[], spec: (name: string) => NodeSpec, addressKnown: (name: string) => boolean): StartPlan {
	const servers = names.filter((name) => spec(name).kind === 'redis');
	const sentinels = names.filter((name) => spec(name).kind === 'sentinel');
	const monitored = new Set(sentinels.flatMap((name) => spec(name).monitor?.node ?? []));
	const replicas = servers.filter((name) => monitored.has(spec(name).replicaOf ?? ''));
	const known = [...monitored, ...replicas].every(addressKnown);
	if (sentinels.length === 0 || replicas.length === 0 || !known) {
		const stages: StartStage[] = [{start: servers}];
		if (sentinels.length > 0) stages.push({waitLinked: servers});
		stages.push({start: sentinels});
		return {expectReplicas: {sentinels: [], replicas: []}, stages};
	}
	return {
		expectReplicas: {sentinels, replicas},
		stages: [{start: sentinels}, {start: servers.filter((name) => !replicas.includes(name))}, {start: replicas}, {waitLinked: replicas}],
	};
}

/** A sentinel's spec with `known-replica` lines for the given replicas of its master. */
export function withKnownReplicas(sentinel: NodeSpec, replicas: string[], spec: (name: string) => NodeSpec): NodeSpec {
	const monitor = sentinel.monitor;
	if (!monitor) return sentinel;
	return {...sentinel, monitor: {...monitor, knownReplicas: replicas.filter((name) => spec(name).replicaOf === monitor.node)}};
}
