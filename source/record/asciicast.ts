import {createWriteStream, type WriteStream} from 'node:fs';
import {serverName, type ServerKind} from '../engine/redis/server-kind.js';

/** The recording's title: the lab and the server it ran on ("redis-lab · offsets · Valkey 8.0.1"). */
export function castTitle(labId: string | undefined, server: ServerKind | undefined): string {
	return ['redis-lab', ...(labId ? [labId] : []), ...(server ? [serverName(server).en] : [])].join(' · ');
}

/** What the header of an asciicast v2 file says about the recording. */
export interface CastHeader {
	width: number;
	height: number;
	title: string;
	/** The command line that was recorded, e.g. `redis-lab start sentinel-failover --autoplay`. */
	command: string;
	/** Seconds since the epoch (default: now). */
	timestamp?: number;
}

export interface RecorderOptions {
	/** Idle gaps longer than this many seconds are shortened to it in the file (default 2). */
	idleLimit?: number;
	/** Milliseconds now; tests pass a fake. */
	now?: () => number;
}

/**
 * Writes an asciicast v2 file (https://docs.asciinema.org/manual/asciicast/v2/): a JSON header line,
 * then `[time, code, data]` events: "o" output, "m" marker, "r" resize. Times are seconds from the
 * start, with idle gaps cut to `idleLimit` so the file plays without the waits of the lab.
 */
export class CastRecorder {
	private readonly out: WriteStream;
	private readonly idleLimit: number;
	private readonly now: () => number;
	private lastReal: number;
	private time = 0;
	private closed = false;

	constructor(file: string, header: CastHeader, options: RecorderOptions = {}) {
		this.idleLimit = options.idleLimit ?? 2;
		this.now = options.now ?? Date.now;
		this.lastReal = this.now();
		this.out = createWriteStream(file, {encoding: 'utf8'});
		const env = {TERM: process.env.TERM ?? 'xterm-256color', SHELL: process.env.SHELL ?? '/bin/sh'};
		const line = {
			version: 2,
			width: header.width,
			height: header.height,
			timestamp: header.timestamp ?? Math.floor(this.lastReal / 1000),
			idle_time_limit: this.idleLimit,
			command: header.command,
			title: header.title,
			env,
		};
		this.out.write(JSON.stringify(line) + '\n');
	}

	/** Seconds since the start, idle gaps shortened; never decreases. */
	private tick(): number {
		const real = this.now();
		const gap = Math.max(0, (real - this.lastReal) / 1000);
		this.lastReal = real;
		this.time += Math.min(gap, this.idleLimit);
		return Math.round(this.time * 1e6) / 1e6;
	}

	private event(code: 'o' | 'm' | 'r', data: string): void {
		if (this.closed) return;
		this.out.write(JSON.stringify([this.tick(), code, data]) + '\n');
	}

	/** Terminal output, exactly as written to the screen. */
	output(data: string | Uint8Array): void {
		const text = typeof data === 'string' ? data : Buffer.from(data).toString('utf8');
		if (text.length > 0) this.event('o', text);
	}

	/** A chapter mark players can jump to ("Step 2: Shut the master down"). */
	marker(label: string): void {
		this.event('m', label);
	}

	resize(width: number, height: number): void {
		this.event('r', `${width}x${height}`);
	}

	/** Flushes and closes the file. */
	close(): Promise<void> {
		if (this.closed) return Promise.resolve();
		this.closed = true;
		return new Promise((resolve, reject) => {
			this.out.once('error', reject);
			this.out.end(resolve);
		});
	}
}

/**
 * Records everything written to `stream` (the app's stdout) and its resizes, until the returned
 * function is called. The screen itself is untouched.
 */
export function recordStream(stream: NodeJS.WriteStream, recorder: CastRecorder): () => void {
	const write = stream.write.bind(stream) as (chunk: unknown, ...rest: unknown[]) => boolean;
	const recording = (chunk: unknown, ...rest: unknown[]): boolean => {
		if (typeof chunk === 'string' || chunk instanceof Uint8Array) recorder.output(chunk);
		return write(chunk, ...rest);
	};
	stream.write = recording;
	const onResize = () => recorder.resize(stream.columns ?? 80, stream.rows ?? 24);
	stream.on('resize', onResize);
	return () => {
		const original: unknown = write;
		stream.write = original as typeof stream.write;
		stream.off('resize', onResize);
	};
}

/** One event of a cast file, parsed. */
export type CastEvent = [number, 'o' | 'm' | 'r' | 'i', string];

/** Parses a cast file's text: its header and events (throws on a malformed line). */
export function parseCast(text: string): {header: Record<string, unknown>; events: CastEvent[]} {
	const [first, ...rest] = text.split('\n').filter((line) => line.trim() !== '');
	if (!first) throw new Error('empty cast file');
	const header = JSON.parse(first) as Record<string, unknown>;
	const events = rest.map((line, index) => {
		const event = JSON.parse(line) as unknown;
		if (!Array.isArray(event) || event.length !== 3 || typeof event[0] !== 'number' || typeof event[2] !== 'string') throw new Error(`line ${index + 2}: not an asciicast v2 event`);
		return event as CastEvent;
	});
	return {header, events};
}
