// Progress of a render on stderr: a line redrawn in place on a terminal, one line at the end when piped.

export interface Progress {
	update(done: number, total: number): void;
	/** The closing line: what was written, in how many frames and how long it took. */
	done(summary: string): void;
}

/** `stream` a TTY: "rendering 120/300 screens" redrawn at most every 100 ms; otherwise quiet until done. */
export function progressOn(stream: NodeJS.WriteStream, label: string, now: () => number = Date.now): Progress {
	let shownAt = 0;
	let drawn = false;
	return {
		update(done, total) {
			if (!stream.isTTY || (now() - shownAt < 100 && done < total)) return;
			shownAt = now();
			drawn = true;
			stream.write(`\r\u001B[K${label} ${done}/${total}`);
		},
		done(summary) {
			stream.write(`${drawn ? '\r\u001B[K' : ''}${summary}\n`);
		},
	};
}
