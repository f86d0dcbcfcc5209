import {test} from 'node:test';
import assert from 'node:assert/strict';
import {spawn} from 'node:child_process';
import {createConnection, createServer, type Socket} from 'node:net';
import {NodeProbe} from '../../../source/engine/redis/probe/poller.js';
import {SentinelEventStream} from '../../../source/engine/redis/sentinel/stream.js';
import {commandOnce} from '../../../source/engine/redis/client.js';
import {needRedisServer} from '../../helpers/env.js';
import {basePort} from '../../helpers/lane.js';

const SERVER_PORT = basePort(0);
const FRONT_PORT = basePort(0) + 1;

/**
 * A port in front of a real redis-server that behaves like Docker's port proxy while a container
 * starts: the first connection is accepted, gets no answer, and is reset 400 ms later; every
 * later connection reaches the server.
 */
function flakyFront() {
	const sockets = new Set<Socket>();
	let first = true;
	const server = createServer((client) => {
		sockets.add(client);
		client.on('error', () => client.destroy());
		client.on('close', () => sockets.delete(client));
		if (first) {
			first = false;
			setTimeout(() => client.resetAndDestroy(), 400);
			return;
		}
		const upstream = createConnection(SERVER_PORT, '127.0.0.1');
		sockets.add(upstream);
		upstream.on('error', () => upstream.destroy());
		upstream.on('close', () => sockets.delete(upstream));
		client.pipe(upstream).pipe(client);
	});
	return {
		listen: () => new Promise<void>((resolve) => server.listen(FRONT_PORT, '127.0.0.1', resolve)),
		/** A restart behind the proxy: every connection drops, and the next one is accepted and reset again. */
		restart() {
			first = true;
			for (const socket of sockets) socket.destroy();
		},
		close() {
			server.close();
			for (const socket of sockets) socket.destroy();
		},
	};
}

async function withServer(kind: 'redis-server' | 'redis-sentinel', run: (front: ReturnType<typeof flakyFront>) => Promise<void>): Promise<void> {
	const args = kind === 'redis-server'
		? ['--port', String(SERVER_PORT), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no']
		: ['--port', String(SERVER_PORT), '--bind', '127.0.0.1'];
	// A sentinel needs a writable config file: start it as a server in sentinel mode with a temp file.
	const child = kind === 'redis-server'
		? spawn('redis-server', args, {stdio: 'ignore'})
		: spawn('sh', ['-c', `f=$(mktemp); exec redis-server "$f" --sentinel ${args.join(' ')}`], {stdio: 'ignore'});
	const front = flakyFront();
	try {
		for (let i = 0; i < 50; i++) {
			if (await commandOnce(SERVER_PORT, ['PING']).then(() => true, () => false)) break;
			await new Promise((resolve) => setTimeout(resolve, 100));
		}
		await front.listen();
		await run(front);
	} finally {
		front.close();
		child.kill('SIGKILL');
	}
}

async function within(ms: number, done: () => boolean): Promise<boolean> {
	const until = Date.now() + ms;
	while (Date.now() < until) {
		if (done()) return true;
		await new Promise((resolve) => setTimeout(resolve, 50));
	}
	return done();
}

test('a probe whose first connection is accepted and then reset recovers and reports the node up', {timeout: 30_000}, async (t) => {
	if (!needRedisServer(t)) return;
	await withServer('redis-server', async () => {
		const probe = new NodeProbe({name: 'master', kind: 'redis', port: FRONT_PORT}, {resolve: () => undefined}, () => {}, 100);
		probe.start();
		try {
			assert.ok(await within(5000, () => probe.current.health === 'up'), `still ${probe.current.health}: ${probe.current.error ?? ''}`);
			assert.equal(probe.current.replication?.role, 'master');
		} finally {
			probe.stop();
		}
	});
});

test('an event stream whose first connection is accepted and then reset still subscribes and delivers events', {timeout: 30_000}, async (t) => {
	if (!needRedisServer(t)) return;
	await withServer('redis-sentinel', async () => {
		const events: string[] = [];
		const stream = new SentinelEventStream(() => undefined, (event) => events.push(event.type));
		try {
			void stream.add('sentinel1', FRONT_PORT);
			// A sentinel publishes +monitor when it is told to watch a master; the master need not exist.
			let asked = 0;
			const seen = await within(8000, () => {
				if (events.length === 0 && asked++ % 10 === 0) void commandOnce(SERVER_PORT, ['SENTINEL', 'MONITOR', `m${asked}`, '127.0.0.1', '1', '1']).catch(() => undefined);
				return events.includes('+monitor');
			});
			assert.ok(seen, `events: ${events.join(' ') || 'none'}`);
		} finally {
			stream.close();
		}
	});
});

test('an event stream survives its sentinel restarting behind a proxy that accepts and then resets: no unhandled rejection, events again', {timeout: 30_000}, async (t) => {
	if (!needRedisServer(t)) return;
	const unhandled: unknown[] = [];
	const onUnhandled = (reason: unknown) => unhandled.push(reason);
	process.on('unhandledRejection', onUnhandled);
	try {
		await withServer('redis-sentinel', async (front) => {
			const events: string[] = [];
			const stream = new SentinelEventStream(() => undefined, (event) => events.push(event.type));
			const monitorUntilSeen = (tag: string) => {
				let asked = 0;
				return within(8000, () => {
					if (!events.includes('+monitor') && asked++ % 10 === 0) void commandOnce(SERVER_PORT, ['SENTINEL', 'MONITOR', `${tag}${asked}`, '127.0.0.1', '1', '1']).catch(() => undefined);
					return events.includes('+monitor');
				});
			};
			try {
				void stream.add('sentinel1', FRONT_PORT);
				assert.ok(await monitorUntilSeen('before'), 'subscribed before the restart');
				events.length = 0;
				front.restart();
				assert.ok(await monitorUntilSeen('after'), `subscribed again after the restart; events: ${events.join(' ') || 'none'}`);
			} finally {
				stream.close();
			}
		});
		await new Promise((resolve) => setTimeout(resolve, 200));
		assert.deepEqual(unhandled.map(String), []);
	} finally {
		process.off('unhandledRejection', onUnhandled);
	}
});
