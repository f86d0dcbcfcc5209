import {spawn, type ChildProcess} from 'node:child_process';
import {CLI} from './env.js';

/** The built CLI as a child process, with its output collected and a way to wait for a line. */
export class CliProcess {
	readonly child: ChildProcess;
	stdout = '';
	stderr = '';
	private readonly exited: Promise<{code: number | null; signal: NodeJS.Signals | null}>;

	constructor(args: string[], env: Record<string, string> = {}) {
		this.child = spawn(process.execPath, [CLI, ...args], {env: {...process.env, NO_COLOR: '1', ...env}, stdio: ['ignore', 'pipe', 'pipe']});
		this.child.stdout!.on('data', (chunk: Buffer) => (this.stdout += chunk.toString('utf8')));
		this.child.stderr!.on('data', (chunk: Buffer) => (this.stderr += chunk.toString('utf8')));
		this.exited = new Promise((resolve) => this.child.on('exit', (code, signal) => resolve({code, signal})));
	}

	/** Resolves when stdout matches, rejects after `timeoutMs` or if the process exits first. */
	async waitFor(pattern: RegExp, timeoutMs = 60_000): Promise<void> {
		const deadline = Date.now() + timeoutMs;
		while (!pattern.test(this.stdout)) {
			if (this.child.exitCode !== null) throw new Error(`exited (${this.child.exitCode}) before ${pattern}:\n${this.stdout}\n${this.stderr}`);
			if (Date.now() > deadline) throw new Error(`no ${pattern} within ${timeoutMs} ms:\n${this.stdout}\n${this.stderr}`);
			await new Promise((resolve) => setTimeout(resolve, 50));
		}
	}

	exit(timeoutMs = 20_000): Promise<{code: number | null; signal: NodeJS.Signals | null}> {
		return Promise.race([this.exited, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`still running after ${timeoutMs} ms:\n${this.stdout}\n${this.stderr}`)), timeoutMs))]);
	}
}
