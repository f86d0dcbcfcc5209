import {Redis, type RedisOptions} from 'ioredis';
import {messageOf} from '../base/errors.js';
import {MASTER_NAME} from '../topology/topology.js';
import {waitFor} from '../base/wait.js';

/** Figures of an application client run through a failover. */
export interface ClientFigures {
	attempted: number;
	acknowledged: number;
	errors: number;
	/** Longest time between two acknowledged writes, in ms. */
	longestGapMs: number;
	/** Acknowledged writes missing from the master at the end (set by `stop`). */
	lost?: number;
	lastError?: string;
	/** The master address the client used last, as a node name when known. */
	master?: string;
}

export interface ClientLoadOptions {
	/** 127.0.0.1 ports of the sentinels. */
	sentinelPorts: number[];
	/** Maps an address the sentinels report (container IP) to where the app can connect. */
	translate: (host: string, port: number) => {host: string; port: number} | undefined;
	nameOf: (host: string, port: number) => string | undefined;
	password?: string;
	intervalMs?: number;
	prefix: string;
}

/**
 * An application client that finds the master through the sentinels (ioredis sentinel mode) and
 * writes `<prefix>:<n>` every interval, counting acknowledgements, errors and the longest gap.
 */
export class ClientLoad {
	private readonly client: Redis;
	private readonly acknowledged: string[] = [];
	private readonly figures: ClientFigures = {attempted: 0, acknowledged: 0, errors: 0, longestGapMs: 0};
	private timer?: NodeJS.Timeout;
	private lastAckAt = Date.now();
	private running = false;

	constructor(private readonly options: ClientLoadOptions) {
		// No failoverDetector: with it, ioredis 5 sometimes ends the connection for good after +switch-master.
		const redisOptions: RedisOptions = {
			sentinels: options.sentinelPorts.map((port) => ({host: '127.0.0.1', port})),
			name: MASTER_NAME,
			password: options.password,
			sentinelPassword: options.password,
			// Sentinels report container addresses; the app reaches nodes only through 127.0.0.1.
			natMap: (key: string) => {
				const at = key.lastIndexOf(':');
				const mapped = options.translate(key.slice(0, at), Number(key.slice(at + 1)));
				return mapped ?? null;
			},
			updateSentinels: false,
			lazyConnect: true,
			connectTimeout: 2000,
			commandTimeout: 1000,
			maxRetriesPerRequest: 0,
			enableOfflineQueue: false,
			// See dashboardOptions: no CLIENT SETINFO before ready.
			disableClientInfo: true,
			sentinelRetryStrategy: () => 250,
			retryStrategy: () => 250,
		};
		this.client = new Redis(redisOptions);
		this.client.on('error', (error: Error) => {
			this.figures.lastError = messageOf(error);
		});
	}

	get current(): ClientFigures {
		return {...this.figures};
	}

	async start(): Promise<void> {
		this.running = true;
		this.lastAckAt = Date.now();
		await this.client.connect().catch((error: unknown) => {
			this.figures.lastError = messageOf(error);
		});
		this.timer = setInterval(() => void this.tick(), this.options.intervalMs ?? 50);
	}

	private async tick(): Promise<void> {
		if (!this.running) return;
		const n = ++this.figures.attempted;
		const key = `${this.options.prefix}:${n}`;
		try {
			await this.client.set(key, String(n));
			const now = Date.now();
			this.figures.longestGapMs = Math.max(this.figures.longestGapMs, now - this.lastAckAt);
			this.lastAckAt = now;
			this.acknowledged.push(key);
			this.figures.acknowledged++;
			const stream = this.client.stream as {remoteAddress?: string; remotePort?: number} | undefined;
			if (stream?.remotePort) this.figures.master = this.options.nameOf(stream.remoteAddress ?? '127.0.0.1', stream.remotePort);
		} catch (error) {
			this.figures.errors++;
			this.figures.lastError = messageOf(error);
		}
	}

	/** Stops writing, then checks every acknowledged key on the master the sentinels report now. */
	async stop(): Promise<ClientFigures> {
		this.running = false;
		if (this.timer) clearInterval(this.timer);
		let lost = 0;
		const deadline = Date.now() + 10_000;
		let lastError: unknown;
		for (let start = 0; start < this.acknowledged.length; start += 500) {
			const chunk = this.acknowledged.slice(start, start + 500);
			// The master may be moving: retry each chunk until the deadline, then fail with the last error.
			const values = await waitFor(() => this.client.mget(...chunk).catch((error: unknown) => {
				lastError = error;
				return undefined;
			}), {timeoutMs: Math.max(0, deadline - Date.now()), intervalMs: 250, what: 'the master to answer MGET'}).catch((timeout: unknown) => {
				throw lastError ?? timeout;
			});
			lost += values.filter((value) => value === null).length;
		}
		this.figures.lost = lost;
		this.client.disconnect();
		return this.current;
	}

	close(): void {
		this.running = false;
		if (this.timer) clearInterval(this.timer);
		this.client.disconnect();
	}
}
