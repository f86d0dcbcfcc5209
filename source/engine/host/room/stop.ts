// `room serve --stop`: removes the room's container (by its labels) or stops its redis-server (by pid, once it is known to be it).
import {rm} from 'node:fs/promises';
import {isDockerStatus} from '../../base/known-errors.js';
import {dockerClient} from '../../runtime/docker/client.js';
import {OWNER_LABEL} from '../../runtime/docker/names.js';
import {commandLineOf} from '../../runtime/local/pid-check.js';
import {ROOM_LABEL, forgetServed, readServed, type ServedRoom} from './record.js';

/** Removes the container only when its labels name this room and its owner. */
async function removeContainer(room: ServedRoom): Promise<string> {
	const docker = dockerClient();
	const found = await docker.listContainers({all: true, filters: {label: [`${ROOM_LABEL}=${room.roomId}`, `${OWNER_LABEL}=${room.owner}`]}});
	for (const info of found) {
		try {
			await docker.getContainer(info.Id).remove({force: true});
		} catch (error) {
			// Removed meanwhile (404) is what was asked; anything else is said.
			if (!isDockerStatus(error, 404)) throw error;
		}
	}
	return found.length > 0 ? `container ${room.handle}` : 'nothing (the container was gone)';
}

/** Stops the local server only when the pid still runs a redis-server on the room's config. */
async function stopProcess(room: ServedRoom): Promise<string> {
	const pid = Number(room.handle);
	const command = await commandLineOf(pid);
	const ours = command !== undefined && /redis-server/.test(command) && (command.includes(`:${room.port}`) || (room.dir !== undefined && command.includes(room.dir)));
	if (ours) process.kill(pid, 'SIGTERM');
	if (room.dir) await rm(room.dir, {recursive: true, force: true});
	return ours ? `redis-server pid ${pid}` : 'nothing (the redis-server was gone)';
}

/** Closes the room served from here; undefined when there is none. */
export async function stopRoom(): Promise<{room: ServedRoom; removed: string} | undefined> {
	const room = await readServed();
	if (!room) return undefined;
	const removed = room.runtime === 'docker' ? await removeContainer(room) : await stopProcess(room);
	await forgetServed();
	return {room, removed};
}
