// The client check's acknowledgedThisStep: counted from the step's start, not from the client's.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {checkOf} from '../../../source/engine/lab/checks/registry.js';
import type {CheckContext} from '../../../source/engine/lab/define/define.js';
import type {ClientFigures} from '../../../source/engine/redis/client-load.js';

test('client: acknowledgedThisStep counts only the writes acknowledged after the step began', async () => {
	const figures: ClientFigures = {attempted: 500, acknowledged: 450, errors: 50, longestGapMs: 0};
	const context = {baseline: new Map(), clients: new Map([['app', () => figures]]), lang: 'en'} as unknown as CheckContext;
	const check = {client: {id: 'app', acknowledgedThisStep: {atLeast: 20}}};
	const {definition, body} = checkOf(check);
	await definition.baseline?.(body, context);
	assert.equal((await definition.evaluate(body, context)).ok, false, '450 acknowledged before the step are not news');
	figures.acknowledged = 465;
	assert.match((await definition.evaluate(body, context)).detail, /acknowledged since this step began is 15, expected at least 20/);
	figures.acknowledged = 470;
	assert.equal((await definition.evaluate(body, context)).ok, true);
});
