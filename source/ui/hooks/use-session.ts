import {useCallback, useRef, useSyncExternalStore} from 'react';
import type {LabSessionState, LabSessionStore} from '../../engine/lab/run/state.js';

/**
 * The session's current snapshot. Events, steps, commands, phases and node changes worth a highlight
 * (health, role, link, a replica joining) re-render at once; changes that only move counters (offsets
 * and lag, on every probe poll) at most once per `countersEveryMs`, and not at all when another render
 * already showed them: an idle lab screen stays cheap.
 */
export function useSession(store: LabSessionStore, countersEveryMs = 2000): LabSessionState {
	const rendered = useRef<LabSessionState | undefined>(undefined);
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
			const onlyNodes = (Object.keys(next) as Array<keyof LabSessionState>).every((key) => key === 'nodes' || next[key] === shown[key]);
			if (!onlyNodes || !onlyCounters(shown.nodes, next.nodes)) return flush();
			timer ??= setTimeout(flush, Math.max(0, shownAt + countersEveryMs - Date.now()));
		});
		return () => {
			clearTimeout(timer);
			unsubscribe();
		};
	}, [store, countersEveryMs]);
	const state = useSyncExternalStore(subscribe, store.getState);
	rendered.current = state;
	return state;
}

/** The probe stamps a field in changedAt when its change is news: the same stamps mean only counters moved. */
function onlyCounters(before: LabSessionState['nodes'], after: LabSessionState['nodes']): boolean {
	return before.length === after.length && after.every((node, index) => node.changedAt === before[index]!.changedAt || sameStamps(node.changedAt, before[index]!.changedAt));
}

function sameStamps(a: Record<string, number>, b: Record<string, number>): boolean {
	const keys = Object.keys(a);
	return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}
