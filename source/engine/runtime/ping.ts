import {connect} from 'node:net';
import {waitFor, type Clock} from '../base/wait.js';

/** Sends one PING over a raw socket; true on +PONG (or -NOAUTH when no password was given: it is up). */
export function ping(port: number, options: {host?: string; password?: string; timeoutMs?: number} = {}): Promise<boolean> {
	return new Promise((resolve) => {
		const socket = connect({host: options.host ?? '127.0.0.1', port});
		let reply = '';
		let settled = false;
		const done = (ok: boolean) => {
			if (settled) return;
			settled = true;
			socket.destroy();
			resolve(ok);
		};
		socket.setTimeout(options.timeoutMs ?? 1000, () => done(false));
		socket.on('error', () => done(false));
		// docker-proxy accepts, then closes, while the server inside is not listening yet.
		socket.on('close', () => done(false));
		socket.on('connect', () => {
			const auth = options.password ? `AUTH ${JSON.stringify(options.password)}\r\n` : '';
			socket.write(`${auth}PING\r\n`);
		});
		socket.on('data', (chunk) => {
			reply += chunk.toString('utf8');
			if (reply.includes('+PONG')) done(true);
			// -DENIED (protected mode refuses a client that is not on loopback): the server is up.
			else if (reply.startsWith('-DENIED')) done(true);
			else if (/-(LOADING|NOAUTH|ERR|WRONGPASS)/.test(reply) && !options.password) done(/NOAUTH/.test(reply));
			else if (/-(LOADING)/.test(reply)) done(false);
		});
	});
}

/** Polls PING every 100 ms until it answers, `alive()` says the node died, or the time runs out. */
export async function waitForPing(port: number, options: {timeoutMs: number; password?: string; alive?: () => Promise<boolean>; clock?: Clock}): Promise<boolean> {
	let attempt = 0;
	const outcome = await waitFor(async () => {
		if (await ping(port, {password: options.password, timeoutMs: 1000})) return 'up';
		if (options.alive && ++attempt % 5 === 0 && !(await options.alive())) return 'dead';
		return undefined;
	}, {timeoutMs: options.timeoutMs, intervalMs: 100, what: `127.0.0.1:${port} to answer PING`, clock: options.clock}).catch(() => 'timeout');
	return outcome === 'up';
}
