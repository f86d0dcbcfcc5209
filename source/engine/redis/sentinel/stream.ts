import type {Redis} from 'ioredis';
import {closeClient, connectNode} from '../client.js';
import {parseEvent} from './events.js';
import {waitFor} from '../../base/wait.js';
import type {SentinelEvent, SentinelEventData} from './types.js';

/** Names the nodes behind addresses in an event. */
export type Resolver = (host: string, port: number) => string | undefined;

/** Adds the reporting sentinel, arrival time and node names to a parsed event. */
export function stampEvent(data: SentinelEventData, source: string, seq: number, resolve: Resolver, receivedAt = Date.now()): SentinelEvent {
	const event: SentinelEvent = {...data, seq, source, receivedAt};
	if (data.host !== undefined && data.port) event.instanceNode = resolve(data.host, data.port);
	if (data.switchMaster) {
		event.oldMasterNode = resolve(data.switchMaster.oldHost, data.switchMaster.oldPort);
		event.newMasterNode = resolve(data.switchMaster.newHost, data.switchMaster.newPort);
	}
	return event;
}

/** `PSUBSCRIBE *` on every sentinel; each message becomes a typed, stamped event in arrival order. */
export class SentinelEventStream {
	private readonly subscribers = new Map<string, Redis>();
	private seq = 0;

	constructor(
		private readonly resolve: Resolver,
		private readonly onEvent: (event: SentinelEvent) => void,
		private readonly password?: string,
	) {}

	/** Starts listening to a sentinel; resolves once subscribed (or after `timeoutMs`). */
	async add(name: string, port: number, timeoutMs = 3000): Promise<void> {
		if (this.subscribers.has(name)) return;
		const client = connectNode(port, {password: this.password, subscriber: true});
		this.subscribers.set(name, client);
		client.on('pmessage', (_pattern: string, channel: string, message: string) => {
			const receivedAt = Date.now();
			this.onEvent(stampEvent(parseEvent(channel, message), name, ++this.seq, this.resolve, receivedAt));
		});
		// Subscribe on every (re)connection; the sentinel may also start later.
		let subscribed = false;
		client.on('ready', () => {
			client.psubscribe('*').then(() => (subscribed = true), () => undefined);
		});
		await waitFor(() => subscribed, {timeoutMs, intervalMs: 50, what: `${name}'s events`}).catch(() => false); // a sentinel that starts later subscribes on its 'ready'
	}

	remove(name: string): void {
		const client = this.subscribers.get(name);
		if (!client) return;
		this.subscribers.delete(name);
		closeClient(client);
	}

	close(): void {
		for (const name of [...this.subscribers.keys()]) this.remove(name);
	}
}
