import {kindOf, monitorSpec, portFor, type NodeSpec} from '../../topology/topology.js';
import type {Lab, Lang} from './types.js';

export interface RunnerOptions {
	lang?: Lang;
	basePort?: number;
	/** Overrides every sentinel's down-after-milliseconds. */
	downAfterMs?: number;
}

/** The nodes a lab declares, as specs with ports and boot config. */
export function labNodeSpecs(lab: Pick<Lab, 'nodes'>, options: RunnerOptions = {}): NodeSpec[] {
	return Object.entries(lab.nodes).map(([name, node]) => {
		const spec: NodeSpec = {name, kind: kindOf(name), port: portFor(name, options.basePort)};
		if (node.replicaof) spec.replicaOf = node.replicaof;
		if (spec.kind === 'sentinel') {
			spec.monitor = {
				...monitorSpec({quorum: node.quorum, downAfterMs: options.downAfterMs ?? node.downAfterMs, failoverTimeoutMs: node.failoverTimeoutMs}),
				node: node.monitor ?? 'master',
			};
		}
		if (node.config) spec.extra = Object.entries(node.config).map(([key, value]) => [key, String(value)]);
		return spec;
	});
}

/** A spec with directives merged into its extra config (later values win, order kept). */
export function withDirectives(spec: NodeSpec, set: Record<string, string | number>): NodeSpec {
	const extra = [...(spec.extra ?? [])];
	for (const [key, value] of Object.entries(set)) {
		const index = extra.findIndex(([existing]) => existing === key);
		if (index === -1) extra.push([key, String(value)]);
		else extra[index] = [key, String(value)];
	}
	return {...spec, extra};
}
