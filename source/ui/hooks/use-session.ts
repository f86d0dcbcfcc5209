import {useSyncExternalStore} from 'react';
import type {SessionState, SessionStore} from '../../engine/session-state.js';

/** The session's current snapshot; re-renders when the store says it changed. */
export function useSession(store: SessionStore): SessionState {
	return useSyncExternalStore(store.subscribe, store.getState);
}
