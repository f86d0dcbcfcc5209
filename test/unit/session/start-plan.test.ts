import {test} from 'node:test';
import assert from 'node:assert/strict';
import {planStart} from '../../../source/engine/topology/start-plan.js';
import {standardTopology, type NodeSpec} from '../../../source/engine/topology/topology.js';

const nodes = new Map(standardTopology({sentinels: 2}).map((spec) => [spec.name, spec]));
const spec = (name: string): NodeSpec => nodes.get(name)!;
const all = [...nodes.keys()];

test('planStart: known addresses put sentinels first, masters, then replicas, then wait for the links', () => {
	assert.deepEqual(planStart(all, spec, () => true), {
		expectReplicas: {sentinels: ['sentinel1', 'sentinel2'], replicas: ['replica1', 'replica2']},
		stages: [{start: ['sentinel1', 'sentinel2']}, {start: ['master']}, {start: ['replica1', 'replica2']}, {waitLinked: ['replica1', 'replica2']}],
	});
});

test('planStart: one unknown address means servers first, a wait for the links, then the sentinels', () => {
	assert.deepEqual(planStart(all, spec, (name) => name !== 'replica2').stages, [
		{start: ['master', 'replica1', 'replica2']},
		{waitLinked: ['master', 'replica1', 'replica2']},
		{start: ['sentinel1', 'sentinel2']},
	]);
});

test('planStart: no sentinels, or no replicas of the monitored master: servers only, no wait', () => {
	assert.deepEqual(planStart(['master', 'replica1'], spec, () => true).stages, [{start: ['master', 'replica1']}, {start: []}]);
	assert.deepEqual(planStart(['master', 'sentinel1'], spec, () => true).stages, [{start: ['master']}, {waitLinked: ['master']}, {start: ['sentinel1']}]);
});
