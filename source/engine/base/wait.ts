import {RedisLabError, type Said} from './errors.js';
import {both} from '../../i18n/index.js';
import {ENGINE} from '../../i18n/engine.js';

/** Time as the engine sees it; tests pass a fake one. */
export interface Clock {
	now(): number;
	/** Resolves after `ms`, or rejects with the signal's reason when it aborts first. */
	sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const realClock: Clock = {
	now: () => Date.now(),
	sleep: (ms, signal) => new Promise((resolve, reject) => {
		if (signal?.aborted) {
			reject(signal.reason as Error);
			return;
		}
		const timer = setTimeout(() => {
			signal?.removeEventListener('abort', onAbort);
			resolve();
		}, ms);
		const onAbort = () => {
			clearTimeout(timer);
			reject(signal!.reason as Error);
		};
		signal?.addEventListener('abort', onAbort, {once: true});
	}),
};

export interface WaitOptions {
	/** Gives up after this long (TIMEOUT error naming `what`). */
	timeoutMs: number;
	/** Time between tries (default 250 ms). */
	intervalMs?: number;
	/** What is awaited, for the time-out message: "the replicas to link up" (a node or command name may stay a plain string). */
	what: string | Said;
	signal?: AbortSignal;
	clock?: Clock;
}

/**
 * Calls `probe` until it returns something other than undefined or false, and resolves with it.
 * A probe that throws ends the wait with that error. The one polling loop of the engine.
 */
export async function waitFor<T>(probe: () => T | undefined | false | Promise<T | undefined | false>, options: WaitOptions): Promise<T> {
	const clock = options.clock ?? realClock;
	const interval = options.intervalMs ?? 250;
	const deadline = clock.now() + options.timeoutMs;
	for (;;) {
		options.signal?.throwIfAborted();
		const value = await probe();
		if (value !== undefined && value !== false) return value;
		const left = deadline - clock.now();
		if (left <= 0) {
			const what = typeof options.what === 'string' ? {en: options.what, zh: options.what} : options.what;
			const seconds = Math.round(options.timeoutMs / 100) / 10;
			throw new RedisLabError('TIMEOUT', {en: both(ENGINE.timedOut, {seconds, what: what.en}).en, zh: both(ENGINE.timedOut, {seconds, what: what.zh}).zh});
		}
		await clock.sleep(Math.min(interval, left), options.signal);
	}
}

/** Rejects with a TIMEOUT error when `work` takes longer than `ms`. */
export async function withTimeout<T>(work: Promise<T>, ms: number, message: string | Said, options: {hint?: Said; clock?: Clock} = {}): Promise<T> {
	const clock = options.clock ?? realClock;
	const controller = new AbortController();
	const timeout = clock.sleep(ms, controller.signal).then(() => {
		throw new RedisLabError('TIMEOUT', typeof message === 'string' ? {en: message, zh: message} : message, {hint: options.hint});
	});
	try {
		return await Promise.race([work, timeout]);
	} finally {
		controller.abort();
		timeout.catch(() => undefined);
	}
}
