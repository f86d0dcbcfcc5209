import {test} from 'node:test';
import assert from 'node:assert/strict';
import {findLab, loadCatalogue} from '../../../source/engine/lab/format/loader.js';
import {LabSession} from '../../../source/engine/lab/run/lab-session.js';
import {createRuntime} from '../../../source/engine/runtime/detect.js';
import {Session, newSessionId} from '../../../source/engine/session/session.js';
import {needRedisServer} from '../../helpers/env.js';
import {basePort} from '../../helpers/lane.js';

test('console: wrong arity, unknown commands, unbalanced quotes, very long and binary input get a clear reply, and the console goes on', {timeout: 60_000}, async (t) => {
	if (!needRedisServer(t)) return;
	const lab = findLab(await loadCatalogue(), 'replication-command');
	const runtime = await createRuntime({runtime: 'local', basePort: basePort(0), sessionId: newSessionId()});
	const labSession = new LabSession(new Session({runtime}), lab, {lang: 'en', basePort: basePort(0)});
	try {
		await labSession.open();
		assert.equal(labSession.getState().phase, 'ready', JSON.stringify(labSession.getState().error));
		assert.deepEqual(await labSession.console('master', 'PING'), {reply: 'master is not running yet: a step of this lab starts it (r runs the current step)', isError: true});
		// The first step starts the three servers.
		await labSession.runStep();
		const cases: Array<[string, RegExp]> = [
			['SET', /wrong number of arguments for 'set' command/i],
			['FROBNICATE x', /unknown command 'FROBNICATE'/i],
			['SET k "unbalanced', /quote/i],
			['x'.repeat(600), /Command too long \(600 characters; at most 500\)/],
			['GET \u0001\u0002\u0003', /Control characters are not allowed/],
		];
		for (const [input, expected] of cases) {
			const result = await labSession.console('master', input);
			assert.equal(result.isError, true, `${input.slice(0, 20)} is an error: ${result.reply}`);
			assert.match(result.reply, expected);
		}
		assert.match((await labSession.console('nowhere', 'PING')).reply, /Unknown node nowhere/);
		assert.deepEqual(await labSession.console('master', 'SET greeting "hello world"'), {reply: 'OK', isError: false});
		assert.deepEqual(await labSession.console('master', 'GET greeting'), {reply: '"hello world"', isError: false}, 'shown as redis-cli shows it');
	} finally {
		await labSession.close();
	}
});
