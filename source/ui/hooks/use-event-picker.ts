import type {Intent} from '../keybindings.js';
import {useStateRef} from './use-state-ref.js';

export interface EventPicker {
	/** The seq of the picked event, while picking. */
	picked: number | undefined;
	/** Whether picking is on, as of the last key (before React re-renders). */
	active(): boolean;
	/** Starts picking at the newest event shown (`last`); false when there is no event. */
	start(last: number | undefined): boolean;
	/**
	 * Handles a key of the events view: moves the pick (returning its new seq), or says to open
	 * the picked event or that picking ended.
	 */
	onIntent(intent: Intent | undefined): {moved: number} | {open: number} | 'left' | undefined;
}

/** Picking an event of the timeline with the keys of the `events` view (v, ↑/↓, enter, esc). */
export function useEventPicker(events: ReadonlyArray<{seq: number}>): EventPicker {
	const [picked, setPicked, pickedRef] = useStateRef<number | undefined>(undefined);
	const step = (by: number): number | undefined => {
		const index = events.findIndex((event) => event.seq === pickedRef.current);
		const next = events[Math.min(events.length - 1, Math.max(0, (index === -1 ? events.length - 1 : index) + by))];
		if (next) setPicked(next.seq);
		return next?.seq;
	};
	return {
		picked,
		active: () => pickedRef.current !== undefined,
		start(last) {
			const seq = last ?? events.at(-1)?.seq;
			if (seq === undefined) return false;
			setPicked(seq);
			return true;
		},
		onIntent(intent) {
			const current = pickedRef.current;
			if (current === undefined) return undefined;
			if (intent === 'events-leave' || intent === 'quit') {
				setPicked(undefined);
				return 'left';
			}
			if (intent === 'event-open') return {open: current};
			const moved = intent === 'event-up' ? step(-1) : intent === 'event-down' ? step(1) : undefined;
			return moved === undefined ? undefined : {moved};
		},
	};
}
