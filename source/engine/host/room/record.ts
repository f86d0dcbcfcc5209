// The room this machine serves, remembered in a file (0600: it holds the password) beside the session folders.
import {mkdir, readFile, rm, writeFile} from 'node:fs/promises';
import {dirname, join} from 'node:path';
import {sessionsRoot} from '../../runtime/session-dir.js';
import type {RuntimeKind} from '../../runtime/types.js';
import type {RoomAddress} from '../../room/url.js';

/** Containers of a room carry it (and their owner); they are not sessions, so `down` leaves them alone. */
export const ROOM_LABEL = 'redis-lab.room';

export interface ServedRoom {
	roomId: string;
	password: string;
	/** The address it listens on (127.0.0.1, 0.0.0.0, or one of the host's). */
	bind: string;
	port: number;
	runtime: RuntimeKind;
	/** Container name, or the redis-server's pid. */
	handle: string;
	owner: string;
	createdAt: string;
	/** The local server's folder (config, pid file, log). */
	dir?: string;
}

/** The folder of the room a host serves: next to `sessions/` in the cache folder. */
export function roomDir(): string {
	return join(dirname(sessionsRoot()), 'room');
}

function recordFile(): string {
	return join(roomDir(), 'served.json');
}

export async function readServed(): Promise<ServedRoom | undefined> {
	try {
		const data = JSON.parse(await readFile(recordFile(), 'utf8')) as Partial<ServedRoom>;
		return data.roomId && data.password && data.port && data.runtime && data.handle ? (data as ServedRoom) : undefined;
	} catch {
		return undefined;
	}
}

export async function writeServed(room: ServedRoom): Promise<void> {
	await mkdir(roomDir(), {recursive: true, mode: 0o700});
	await writeFile(recordFile(), JSON.stringify(room, null, 2) + '\n', {mode: 0o600});
}

export async function forgetServed(): Promise<void> {
	await rm(recordFile(), {force: true});
}

/** Loopback, any address, or a given one. */
export function bindKind(bind: string): 'loopback' | 'any' | 'address' {
	if (bind === '127.0.0.1' || bind === '::1' || bind === 'localhost') return 'loopback';
	if (bind === '0.0.0.0' || bind === '::' || bind === '*') return 'any';
	return 'address';
}

/** The room's address as the host's own tools reach it (loopback when it listens everywhere). */
export function servedAddress(room: ServedRoom, host?: string): RoomAddress {
	const reach = host ?? (bindKind(room.bind) === 'address' ? room.bind : '127.0.0.1');
	return {host: reach, port: room.port, password: room.password, tls: false, roomId: room.roomId};
}
