/**
 * Runs `cleanup` once on SIGINT, SIGTERM or SIGHUP, then exits 130. A second signal during
 * clean-up exits at once and says how to remove what is left. Returns a function that unhooks.
 */
export function onInterrupt(cleanup: () => Promise<void>): () => void {
	let cleaning = false;
	const handler = (signal: NodeJS.Signals) => {
		if (cleaning && signal !== 'SIGINT') return;
		if (cleaning) {
			process.stderr.write('\nForced exit: some lab nodes may still be running. Remove them with: redis-lab down\n');
			process.exit(130);
		}
		cleaning = true;
		process.stderr.write(`\n${signal}: removing the lab's nodes... (press Ctrl+C again to force)\n`);
		const force = setTimeout(() => {
			process.stderr.write('Clean-up is taking too long; some nodes may remain. Remove them with: redis-lab down\n');
			process.exit(130);
		}, 8000);
		force.unref();
		cleanup()
			.catch((error: unknown) => process.stderr.write(`Clean-up failed: ${(error as Error).message}\nRemove what is left with: redis-lab down\n`))
			.finally(() => process.exit(130));
	};
	const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
	for (const signal of signals) process.on(signal, handler);
	return () => {
		for (const signal of signals) process.off(signal, handler);
	};
}
