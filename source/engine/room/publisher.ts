// The learner's side of a room: one hash refreshed while the app lives, step events on the stream, a ping on the channel.
import {createHash} from 'node:crypto';
import {hostname} from 'node:os';
import type {Redis} from 'ioredis';
import {problemOf, reasonOf, roomClient, type RoomProblem} from './connection.js';
import {EVENTS_MAXLEN, heartbeatMs, learnerTtlSeconds, roomKeys, type RoomKeys} from './keys.js';
import {eventFields, stepEvents, track, type StepEvent} from './events.js';
import {MENU_STATUS, fromHash, toHash, type LabProgressStatus, type LearnerStatus} from './status.js';
import {roomEndpoint, type RoomAddress} from './url.js';

/** How the learner's header sees the room. */
export interface RoomLinkState {
	room: string;
	/** host:port */
	at: string;
	name: string;
	status: 'connecting' | 'joined' | RoomProblem;
	/** Why it is unreachable (one short phrase). */
	reason?: string;
}

export interface PublisherOptions {
	name: string;
	owner: string;
	mode: 'app' | 'run';
	ttlSeconds?: number;
	now?: () => number;
}

/** Events kept while the room cannot be reached (the oldest go first). */
const MAX_QUEUED = 200;

/** The same learner (name, account, machine) gets the same id after a restart: the host's row survives it. */
export function learnerId(name: string, owner: string, machine = hostname()): string {
	return createHash('sha256').update(`${name}\0${owner}\0${machine}`).digest('hex').slice(0, 16);
}

export class RoomPublisher {
	private readonly keys: RoomKeys;
	private readonly ttlSeconds: number;
	private readonly now: () => number;
	private readonly client: Redis;
	private state: RoomLinkState;
	private readonly listeners = new Set<() => void>();
	private current: LearnerStatus;
	private queued: StepEvent[] = [];
	private resumed = false;
	/** The hash a previous run of this learner left, read once on joining. */
	private stored?: LearnerStatus;
	private writing?: Promise<void>;
	private dirty = false;
	private closed = false;
	private readonly heartbeat: NodeJS.Timeout;

	constructor(address: RoomAddress, private readonly options: PublisherOptions) {
		this.keys = roomKeys(address.roomId);
		this.ttlSeconds = options.ttlSeconds ?? learnerTtlSeconds();
		this.now = options.now ?? Date.now;
		this.state = {room: address.roomId, at: roomEndpoint(address), name: options.name, status: 'connecting'};
		const at = this.now();
		this.current = {...MENU_STATUS, id: learnerId(options.name, options.owner), name: options.name, mode: options.mode, failCount: 0, joinedAt: at, updatedAt: at};
		this.queued.push(...stepEvents(undefined, this.current));
		this.client = roomClient(address, (error) => this.setState({status: problemOf(error), reason: reasonOf(error)}));
		this.client.on('ready', () => void this.onReady());
		this.heartbeat = setInterval(() => this.schedule(), heartbeatMs(this.ttlSeconds));
		this.heartbeat.unref();
	}

	getState = (): RoomLinkState => this.state;

	subscribe = (listener: () => void): (() => void) => {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	};

	get id(): string {
		return this.current.id;
	}

	/** The status as last computed (published or about to be). */
	get status(): LearnerStatus {
		return this.current;
	}

	private setState(change: Partial<RoomLinkState>): void {
		const next = {...this.state, ...change};
		if (next.status === this.state.status && next.reason === this.state.reason) return;
		this.state = next;
		for (const listener of [...this.listeners]) listener();
	}

	/** A new view of the lab: published at once when anything but the time changed. */
	update(progress: LabProgressStatus): void {
		const now = this.now();
		const next: LearnerStatus = {...this.current, ...progress, ...track(this.previousFor(progress), progress, now), updatedAt: now};
		const events = stepEvents(this.current, next);
		const changed = JSON.stringify({...next, updatedAt: 0}) !== JSON.stringify({...this.current, updatedAt: 0});
		this.current = next;
		this.queued = [...this.queued, ...events].slice(-MAX_QUEUED);
		if (changed) this.schedule(true);
	}

	/** The status to track from: the stored one when the learner comes back to the step it was on before a restart. */
	private previousFor(progress: LabProgressStatus): LearnerStatus {
		const stored = this.stored;
		if (!stored || !progress.lab) return this.current;
		this.stored = undefined;
		const onStored = stored.lab === progress.lab && stored.step === progress.step;
		const onCurrent = this.current.lab === progress.lab && this.current.step === progress.step;
		return onStored && !onCurrent ? stored : this.current;
	}

	/** After a restart, the hash left by the previous run keeps the step's start time and failure count. */
	private async onReady(): Promise<void> {
		this.setState({status: 'joined', reason: undefined});
		if (!this.resumed) {
			this.resumed = true;
			try {
				this.stored = fromHash(await this.client.hgetall(this.keys.learner(this.current.id)));
				if (this.stored) this.current = {...this.current, joinedAt: this.stored.joinedAt || this.current.joinedAt, ...resumeFrom(this.stored, this.current)};
			} catch {
				// Nothing to resume from: the room was just reached and may be gone again; the write below retries.
			}
		}
		this.schedule(true);
	}

	/** Writes the hash (and queued events); one write at a time, the latest status wins. */
	private schedule(changed = false): void {
		if (this.closed && !changed) return;
		this.dirty ||= changed;
		if (this.writing || this.client.status !== 'ready') return;
		const publish = this.dirty;
		this.dirty = false;
		this.writing = this.write(publish).finally(() => {
			this.writing = undefined;
			if (this.dirty) this.schedule();
		});
	}

	private async write(publish: boolean): Promise<void> {
		const status = {...this.current, updatedAt: this.now()};
		const events = this.queued;
		const key = this.keys.learner(status.id);
		const multi = this.client.multi().hset(key, toHash(status)).pexpire(key, this.ttlSeconds * 1000).zadd(this.keys.learners, status.updatedAt, status.id);
		for (const event of events) multi.xadd(this.keys.events, 'MAXLEN', '~', EVENTS_MAXLEN, '*', ...eventFields(event));
		if (publish) multi.publish(this.keys.updates, `${status.id} ${status.updatedAt}`);
		try {
			await multi.exec();
			this.queued = this.queued.slice(events.length);
		} catch (error) {
			// The room went away mid-write: the status stays to publish (the 'error' event says why).
			this.dirty ||= publish;
			if (error instanceof Error) this.setState({status: problemOf(error), reason: reasonOf(error)});
		}
	}

	/** Resolves once what was computed is written, or after `timeoutMs`. */
	async flush(timeoutMs = 1000): Promise<void> {
		const deadline = this.now() + timeoutMs;
		while ((this.writing || this.dirty) && this.client.status === 'ready' && this.now() < deadline) {
			await Promise.race([this.writing ?? Promise.resolve(), new Promise((resolve) => setTimeout(resolve, 20))]);
			if (!this.writing && this.dirty) this.schedule();
		}
	}

	/**
	 * Writes the last status, then disconnects; the hash lives on until its TTL. `left` says the
	 * learner quit the app (a headless run ends with its result, which the host should still see as is).
	 */
	async close(options: {left?: boolean; timeoutMs?: number} = {}): Promise<void> {
		if (this.closed) return;
		clearInterval(this.heartbeat);
		if (options.left) {
			this.current = {...this.current, left: true, updatedAt: this.now()};
			this.queued.push({type: 'left', learner: this.current.id, name: this.current.name, at: this.current.updatedAt, lab: this.current.lab});
		}
		this.schedule(true);
		this.closed = true;
		await this.flush(options.timeoutMs ?? 1000);
		this.client.disconnect(false);
	}
}

/** What a restarted learner keeps from its stored hash: the step's start and failures, when on the same step. */
function resumeFrom(stored: LearnerStatus, current: LearnerStatus): Partial<LearnerStatus> {
	if (stored.lab !== current.lab || stored.step !== current.step || !current.lab) return {};
	return {stepStartedAt: stored.stepStartedAt ?? current.stepStartedAt, failCount: Math.max(stored.failCount, current.failCount)};
}
