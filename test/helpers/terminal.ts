import {execFileSync, spawnSync} from 'node:child_process';
import {inCI} from './env.js';

/** The built CLI in a real terminal (a tmux session on its own socket): type keys, read the screen. */
export class Terminal {
	private static opened = 0;
	/** A tmux server of its own: a closed one's socket may still be going away when the next opens. */
	private readonly socket = `redis-lab-test-${process.pid}-${Terminal.opened++}`;
	private readonly session = 'app';

	/** `ci`: run with CI=true set, as on a CI machine (the app must still draw live on a terminal). */
	constructor(command: string, options: {columns?: number; rows?: number; env?: Record<string, string>; ci?: boolean} = {}) {
		const env = Object.entries(options.env ?? {}).map(([key, value]) => `${key}=${shellQuote(value)}`).join(' ');
		// Ink draws only the last frame when it thinks it runs in CI: the app runs as a learner would.
		// The pane stays after the app exits, so its last screen and exit code can be read.
		this.tmux('new-session', '-d', '-s', this.session, '-x', String(options.columns ?? 100), '-y', String(options.rows ?? 30), `env -u CI -u CONTINUOUS_INTEGRATION ${options.ci ? 'CI=true ' : ''}${env} ${command}; echo "[exit $?]"; sleep 600`);
	}

	private tmux(...args: string[]): string {
		return execFileSync('tmux', ['-L', this.socket, ...args], {encoding: 'utf8'});
	}

	/** What the screen shows now, as plain text. */
	screen(): string {
		return this.tmux('capture-pane', '-p', '-t', this.session);
	}

	keys(...keys: string[]): void {
		this.tmux('send-keys', '-t', this.session, ...keys);
	}

	/** Resolves with the screen once it matches; rejects with the last screen after `timeoutMs`. */
	async waitFor(pattern: RegExp, timeoutMs = 30_000): Promise<string> {
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			const screen = this.screen();
			if (pattern.test(screen)) return screen;
			if (Date.now() > deadline) throw new Error(`no ${pattern} on screen within ${timeoutMs} ms; the screen:\n${screen}`);
			await new Promise((resolve) => setTimeout(resolve, 200));
		}
	}

	/** Quits the app and answers yes to removing the lab; resolves with the last screen (ending in `[exit N]`). */
	async quitAndRemove(): Promise<string> {
		this.keys('q');
		await this.waitFor(/Remove the lab's containers and processes\?/);
		this.keys('y');
		return this.waitFor(/\[exit \d+\]/, 30_000);
	}

	close(): void {
		spawnSync('tmux', ['-L', this.socket, 'kill-server'], {stdio: 'ignore'});
	}
}

export function tmuxAvailable(): boolean {
	return spawnSync('tmux', ['-V'], {stdio: 'ignore'}).status === 0;
}

/** Whether tmux is here; in CI its absence fails the test, on a developer machine it skips with a reason. */
export function needTmux(t: {skip(message: string): void}): boolean {
	if (tmuxAvailable()) return true;
	if (inCI) throw new Error('tmux is required in CI');
	t.skip('tmux is not installed');
	return false;
}

function shellQuote(value: string): string {
	return `'${value.replaceAll("'", "'\\''")}'`;
}
