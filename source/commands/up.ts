import {standardTopology} from '../engine/topology/topology.js';
import {runtimeFlags} from './options.js';
import type {CommandAction} from './options.js';
import {openSession} from './open-session.js';
import {paint, print} from './output.js';
import {printStatus} from './status.js';
import {onInterrupt} from './signals.js';
import {connectText, sessionConnectInfo} from '../engine/host/connect.js';
import {cliMessages as m} from '../i18n/cli.js';
import {t} from '../i18n/index.js';
import {serverName} from '../engine/redis/server-kind.js';

/** Starts the article's topology and leaves it running. */
export const up: CommandAction = async (_args, options) => {
	const {lang} = options;
	const flags = runtimeFlags(options);
	const sentinels = options.sentinels ?? 2;
	const session = await openSession(flags);
	const release = onInterrupt(() => session.close(), {lang});
	const started = Date.now();
	try {
		let shown = 0;
		session.subscribe(() => {
			const {transcript, pull} = session.getState();
			if (pull && process.stderr.isTTY) process.stderr.write(`\r${t(lang, m.upPulling, {image: pull.image, current: Math.round(pull.current / 1048576), total: Math.round(pull.total / 1048576)})}   `);
			for (; shown < transcript.length; shown++) {
				const entry = transcript[shown]!;
				if (entry.kind === 'command') print(paint(`$ ${entry.text}`, 'dim'));
			}
		});
		await session.prepare();
		await session.up(standardTopology({basePort: flags.basePort, sentinels, downAfterMs: options.downAfter}));
		print(paint(t(lang, m.upReady, {seconds: ((Date.now() - started) / 1000).toFixed(1), sentinels}), 'green'));
		const {server, serverWarning} = session.getState();
		if (server) print(t(lang, m.runServer, {server: serverName(server)[lang]}));
		if (serverWarning) print(paint(`⚠ ${serverWarning[lang]}`, 'yellow'));
		const connect = await sessionConnectInfo(session, flags.password).then(connectText, () => undefined);
		await session.close({keep: true});
		await printStatus(lang, flags.password);
		if (connect) print(`\n${connect[lang]}`);
		print(`\n${t(lang, m.upLeftRunning, {session: session.runtime.sessionId})}`);
		return 0;
	} catch (error) {
		await session.close();
		throw error;
	} finally {
		release();
	}
};
