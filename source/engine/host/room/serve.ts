// `room serve`: a Redis for the room, with a generated password, in a labelled container or as a local redis-server.
import {execFile} from 'node:child_process';
import {randomBytes} from 'node:crypto';
import {mkdir, readFile, writeFile} from 'node:fs/promises';
import {createServer} from 'node:net';
import {join} from 'node:path';
import {Redis} from 'ioredis';
import {RedisLabError, messageOf} from '../../base/errors.js';
import {currentOwner} from '../../base/owner.js';
import {pingDocker, dockerClient} from '../../runtime/docker/client.js';
import {ensureImage} from '../../runtime/docker/image.js';
import {OWNER_LABEL} from '../../runtime/docker/names.js';
import {imageFrom} from '../../runtime/image-name.js';
import {findBinary} from '../../runtime/local/binaries.js';
import type {RuntimeKind} from '../../runtime/types.js';
import {roomClientOptions} from '../../room/connection.js';
import {ROOM_LABEL, bindKind, readServed, roomDir, servedAddress, writeServed, type ServedRoom} from './record.js';
import {stopRoom} from './stop.js';
import {both} from '../../../i18n/index.js';
import {ENGINE} from '../../../i18n/engine.js';
import {ROOM} from '../../../i18n/room.js';

export const DEFAULT_ROOM_PORT = 6375;

export interface ServeOptions {
	runtime?: RuntimeKind;
	bind: string;
	port: number;
	image?: string;
	redisBin?: string;
}

/** Whether bind:port can be listened on now. */
function portFree(bind: string, port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const server = createServer();
		server.once('error', () => resolve(false));
		server.listen(port, bindKind(bind) === 'any' ? undefined : bind, () => server.close(() => resolve(true)));
	});
}

async function chooseRuntime(options: ServeOptions): Promise<RuntimeKind> {
	if (options.runtime) return options.runtime;
	try {
		await pingDocker(dockerClient(), 1500);
		return 'docker';
	} catch (error) {
		if (await findBinary('redis-server', {binDir: options.redisBin})) return 'local';
		throw error;
	}
}

/** Starts the room's Redis (or says which one is already open); resolves once it answers with its password. */
export async function serveRoom(options: ServeOptions): Promise<{room: ServedRoom; already: boolean}> {
	const open = await readServed();
	if (open && (await answers(open))) return {room: open, already: true};
	const runtime = await chooseRuntime(options);
	if (!(await portFree(options.bind, options.port))) throw new RedisLabError('PORT_TAKEN', both(ENGINE.portInUse, {port: options.port}), {hint: both(ROOM.portHint)});
	const base = {roomId: `ws-${randomBytes(3).toString('hex')}`, password: randomBytes(18).toString('base64url'), bind: options.bind, port: options.port, runtime, owner: currentOwner(), createdAt: new Date().toISOString()};
	const room = runtime === 'docker' ? await serveContainer(base, options) : await serveLocal(base, options);
	await writeServed(room);
	if (!(await answers(room, 10_000))) {
		// Nothing half-open stays behind.
		await stopRoom();
		throw new RedisLabError('NODE_FAILED', both(ROOM.serveFailed, {reason: `no answer on ${room.bind}:${room.port}`}));
	}
	return {room, already: false};
}

async function serveContainer(base: Omit<ServedRoom, 'handle'>, options: ServeOptions): Promise<ServedRoom> {
	const docker = dockerClient();
	const image = imageFrom(options.image);
	await ensureImage(docker, image);
	const name = `redis-lab-room-${base.port}`;
	const container = await docker.createContainer({
		name,
		Image: image,
		Cmd: ['redis-server', '--port', '6379', '--requirepass', base.password, '--save', '', '--appendonly', 'no', '--maxmemory', '512mb'],
		Labels: {[ROOM_LABEL]: base.roomId, [OWNER_LABEL]: base.owner},
		ExposedPorts: {'6379/tcp': {}},
		HostConfig: {PortBindings: {'6379/tcp': [{HostIp: bindKind(base.bind) === 'any' ? '0.0.0.0' : base.bind, HostPort: String(base.port)}]}},
	}).catch((error: unknown) => {
		throw new RedisLabError('NAME_CONFLICT', both(ROOM.serveFailed, {reason: messageOf(error)}), {cause: error});
	});
	await container.start();
	return {...base, handle: name};
}

async function serveLocal(base: Omit<ServedRoom, 'handle'>, options: ServeOptions): Promise<ServedRoom> {
	const binary = await findBinary('redis-server', {binDir: options.redisBin});
	if (!binary) throw new RedisLabError('REDIS_BIN_MISSING', both(ROOM.serveFailed, {reason: 'redis-server not found'}), {hint: both(ENGINE.installRedis)});
	const dir = join(roomDir(), String(base.port));
	await mkdir(dir, {recursive: true, mode: 0o700});
	const conf = join(dir, 'room.conf');
	const lines = [`port ${base.port}`, `bind ${bindKind(base.bind) === 'any' ? '* -::*' : base.bind}`, `requirepass ${base.password}`, 'save ""', 'appendonly no', 'maxmemory 512mb', 'daemonize yes', `dir ${dir}`, `pidfile ${join(dir, 'room.pid')}`, `logfile ${join(dir, 'room.log')}`];
	// The password is in this file: readable by its owner only.
	await writeFile(conf, lines.join('\n') + '\n', {mode: 0o600});
	await new Promise<void>((resolve, reject) => execFile(binary, [conf], {timeout: 10_000}, (error) => (error ? reject(new RedisLabError('NODE_FAILED', both(ROOM.serveFailed, {reason: messageOf(error)}))) : resolve())));
	const pid = await waitForPid(join(dir, 'room.pid'));
	return {...base, handle: String(pid), dir};
}

async function waitForPid(file: string): Promise<number> {
	for (let tries = 0; tries < 50; tries++) {
		const pid = Number((await readFile(file, 'utf8').catch(() => '')).trim());
		if (pid > 0) return pid;
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	throw new RedisLabError('NODE_FAILED', both(ROOM.serveFailed, {reason: `no pid in ${file}`}));
}

/** Whether the room's Redis answers PING with its password within `timeoutMs` (a fresh container may refuse at first). */
export async function answers(room: ServedRoom, timeoutMs = 1500): Promise<boolean> {
	const deadline = Date.now() + timeoutMs;
	do {
		if (await pingOnce(room)) return true;
		await new Promise((resolve) => setTimeout(resolve, 200));
	} while (Date.now() < deadline);
	return false;
}

async function pingOnce(room: ServedRoom): Promise<boolean> {
	const client = new Redis({...roomClientOptions(servedAddress(room)), connectTimeout: 1000, retryStrategy: () => null});
	client.on('error', () => undefined);
	try {
		await client.connect();
		return (await client.ping()) === 'PONG';
	} catch {
		return false;
	} finally {
		client.disconnect(false);
	}
}
