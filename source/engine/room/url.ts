// A room's address: redis://[user]:PASSWORD@HOST:PORT/ROOMID, read once, shown without its password.
import {RedisLabError} from '../base/errors.js';
import {both} from '../../i18n/index.js';
import {ROOM} from '../../i18n/room.js';

export interface RoomAddress {
	host: string;
	port: number;
	username?: string;
	password?: string;
	tls: boolean;
	roomId: string;
}

const ROOM_ID = /^[A-Za-z0-9_-]{1,40}$/;
export const DEFAULT_REDIS_PORT = 6379;

function bad(value: string): RedisLabError {
	return new RedisLabError('BAD_INPUT', both(ROOM.badUrl, {value: shownUrl(value)}), {hint: both(ROOM.badUrlHint)});
}

/** The text given with its password hidden (for error lines). */
function shownUrl(value: string): string {
	return value.replace(/(\/\/[^:@/]*:)[^@]*@/, '$1***@');
}

/** Parses a room URL; one clear line (BAD_INPUT) when it is not one. */
export function parseRoomUrl(value: string): RoomAddress {
	let url: URL;
	try {
		url = new URL(value.trim());
	} catch {
		throw bad(value);
	}
	if ((url.protocol !== 'redis:' && url.protocol !== 'rediss:') || !url.hostname) throw bad(value);
	const roomId = decodeURIComponent(url.pathname.replace(/^\//, ''));
	if (!ROOM_ID.test(roomId)) throw new RedisLabError('BAD_INPUT', both(ROOM.badRoomId, {value: roomId}), {hint: both(ROOM.badUrlHint)});
	const port = url.port ? Number(url.port) : DEFAULT_REDIS_PORT;
	return {
		host: url.hostname.replace(/^\[(.*)\]$/, '$1'),
		port,
		username: url.username ? decodeURIComponent(url.username) : undefined,
		password: url.password ? decodeURIComponent(url.password) : undefined,
		tls: url.protocol === 'rediss:',
		roomId,
	};
}

function hostPart(host: string): string {
	return host.includes(':') ? `[${host}]` : host;
}

/** host:port, as shown in the header and the host's screen. */
export function roomEndpoint(address: RoomAddress): string {
	return `${hostPart(address.host)}:${address.port}`;
}

/** The full URL (with the password), as attendees type it. */
export function roomUrl(address: RoomAddress, host = hostPart(address.host)): string {
	const user = address.username ? encodeURIComponent(address.username) : '';
	const auth = address.password !== undefined ? `${user}:${encodeURIComponent(address.password)}@` : user ? `${user}@` : '';
	return `${address.tls ? 'rediss' : 'redis'}://${auth}${host}:${address.port}/${address.roomId}`;
}

/** The line attendees type to join. */
export function joinLine(address: RoomAddress, host?: string): string {
	return `redis-lab --room ${roomUrl(address, host)}`;
}

/** A learner's name: what --name gave, else the account name; 1-40 printable characters. */
export function validName(value: string): string {
	const name = value.trim();
	if (name.length === 0 || name.length > 40 || /[\u0000-\u001F\u007F]/.test(name)) throw new RedisLabError('BAD_INPUT', both(ROOM.badName, {value}));
	return name;
}
