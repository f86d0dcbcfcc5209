// `redis-lab room`: the host's side. `room serve` opens a room here (`--stop` closes it); `room` watches one (live, --json, --export).
import {networkInterfaces} from 'node:os';
import {writeFile} from 'node:fs/promises';
import {RedisLabError} from '../engine/base/errors.js';
import type {Lang} from '../engine/lab/format/types.js';
import {bindKind, readServed, servedAddress} from '../engine/host/room/record.js';
import {DEFAULT_ROOM_PORT, serveRoom} from '../engine/host/room/serve.js';
import {stopRoom} from '../engine/host/room/stop.js';
import {heartbeatMs, learnerTtlSeconds} from '../engine/room/keys.js';
import {reportCsv, roomReport} from '../engine/room/report.js';
import type {TriageOptions} from '../engine/room/triage.js';
import {joinLine, parseRoomUrl, roomEndpoint, type RoomAddress} from '../engine/room/url.js';
import {RoomWatcher} from '../engine/room/watcher.js';
import {both, t} from '../i18n/index.js';
import {ROOM} from '../i18n/room.js';
import {cliMessages as m} from '../i18n/cli.js';
import type {CommandAction, ParsedOptions} from './options.js';
import {paint, print} from './output.js';

type Options = ParsedOptions & {lang: Lang};

export const room: CommandAction = async ([action], options) => {
	if (action !== undefined && action !== 'serve') throw new RedisLabError('BAD_INPUT', both(ROOM.badAction, {value: action}));
	if (action === 'serve') return options.stop ? stop(options.lang) : serve(options);
	const address = await hostAddress(options);
	const triage = triageOptions(options);
	if (options.json || options.export) return once(address, triage, options);
	return watch(address, triage, options.lang);
};

async function serve(options: Options): Promise<number> {
	const {lang} = options;
	const bind = options.bind ?? '127.0.0.1';
	const {room, already} = await serveRoom({runtime: options.runtime, bind, port: options.port ?? DEFAULT_ROOM_PORT, image: options.image, redisBin: options.redisBin});
	const address = servedAddress(room);
	const kind = bindKind(room.bind);
	print(already ? t(lang, ROOM.servedAlready, {room: room.roomId, at: `${room.bind}:${room.port}`}) : t(lang, ROOM.served, {room: room.roomId, at: `${room.bind}:${room.port}`, runtime: room.runtime}));
	print(`\n  ${paint(joinLine(address, kind === 'any' ? 'HOST' : undefined), 'bold')}\n`);
	if (kind === 'any') print(t(lang, ROOM.bindAny, {addresses: ownAddresses().join(', ')}));
	else if (kind === 'address') print(t(lang, ROOM.bindOther, {bind: room.bind}));
	else print(t(lang, ROOM.bindLoopback));
	print(t(lang, ROOM.servedWatch));
	return 0;
}

/** This machine's IPv4 addresses other than loopback (read from the interfaces; nothing is sent). */
function ownAddresses(): string[] {
	return Object.values(networkInterfaces()).flat().flatMap((entry) => (entry && entry.family === 'IPv4' && !entry.internal ? [entry.address] : []));
}

async function stop(lang: Lang): Promise<number> {
	const stopped = await stopRoom();
	print(stopped ? t(lang, ROOM.stopped, {room: stopped.room.roomId, what: stopped.removed}) : t(lang, ROOM.noneServed));
	return 0;
}

/** The room to watch: --room, else REDIS_LAB_ROOM, else the one served from here. */
async function hostAddress(options: Options): Promise<RoomAddress> {
	const url = options.room ?? (process.env.REDIS_LAB_ROOM || undefined);
	if (url && url !== 'none') return parseRoomUrl(url);
	const served = await readServed();
	if (served) return servedAddress(served);
	throw new RedisLabError('BAD_INPUT', both(ROOM.noRoom));
}

function triageOptions(options: Options): TriageOptions {
	return {stuckMs: (options.stuck ?? 10) * 60_000, quietMs: 3 * heartbeatMs(learnerTtlSeconds())};
}

/** Reads the room once: JSON on stdout, or a CSV file. */
async function once(address: RoomAddress, triage: TriageOptions, options: Options): Promise<number> {
	const watcher = new RoomWatcher(address);
	try {
		if (!(await watcher.ready(5000))) {
			const view = watcher.getState();
			throw new RedisLabError('TIMEOUT', both(ROOM.hostUnreachable, {room: view.room, at: roomEndpoint(address), reason: view.status === 'refused' ? 'wrong password' : view.reason ?? 'no answer within 5 s'}));
		}
		const report = roomReport(watcher.getState(), Date.now(), triage);
		if (options.export) {
			await writeFile(options.export, reportCsv(report));
			print(t(options.lang, ROOM.exported, {count: report.learners.length, file: options.export}));
		}
		if (options.json) print(JSON.stringify(report, null, 2));
		return 0;
	} finally {
		watcher.close();
	}
}

/** The live screen, until q. */
async function watch(address: RoomAddress, triage: TriageOptions, lang: Lang): Promise<number> {
	if (!process.stdin.isTTY) throw new RedisLabError('BAD_INPUT', both(m.needsTerminal), {hint: {en: 'Use redis-lab room --json (or --export FILE.csv) without a terminal.', zh: '没有终端时请用 redis-lab room --json（或 --export FILE.csv）。'}});
	const watcher = new RoomWatcher(address);
	const {showRoom} = await import('../ui/RoomScreen.js');
	try {
		await showRoom({store: watcher, options: triage, lang});
	} finally {
		watcher.close();
	}
	return 0;
}
