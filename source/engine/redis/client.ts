import {Redis, type RedisOptions} from 'ioredis';
import {redisError} from '../base/known-errors.js';

/**
 * Options for a connection that never hangs the app and never throws unhandled:
 * no offline queue, a command time-out (a paused node keeps its socket open), bounded retries.
 */
export function dashboardOptions(port: number, password?: string): RedisOptions {
	return {
		host: '127.0.0.1',
		port,
		password,
		lazyConnect: true,
		connectTimeout: 2000,
		commandTimeout: 1500,
		maxRetriesPerRequest: 0,
		enableOfflineQueue: false,
		enableReadyCheck: false,
		// ioredis waits for CLIENT SETINFO replies before calling itself ready, without noticing a
		// connection lost meanwhile (a published port accepts before the container listens): it then
		// reports ready on a dead socket and never reconnects. Skipping SETINFO closes that window,
		// and keeps the probes' commands out of a learner's MONITOR.
		disableClientInfo: true,
		retryStrategy: () => 500,
		reconnectOnError: () => false,
	};
}

/** A client for one node; errors are swallowed into `onError` instead of ioredis's console warning. */
export function connectNode(port: number, options: {password?: string; onError?: (error: Error) => void; subscriber?: boolean} = {}): Redis {
	// ioredis re-subscribes after a reconnect without handling the reply's failure: a socket that
	// closes meanwhile rejects with nobody listening and ends the process. Subscribers do it themselves.
	const client = new Redis({...dashboardOptions(port, options.password), ...(options.subscriber ? {autoResubscribe: false} : {})});
	client.on('error', (error: Error) => options.onError?.(error));
	client.connect().catch(() => {
		// Reported through 'error'; retryStrategy keeps trying.
	});
	return client;
}

/** Closes a client without waiting on a dead socket. */
export function closeClient(client: Redis): void {
	client.disconnect(false);
}

/** One command on a fresh connection with short time-outs; rejects (with a known error) instead of hanging. */
export async function commandOnce(port: number, args: [string, ...string[]], password?: string): Promise<unknown> {
	const client = new Redis({...dashboardOptions(port, password), retryStrategy: () => null});
	client.on('error', () => {});
	try {
		await client.connect();
		return await client.call(...args);
	} catch (error) {
		throw redisError(error, {port});
	} finally {
		closeClient(client);
	}
}
