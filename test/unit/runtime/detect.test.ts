import {test} from 'node:test';
import assert from 'node:assert/strict';
import {createRuntime} from '../../../source/engine/runtime/detect.js';
import {findBinary} from '../../../source/engine/runtime/local/binaries.js';

const noRedis = !(await findBinary('redis-server')) && 'no redis-server on PATH';

test('falling back to local processes says so in one line, naming the engine tried and how it was found', {skip: noRedis}, async () => {
	const before = process.env.DOCKER_HOST;
	process.env.DOCKER_HOST = 'unix:///nonexistent/redis-lab-test.sock';
	const notices: string[] = [];
	try {
		const runtime = await createRuntime({sessionId: 'unit-detect', basePort: 32000, onNotice: (line) => notices.push(line)});
		assert.equal(runtime.kind, 'local');
		assert.equal(notices.length, 1);
		assert.match(notices[0]!, /^redis-lab: Docker is not reachable at unix:\/\/\/nonexistent\/redis-lab-test\.sock \(DOCKER_HOST\); using local redis-server processes/);
		await assert.rejects(createRuntime({runtime: 'docker', sessionId: 'unit-detect', basePort: 32000}), /not reachable at unix:\/\/\/nonexistent\/redis-lab-test\.sock \(DOCKER_HOST\)/);
	} finally {
		if (before === undefined) delete process.env.DOCKER_HOST;
		else process.env.DOCKER_HOST = before;
	}
});
