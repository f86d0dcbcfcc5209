import type {Clock} from '../../source/engine/base/wait.js';

/** A clock for tests: time moves only when `advance` is called. */
export class FakeClock implements Clock {
	private time: number;
	private sleepers: Array<{at: number; resolve: () => void}> = [];

	constructor(start = 0) {
		this.time = start;
	}

	now(): number {
		return this.time;
	}

	sleep(ms: number, signal?: AbortSignal): Promise<void> {
		return new Promise((resolve, reject) => {
			signal?.throwIfAborted();
			const sleeper = {at: this.time + ms, resolve};
			this.sleepers.push(sleeper);
			signal?.addEventListener('abort', () => {
				this.sleepers = this.sleepers.filter((entry) => entry !== sleeper);
				reject(signal.reason as Error);
			}, {once: true});
		});
	}

	/** Moves time forward by `ms`, waking every sleeper that is due (awaiting between wake-ups). */
	async advance(ms: number): Promise<void> {
		const target = this.time + ms;
		for (;;) {
			const due = this.sleepers.filter((entry) => entry.at <= target).sort((a, b) => a.at - b.at)[0];
			if (!due) break;
			this.time = due.at;
			this.sleepers = this.sleepers.filter((entry) => entry !== due);
			due.resolve();
			for (let i = 0; i < 5; i++) await Promise.resolve();
		}
		this.time = target;
	}
}
