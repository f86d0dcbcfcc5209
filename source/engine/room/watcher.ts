// The host's side of a room: every learner's hash, the stream of step events, and live updates by Pub/Sub.
import type {Redis} from 'ioredis';
import {problemOf, reasonOf, roomClient, type RoomProblem} from './connection.js';
import {EVENTS_MAXLEN, roomKeys, type RoomKeys} from './keys.js';
import {eventOf, type StepEvent} from './events.js';
import {fromHash, type LearnerStatus} from './status.js';
import {roomEndpoint, type RoomAddress} from './url.js';

export interface RoomView {
	room: string;
	at: string;
	status: 'connecting' | 'connected' | RoomProblem;
	reason?: string;
	learners: LearnerStatus[];
	events: StepEvent[];
	/** Date.now() of the last change. */
	changedAt: number;
	/** The updates (learner id, when it was sent) this view took in last: what a frame shows first. */
	fresh: Array<{id: string; sentAt: number}>;
}

export interface WatcherOptions {
	/** How often everything is read again (TTLs expire without a message; heartbeats send none). Default 5 s. */
	fullEveryMs?: number;
}

export class RoomWatcher {
	private readonly keys: RoomKeys;
	private readonly client: Redis;
	private readonly subscriber: Redis;
	private view: RoomView;
	private readonly listeners = new Set<() => void>();
	private readonly learners = new Map<string, LearnerStatus>();
	private events: StepEvent[] = [];
	private lastEventId = '-';
	private pending = new Map<string, number>();
	private fetching = false;
	private readonly timer: NodeJS.Timeout;

	constructor(address: RoomAddress, options: WatcherOptions = {}) {
		this.keys = roomKeys(address.roomId);
		this.view = {room: address.roomId, at: roomEndpoint(address), status: 'connecting', learners: [], events: [], changedAt: Date.now(), fresh: []};
		const onError = (error: Error) => this.set({status: problemOf(error), reason: reasonOf(error)});
		this.client = roomClient(address, onError, {maxBackoffMs: 2000});
		this.subscriber = roomClient(address, onError, {maxBackoffMs: 2000, subscriber: true});
		this.client.on('ready', () => void this.refresh());
		this.subscriber.on('ready', () => void this.subscriber.subscribe(this.keys.updates).catch(onError));
		this.subscriber.on('message', (_channel: string, message: string) => this.onMessage(message));
		this.timer = setInterval(() => void this.refresh(), options.fullEveryMs ?? 5000);
		this.timer.unref();
	}

	getState = (): RoomView => this.view;

	subscribe = (listener: () => void): (() => void) => {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	};

	private set(change: Partial<RoomView>): void {
		this.view = {...this.view, ...change, changedAt: Date.now()};
		for (const listener of [...this.listeners]) listener();
	}

	private publishView(fresh: RoomView['fresh'] = []): void {
		this.set({status: 'connected', reason: undefined, learners: [...this.learners.values()], events: this.events, fresh});
	}

	/** Resolves true once the first full read is done, false when the room cannot be read within `timeoutMs`. */
	async ready(timeoutMs = 5000): Promise<boolean> {
		const deadline = Date.now() + timeoutMs;
		while (Date.now() < deadline) {
			if (this.view.status === 'connected') return true;
			if (this.view.status === 'refused') return false;
			await new Promise((resolve) => setTimeout(resolve, 50));
		}
		return false;
	}

	private onMessage(message: string): void {
		const [id, sent] = message.split(' ');
		if (!id) return;
		this.pending.set(id, Number(sent) || Date.now());
		if (!this.fetching) setImmediate(() => void this.fetchPending());
	}

	/** Reads the learners that said they changed, in one round trip. */
	private async fetchPending(): Promise<void> {
		if (this.fetching || this.pending.size === 0 || this.client.status !== 'ready') return;
		this.fetching = true;
		const batch = this.pending;
		this.pending = new Map();
		try {
			const ids = [...batch.keys()];
			const replies = await this.read(ids);
			ids.forEach((id, index) => this.take(id, replies[index]));
			this.publishView([...batch].map(([id, sentAt]) => ({id, sentAt})));
		} catch (error) {
			if (error instanceof Error) this.set({status: problemOf(error), reason: reasonOf(error)});
		} finally {
			this.fetching = false;
			if (this.pending.size > 0) setImmediate(() => void this.fetchPending());
		}
	}

	private async read(ids: string[]): Promise<Array<LearnerStatus | undefined>> {
		const pipeline = this.client.pipeline();
		for (const id of ids) pipeline.hgetall(this.keys.learner(id));
		const replies = (await pipeline.exec()) ?? [];
		return replies.map(([error, hash]) => (error ? undefined : fromHash(hash as Record<string, string>)));
	}

	private take(id: string, learner: LearnerStatus | undefined): void {
		if (learner) this.learners.set(id, learner);
		else this.learners.delete(id);
	}

	/** Reads every learner and the new step events; learners whose hash expired leave the room. */
	async refresh(): Promise<void> {
		if (this.client.status !== 'ready') return;
		try {
			const ids = await this.client.zrange(this.keys.learners, 0, -1);
			const learners = await this.read(ids);
			const gone = ids.filter((_, index) => !learners[index]);
			if (gone.length > 0) await this.client.zrem(this.keys.learners, ...gone);
			this.learners.clear();
			ids.forEach((id, index) => this.take(id, learners[index]));
			await this.readEvents();
			this.publishView();
		} catch (error) {
			if (error instanceof Error) this.set({status: problemOf(error), reason: reasonOf(error)});
		}
	}

	private async readEvents(): Promise<void> {
		const start = this.lastEventId === '-' ? '-' : `(${this.lastEventId}`;
		const entries = (await this.client.xrange(this.keys.events, start, '+', 'COUNT', 5000));
		if (entries.length === 0) return;
		this.lastEventId = entries.at(-1)![0];
		const read = entries.flatMap(([, fields]) => {
			const event = eventOf(fields);
			return event ? [event] : [];
		});
		this.events = [...this.events, ...read].slice(-EVENTS_MAXLEN);
	}

	close(): void {
		clearInterval(this.timer);
		this.client.disconnect(false);
		this.subscriber.disconnect(false);
	}
}
