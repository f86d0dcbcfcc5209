import {test} from 'node:test';
import assert from 'node:assert/strict';
import {existsSync} from 'node:fs';
import {createRuntime} from '../../source/engine/runtime/detect.js';
import {Session, newSessionId} from '../../source/engine/session/session.js';
import {standardTopology} from '../../source/engine/topology/topology.js';
import {sessionDirPath} from '../../source/engine/runtime/session-dir.js';
import type {RuntimeKind} from '../../source/engine/runtime/types.js';
import type {LabSessionState} from '../../source/engine/lab/run/state.js';
import {TEST_IMAGE, labelledContainers, labelledNetworks, needDocker, needRedisServer, redisProcessesOn} from '../helpers/env.js';
import {basePort} from '../helpers/lane.js';

function roles(state: LabSessionState): Record<string, string | undefined> {
	return Object.fromEntries(state.nodes.filter((node) => node.kind === 'redis').map((node) => [node.name, node.health === 'up' ? node.replication?.role : node.health]));
}

async function failoverCycle(kind: RuntimeKind, basePort: number): Promise<void> {
	const sessionId = newSessionId();
	const runtime = await createRuntime({runtime: kind, image: TEST_IMAGE, basePort, sessionId});
	const session = new Session({runtime, pollMs: 250});
	try {
		await session.prepare();
		await session.up(standardTopology({basePort, sentinels: 2, downAfterMs: 3000}), {timeoutMs: 40_000});
		assert.deepEqual(roles(session.getState()), {master: 'master', replica1: 'slave', replica2: 'slave'});
		for (const sentinel of ['sentinel1', 'sentinel2']) {
			const master = session.view(sentinel)?.sentinel?.masters[0];
			assert.equal(master?.status, 'ok');
			assert.equal(master?.slaves, 2);
			assert.equal(master?.sentinels, 2);
			assert.equal(runtime.resolve(master.host, master.port), 'master', 'sentinel address maps back to the node name');
		}

		// The replicas a sentinel was told to expect are the ones the master reports: no duplicates later.
		await session.refresh();
		const reported = session.view('master')!.replication!.replicas.map((replica) => `${replica.ip}:${replica.port}`).sort();
		const expected = (await runtime.exec('sentinel1', ['SENTINEL', 'REPLICAS', 'master'])).stdout.split('\n').filter((line, index, lines) => lines[index - 1]?.trim().endsWith('"name"')).map((line) => line.replace(/^[\s\d)]*"|"$/g, '')).sort();
		assert.deepEqual(expected, reported);

		session.markFault();
		await session.stopNode('master', 'kill');
		await session.waitFor((state) => state.events.some((event) => event.type === '+switch-master') || undefined, 40_000, '+switch-master');
		const events = session.getState().events;
		const firstSeq = (type: string) => events.find((event) => event.type === type)?.seq ?? -1;
		const order = ['+sdown', '+odown', '+elected-leader', '+switch-master'].map(firstSeq);
		assert.ok(order.every((seq) => seq > 0), `every event seen: ${events.map((event) => event.type).join(' ')}`);
		assert.deepEqual([...order].sort((a, b) => a - b), order, `in order: ${events.map((event) => event.type).join(' ')}`);
		const switched = events.find((event) => event.type === '+switch-master')!;
		assert.equal(switched.oldMasterNode, 'master');
		const promoted = switched.newMasterNode!;
		assert.ok(promoted === 'replica1' || promoted === 'replica2', `promoted ${promoted}`);

		const other = promoted === 'replica1' ? 'replica2' : 'replica1';
		await session.waitFor((state) => {
			const current = roles(state);
			return (current[promoted] === 'master' && current[other] === 'slave' && session.currentMaster(state) === promoted
				&& state.nodes.find((node) => node.name === other)?.names[`${state.nodes.find((node) => node.name === other)?.replication?.masterHost}:${state.nodes.find((node) => node.name === other)?.replication?.masterPort}`] === promoted) || undefined;
		}, 30_000, 'every probe to agree on the promoted replica');

		await session.startNode('master');
		await session.waitFor((state) => roles(state).master === 'slave' || undefined, 60_000, 'the old master to rejoin as a replica').catch((error: Error) => {
			const state = session.getState();
			const master = session.view('master');
			throw new Error(`${error.message}; roles ${JSON.stringify(roles(state))}; master probe: ${master?.error ?? 'no error'}, last seen ${master?.lastSeenAt ? `${Date.now() - master.lastSeenAt} ms ago` : 'never'}; events since the restart: ${state.events.filter((event) => event.seq > switched.seq).map((event) => `${event.source} ${event.type} ${event.payload}`).join(' | ')}`);
		});
		assert.equal(session.currentMaster(), promoted);
	} finally {
		await session.close();
	}
	if (kind === 'docker') {
		assert.deepEqual(labelledContainers(`redis-lab.session=${sessionId}`), []);
		assert.deepEqual(labelledNetworks(`redis-lab.session=${sessionId}`), []);
	} else {
		const ports = standardTopology({basePort, sentinels: 2}).map((node) => node.port);
		assert.deepEqual(redisProcessesOn(ports), []);
	}
	assert.equal(existsSync(sessionDirPath(sessionId)), false, 'session folder removed');
}

test('docker: up, kill the master, events in order, probes agree, old master rejoins, nothing left', {timeout: 180_000}, async (t) => {
	if (!needDocker(t)) return;
	await failoverCycle('docker', basePort(0));
});

test('local: up, kill the master, events in order, probes agree, old master rejoins, nothing left', {timeout: 180_000}, async (t) => {
	if (!needRedisServer(t)) return;
	await failoverCycle('local', basePort(1));
});
