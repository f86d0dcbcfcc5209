import React, {useCallback, useSyncExternalStore} from 'react';
import type {Lang} from '../engine/lab/format/types.js';
import {roomProblemLine} from '../engine/room/line.js';
import type {RoomLinkState} from '../engine/room/publisher.js';
import {cut} from './presentation/text.js';
import {Text} from './Text.js';
import {t} from '../i18n/index.js';
import {ROOM} from '../i18n/room.js';

/** The room a learner joined, as the app sees it. */
export interface RoomStore {
	getState: () => RoomLinkState;
	subscribe: (listener: () => void) => () => void;
}

const NO_ROOM = () => () => undefined;

/** The room's state, or undefined when the learner is in no room. */
export function useRoom(store: RoomStore | undefined): RoomLinkState | undefined {
	const subscribe = useCallback((listener: () => void) => (store ? store.subscribe(listener) : NO_ROOM()), [store]);
	return useSyncExternalStore(subscribe, () => store?.getState());
}

/** " · room ws-1" for the header. */
export function roomTag(state: RoomLinkState | undefined, lang: Lang): string {
	return state ? ` · ${t(lang, ROOM.joined, {room: state.room})}` : '';
}

/** The room's problem in one line (unreachable, wrong password), or nothing. */
export function RoomProblem({state, lang, width}: {state: RoomLinkState | undefined; lang: Lang; width: number}) {
	const line = state ? roomProblemLine(state)?.[lang] : undefined;
	return line ? <Text color="yellow" wrap="truncate">{cut(line, width)}</Text> : null;
}
