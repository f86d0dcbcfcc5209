import {RedisLabError} from '../../base/errors.js';
import {realClock, waitFor, type Clock} from '../../base/wait.js';
import {checkOf, checkWithin, evaluate, type Check} from '../checks/registry.js';
import type {CheckContext} from '../define/define.js';
import type {Verdict} from '../define/verdict.js';

/** Time between two evaluations of a check. */
export const RETRY_MS = 300;

export interface SettleOptions {
	/** Overrides the check's own `within` (watching a step the learner does by hand). */
	withinMs?: number;
	/** Stops early (the learner moved away); the last verdict is returned. */
	signal?: AbortSignal;
	clock?: Clock;
}

/**
 * Re-evaluates a check until it passes or its time runs out. An inverted check (`absent` event)
 * settles as soon as it fails, and passes when its time runs out without failing.
 */
export async function settle(check: Check, context: CheckContext, options: SettleOptions = {}): Promise<Verdict> {
	const within = options.withinMs ?? checkWithin(check);
	const {definition, body} = checkOf(check);
	const inverted = definition.inverted?.(body) ?? false;
	let last: Verdict = {ok: false, detail: 'not evaluated'};
	try {
		return await waitFor(async () => {
			last = await evaluate(check, context);
			return last.ok !== inverted && last;
		}, {timeoutMs: within, intervalMs: RETRY_MS, what: 'a check', signal: options.signal, clock: options.clock ?? realClock});
	} catch (error) {
		const timedOut = error instanceof RedisLabError && error.code === 'TIMEOUT';
		if (!timedOut && !options.signal?.aborted) throw error;
		return inverted ? last : {ok: false, detail: `${last.detail} after ${Math.round(within / 1000)}s`};
	}
}
