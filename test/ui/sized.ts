import {EventEmitter} from 'node:events';
import type React from 'react';
import {render as inkRender} from 'ink';
import stripAnsi from 'strip-ansi';

/** A terminal of a given size, as ink-testing-library's (which is always 100 columns). */
class Stdout extends EventEmitter {
	frames: string[] = [];
	isTTY = true;
	constructor(public columns: number, public rows: number) {
		super();
	}
	write = (frame: string) => {
		this.frames.push(frame);
		return true;
	};
}

class Stdin extends EventEmitter {
	isTTY = true;
	private data: string | null = null;
	write = (data: string) => {
		this.data = data;
		this.emit('readable');
		this.emit('data', data);
	};
	read = () => {
		const {data} = this;
		this.data = null;
		return data;
	};
	setEncoding() {}
	setRawMode() {}
	resume() {}
	pause() {}
	ref() {}
	unref() {}
}

/** Renders `tree` in a `columns` x `rows` terminal; `frame()` is the last frame without colours. */
export function renderSized(tree: React.ReactElement, columns: number, rows: number) {
	const stdout = new Stdout(columns, rows);
	const stdin = new Stdin();
	const instance = inkRender(tree, {stdout: stdout as unknown as NodeJS.WriteStream, stderr: new Stdout(columns, rows) as unknown as NodeJS.WriteStream, stdin: stdin as unknown as NodeJS.ReadStream, debug: true, exitOnCtrlC: false, patchConsole: false});
	return {
		stdin,
		frame: () => stripAnsi(stdout.frames.at(-1) ?? ''),
		rawFrame: () => stdout.frames.at(-1) ?? '',
		unmount: () => instance.unmount(),
	};
}

/** Types keys one at a time, each once the screen has answered the one before (or after 1 s). */
export async function press(screen: {stdin: {write(data: string): void}; frame(): string}, ...keys: string[]): Promise<void> {
	for (const key of keys) {
		const before = screen.frame();
		screen.stdin.write(key);
		for (let i = 0; i < 50 && screen.frame() === before; i++) await new Promise((resolve) => setTimeout(resolve, 20));
		await new Promise((resolve) => setTimeout(resolve, 30));
	}
}
