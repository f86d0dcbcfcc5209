// The one line a learner sees about the room when something is wrong with it (header, and once in `run`).
import type {Said} from '../base/errors.js';
import {both} from '../../i18n/index.js';
import {ROOM} from '../../i18n/room.js';
import type {RoomLinkState} from './publisher.js';

/** The problem in both languages, or undefined when the room is joined (or still being reached). */
export function roomProblemLine(state: RoomLinkState): Said | undefined {
	if (state.status === 'unreachable') return both(ROOM.unreachable, {room: state.room, at: state.at, reason: state.reason ?? '?'});
	if (state.status === 'refused') return both(ROOM.refused, {room: state.room, at: state.at});
	return undefined;
}
