// Which actions change state, and the mutants the mutation suite builds from a step (pure logic).
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {commandChangesState} from '../../../source/engine/lab/actions/cli.js';
import {actionChangesState, cappedCheck, mutantOf, removableActions, singleMutantsOf} from '../../helpers/mutation.js';
import type {Step} from '../../../source/engine/lab/format/types.js';

test('cli commands that only read are told apart from those that write, per command word', () => {
	for (const command of ['INFO replication', 'get name', 'CONFIG GET protected-mode', 'ROLE', 'SENTINEL GET-MASTER-ADDR-BY-NAME master', 'SENTINEL MASTER master', 'sentinel ckquorum master', 'SENTINEL REPLICAS master', 'SENTINEL CONFIG GET resolve-hostnames']) {
		assert.equal(commandChangesState(command), false, command);
	}
	for (const command of ['SET a 1', 'CONFIG SET min-replicas-to-write 2', 'REPLICAOF NO ONE', 'SENTINEL SET master quorum 1', 'SENTINEL MONITOR demo 127.0.0.1 6379 2', 'SENTINEL CONFIG SET resolve-hostnames yes', 'SENTINEL FAILOVER master', 'FLUSHALL', 'SOMETHING-NEW']) {
		assert.equal(commandChangesState(command), true, command);
	}
});

test('every action kind decides whether it changes state', () => {
	assert.equal(actionChangesState({'show-config': 'replica1'}), false);
	assert.equal(actionChangesState({logs: {node: 'sentinel1'}}), false);
	assert.equal(actionChangesState({restart: 'replica1'}), true);
	assert.equal(actionChangesState({cli: {node: 'master', command: 'INFO'}}), false);
	assert.equal(actionChangesState({cli: {node: 'master', command: 'SET a 1'}}), true);
});

const step: Step = {
	id: 'stop-replica',
	title: {en: 'Stop'},
	text: {en: 'Stop'},
	do: [{stop: 'replica2'}, {cli: {node: 'master', command: 'SET k2 v2'}}, {cli: {node: 'master', command: 'GET k1'}}, {'write-config': {node: 'master', set: {appendonly: 'yes'}}}],
	expect: [{reply: {node: 'master', command: 'set  k2 v2', error: '^NOREPLICAS'}}, {role: {node: 'master', is: 'master', within: '45s'}}],
};

test('a mutant drops the state-changing actions, keeps reads and the command a reply check sends again, and caps the checks', () => {
	assert.deepEqual(removableActions(step), [step.do[0], step.do[3]]);
	const mutant = mutantOf(step, 15_000)!;
	assert.deepEqual(mutant.do, [step.do[1], step.do[2]]);
	assert.deepEqual(mutant.expect[1], {role: {node: 'master', is: 'master', within: 15_000}});
	assert.equal(mutant.expect[0], step.expect[0]);
	assert.deepEqual(singleMutantsOf(step, 15_000).map(({step: single}) => single.do.length), [3, 3]);
	assert.equal(mutantOf({...step, do: [{cli: {node: 'master', command: 'INFO'}}]}, 15_000), undefined);
	assert.deepEqual(cappedCheck({role: {node: 'master', is: 'master', within: '2s'}}, 15_000), {role: {node: 'master', is: 'master', within: '2s'}});
});
