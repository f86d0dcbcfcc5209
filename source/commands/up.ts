import {standardTopology} from '../engine/topology.js';
import {runtimeFlags} from './options.js';
import type {CommandAction} from './program.js';
import {openSession} from './open-session.js';
import {paint, print} from './output.js';
import {printStatus} from './status.js';
import {onInterrupt} from './signals.js';
import {connectText, sessionConnectInfo} from '../engine/room/connect.js';

/** Starts the article's topology and leaves it running. */
export const up: CommandAction = async (_args, options) => {
	const flags = runtimeFlags(options);
	const sentinels = options.sentinels ?? 2;
	const session = await openSession(flags);
	const release = onInterrupt(() => session.close());
	const started = Date.now();
	try {
		let shown = 0;
		session.subscribe(() => {
			const {transcript, pull} = session.getState();
			if (pull && process.stderr.isTTY) process.stderr.write(`\rpulling ${pull.image}: ${Math.round(pull.current / 1048576)}/${Math.round(pull.total / 1048576)} MB   `);
			for (; shown < transcript.length; shown++) {
				const entry = transcript[shown]!;
				if (entry.kind === 'command') print(paint(`$ ${entry.text}`, 'dim'));
			}
		});
		await session.prepare();
		await session.up(standardTopology({basePort: flags.basePort, sentinels}));
		print(paint(`ready in ${((Date.now() - started) / 1000).toFixed(1)}s: sentinels report status=ok, slaves=2, sentinels=${sentinels}`, 'green'));
		const connect = await sessionConnectInfo(session, flags.password).then(connectText, () => undefined);
		await session.close({keep: true});
		await printStatus(flags.password);
		if (connect) print(`\n${connect}`);
		print(`\nLeft running (session ${session.runtime.sessionId}). Remove with: redis-lab down --session ${session.runtime.sessionId}`);
		return 0;
	} catch (error) {
		await session.close();
		throw error;
	} finally {
		release();
	}
};
