import {useCallback, useRef, useSyncExternalStore} from 'react';
import type {SessionState, SessionStore} from '../../engine/session-state.js';

/**
 * The session's current snapshot. Events, steps, commands and phases re-render at once; changes
 * that only touch the node panes (every probe poll) at most once per `nodesEveryMs`, and not at all
 * when another render (a clock tick) already showed them: an idle lab screen stays cheap.
 */
export function useSession(store: SessionStore, nodesEveryMs = 1000): SessionState {
	const rendered = useRef<SessionState | undefined>(undefined);
	const subscribe = useCallback((onChange: () => void) => {
		let shown = store.getState();
		let shownAt = 0;
		let timer: NodeJS.Timeout | undefined;
		const flush = () => {
			clearTimeout(timer);
			timer = undefined;
			shown = store.getState();
			shownAt = Date.now();
			if (shown !== rendered.current) onChange();
		};
		const unsubscribe = store.subscribe(() => {
			const next = store.getState();
			const onlyNodes = (Object.keys(next) as Array<keyof SessionState>).every((key) => key === 'nodes' || next[key] === shown[key]);
			if (!onlyNodes) return flush();
			timer ??= setTimeout(flush, Math.max(0, shownAt + nodesEveryMs - Date.now()));
		});
		return () => {
			clearTimeout(timer);
			unsubscribe();
		};
	}, [store, nodesEveryMs]);
	const state = useSyncExternalStore(subscribe, store.getState);
	rendered.current = state;
	return state;
}
