// The room's connections: never hang the lab, never throw unhandled, retry quietly with a back-off.
import {Redis, type RedisOptions} from 'ioredis';
import type {RoomAddress} from './url.js';

/** What is wrong with a room, as one word the header turns into one line. */
export type RoomProblem = 'unreachable' | 'refused';

export interface RoomOptions {
	/** Longest pause between reconnection attempts (default 5 s). */
	maxBackoffMs?: number;
	subscriber?: boolean;
}

export function roomClientOptions(address: RoomAddress, options: RoomOptions = {}): RedisOptions {
	const maxBackoff = options.maxBackoffMs ?? 5000;
	return {
		host: address.host,
		port: address.port,
		username: address.username,
		password: address.password,
		...(address.tls ? {tls: {servername: address.host}} : {}),
		lazyConnect: true,
		connectTimeout: 3000,
		commandTimeout: 3000,
		maxRetriesPerRequest: 0,
		enableOfflineQueue: false,
		disableClientInfo: true,
		// Subscribers subscribe again themselves on 'ready' (see connectNode in redis/client.ts for why).
		autoResubscribe: !options.subscriber,
		retryStrategy: (times: number) => Math.min(maxBackoff, 250 * 2 ** Math.min(times, 5)),
		reconnectOnError: () => false,
	};
}

/** A client that reports its errors to `onError` (never to the console) and keeps retrying. */
export function roomClient(address: RoomAddress, onError: (error: Error) => void, options: RoomOptions = {}): Redis {
	const client = new Redis(roomClientOptions(address, options));
	client.on('error', onError);
	client.connect().catch(() => {
		// Reported through 'error'; retryStrategy keeps trying.
	});
	return client;
}

/** A wrong or missing password (WRONGPASS, NOAUTH, an old server's "invalid password"), or anything else. */
export function problemOf(error: Error): RoomProblem {
	return /WRONGPASS|NOAUTH|invalid password|invalid username-password/i.test(error.message) ? 'refused' : 'unreachable';
}

/** A short reason for the header: "connection refused", "timed out", the server's reply... */
export function reasonOf(error: Error): string {
	const code = (error as NodeJS.ErrnoException).code;
	if (code === 'ECONNREFUSED') return 'connection refused';
	if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'unknown host';
	if (code === 'ETIMEDOUT' || /timed? ?out/i.test(error.message)) return 'timed out';
	if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH') return 'no route to host';
	return error.message.split('\n')[0]!.slice(0, 80);
}
