import {test} from 'node:test';
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {evaluate, type CheckContext} from '../../../source/engine/lab/checks/registry.js';
import {createRuntime} from '../../../source/engine/runtime/detect.js';
import {Session, newSessionId} from '../../../source/engine/session/session.js';
import {standardTopology} from '../../../source/engine/topology/topology.js';
import {TEST_IMAGE, labelledContainers, needDocker} from '../../helpers/env.js';
import {basePort} from '../../helpers/lane.js';

const BASE = basePort(0);

test('a node container that exits on its own: shown down with its last log lines, a check on it fails with that reason, nothing crashes', {timeout: 90_000}, async (t) => {
	if (!needDocker(t)) return;
	const sessionId = newSessionId();
	const runtime = await createRuntime({runtime: 'docker', image: TEST_IMAGE, basePort: BASE, sessionId});
	const session = new Session({runtime, pollMs: 250});
	try {
		await session.prepare();
		await session.up(standardTopology({basePort: BASE, sentinels: 0}), {quiet: true});
		// Not through the app: the server stops by itself as far as redis-lab knows.
		// The exec may die with its container (status 137): what counts is the state below.
		spawnSync('docker', ['exec', `redis-lab-${BASE}-master`, 'redis-cli', '-p', String(BASE), 'SHUTDOWN', 'NOSAVE'], {stdio: 'ignore'});
		const master = await session.waitFor((state) => {
			const view = state.nodes.find((node) => node.name === 'master');
			return view?.health === 'down' && (view.lastLogs?.length ?? 0) > 0 ? view : undefined;
		}, 20_000, 'the master to show as down with its last log lines');
		assert.match(master.lastLogs!.join('\n'), /ready to exit|bye/i);

		const context: CheckContext = {session, since: Date.now(), baseline: new Map(), writes: new Map(), clients: new Map(), resolveNode: (ref) => ref};
		const verdict = await evaluate({info: {node: 'master', field: 'role', equals: 'master'}}, context);
		assert.equal(verdict.ok, false);
		assert.match(verdict.detail, /^master is down; its last log line: .*(ready to exit|bye)/i);
		assert.deepEqual(await evaluate({role: {node: 'master', is: 'down'}}, context), {ok: true, detail: 'master is down'});
		assert.notEqual(session.getState().phase, 'failed');
		assert.equal(session.view('replica1')?.health, 'up', 'the other nodes are still watched');
	} finally {
		await session.close();
	}
	assert.deepEqual(labelledContainers(`redis-lab.session=${sessionId}`), []);
});
