// The learner's side of a room: which room (--room, REDIS_LAB_ROOM, or the one remembered), under which name, and following a lab.
import {currentOwner} from '../engine/base/owner.js';
import type {ProgressStore} from '../engine/lab/run/progress.js';
import {roomStatusOf} from '../engine/lab/run/room-status.js';
import type {LabSessionState} from '../engine/lab/run/state.js';
import {RoomPublisher} from '../engine/room/publisher.js';
import {roomProblemLine} from '../engine/room/line.js';
import {MENU_STATUS} from '../engine/room/status.js';
import {parseRoomUrl, validName, type RoomAddress} from '../engine/room/url.js';
import type {Lang} from '../engine/lab/format/types.js';

export interface RoomChoice {
	address: RoomAddress;
	url: string;
	name: string;
}

/**
 * The room to join: --room, else REDIS_LAB_ROOM, else the one remembered with the progress;
 * `--room none` forgets it. The choice is remembered for the next start.
 */
export function roomChoice(options: {room?: string; name?: string}, progress?: ProgressStore, env: NodeJS.ProcessEnv = process.env): RoomChoice | undefined {
	const saved = progress?.room;
	const url = options.room ?? (env.REDIS_LAB_ROOM || undefined) ?? saved?.url;
	if (!url || url === 'none') {
		if (url === 'none') progress?.setRoom(undefined);
		return undefined;
	}
	const address = parseRoomUrl(url);
	const name = validName(options.name ?? (saved?.url === url ? saved.name : undefined) ?? currentOwner(env));
	progress?.setRoom({url, name: options.name ?? saved?.name});
	return {address, url, name};
}

export function joinRoom(choice: RoomChoice, mode: 'app' | 'run'): RoomPublisher {
	const publisher = new RoomPublisher(choice.address, {name: choice.name, owner: currentOwner(), mode});
	publisher.update(MENU_STATUS);
	return publisher;
}

/**
 * Publishes what a lab shows, on every change: the publisher writes only when the room's fields
 * changed (a probe poll changes none) and queues every step event, so no quick step is lost.
 */
export function followLab(publisher: RoomPublisher, store: {getState: () => LabSessionState; subscribe: (listener: () => void) => () => void}): () => void {
	const publish = () => publisher.update(roomStatusOf(store.getState()));
	publish();
	const unsubscribe = store.subscribe(publish);
	return () => {
		unsubscribe();
		publish();
	};
}

/** For `run`: says once that the room cannot be reached (or refused the password), however often it retries. */
export function sayProblemOnce(publisher: RoomPublisher, lang: Lang, say: (line: string) => void): () => void {
	let said = false;
	const check = () => {
		const line = roomProblemLine(publisher.getState())?.[lang];
		if (line && !said) {
			said = true;
			say(line);
		}
	};
	check();
	return publisher.subscribe(check);
}
