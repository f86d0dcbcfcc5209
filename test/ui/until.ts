// Waiting on a screen instead of sleeping a fixed tick: a loaded machine (CI runs the real-server
// lanes beside the ui tests) can take far longer than a tick to draw the next frame.

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until `ready` holds, or `ms` passed (the caller's assertion then fails with its own message). */
export async function until(ready: () => boolean, ms = 5000): Promise<void> {
	const deadline = Date.now() + ms;
	while (!ready() && Date.now() < deadline) await pause(20);
}

/** The frame, once `read()` gives one that matches every pattern (or the last one read after `ms`). */
export async function frameMatching(read: () => string, patterns: RegExp | RegExp[], ms = 5000): Promise<string> {
	const all = Array.isArray(patterns) ? patterns : [patterns];
	let frame = read();
	await until(() => {
		frame = read();
		return all.every((pattern) => pattern.test(frame));
	}, ms);
	return frame;
}
