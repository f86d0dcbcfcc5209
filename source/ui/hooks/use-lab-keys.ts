import type {Key} from 'ink';
import {useState} from 'react';
import type {LabSessionState} from '../../engine/lab/run/state.js';
import type {LabHandle} from '../controller.js';
import {intentFor, type Intent} from '../keybindings.js';
import {anchorShowing, eventScroll, moveEvents, type EventMove} from '../presentation/events.js';
import {maxScroll} from '../Reader.js';
import type {ConsoleState} from './use-console.js';
import type {EventPicker} from './use-event-picker.js';
import {useKeys} from './use-keys.js';
import {useStateRef} from './use-state-ref.js';

export type Bottom = 'commands' | 'logs' | 'console';
import type {Reading} from '../presentation/reader.js';
export type {Reading} from '../presentation/reader.js';

/** What the lab screen shows besides the session's state: which bottom pane, the reader, the focus. */
export function useLabView() {
	const [bottom, setBottom, bottomRef] = useStateRef<Bottom>('commands');
	const [help, setHelp] = useState(false);
	const [focused, setFocused] = useState(0);
	const [reading, setReading, readingRef] = useStateRef<Reading | undefined>(undefined);
	const [readerScroll, setReaderScroll, readerScrollRef] = useStateRef(0);
	const [eventAnchor, setEventAnchor] = useState<number | undefined>();
	return {bottom, setBottom, bottomRef, help, setHelp, focused, setFocused, reading, setReading, readingRef, readerScroll, setReaderScroll, readerScrollRef, eventAnchor, setEventAnchor};
}

export type LabView = ReturnType<typeof useLabView>;

/** What the keys act on, as drawn this render. */
export interface LabKeyContext {
	handle: LabHandle;
	state: LabSessionState;
	consoleInput: ConsoleState;
	picker: EventPicker;
	onQuit: () => void;
	readerLines: number;
	/** Lines of text the reader shows under its title (the same height it draws with). */
	readerHeight: number;
	timelineRows: number;
}

const EVENT_MOVES: Partial<Record<Intent, EventMove>> = {'events-older': 'older', 'events-newer': 'newer', 'events-first': 'first', 'events-last': 'last'};

function readerKey(view: LabView, context: LabKeyContext, typed: string, key: Key): void {
	const scrollTo = (to: number) => view.setReaderScroll(Math.min(Math.max(0, to), maxScroll(context.readerLines, context.readerHeight)));
	const at = view.readerScrollRef.current;
	const page = context.readerHeight - 1;
	const intent = intentFor('reader', typed, key);
	if (intent === 'reader-close' || intent === 'quit') view.setReading(undefined);
	else if (intent === 'scroll-up') scrollTo(at - 1);
	else if (intent === 'scroll-down') scrollTo(at + 1);
	else if (intent === 'page-up') scrollTo(at - page);
	else if (intent === 'page-down') scrollTo(at + page);
}

function openReader(view: LabView, nodes: LabSessionState['nodes'], intent: 'expand' | 'zoom'): void {
	const name = nodes[view.focused]?.name;
	if (intent === 'zoom' && !name) return;
	view.setReaderScroll(0);
	view.setReading(intent === 'expand' ? {kind: 'step'} : {kind: 'node', name: name!});
}

function labKey(view: LabView, context: LabKeyContext, typed: string, key: Key): void {
	const {handle, state} = context;
	const intent = intentFor('lab', typed, key);
	const move = intent ? EVENT_MOVES[intent] : undefined;
	if (move) return view.setEventAnchor(moveEvents(state.events, view.eventAnchor, context.timelineRows, move));
	switch (intent) {
		case 'next':
			return handle.next();
		case 'back':
			return handle.back();
		case 'run':
			return void handle.runStep();
		case 'reset':
			return void handle.resetLab();
		case 'step':
			if (state.lab) handle.goToStep(Number(typed) - 1);
			return;
		case 'console':
			return view.setBottom('console');
		case 'logs': {
			const on = view.bottomRef.current !== 'logs';
			handle.followLogs(on);
			return view.setBottom(on ? 'logs' : 'commands');
		}
		case 'focus':
			return view.setFocused((index) => (index + 1) % Math.max(1, state.nodes.length));
		case 'expand':
		case 'zoom':
			return openReader(view, state.nodes, intent);
		case 'events-pick':
			return void context.picker.start(state.events[state.events.length - 1 - eventScroll(state.events, view.eventAnchor)]?.seq);
		case 'help':
			return view.setHelp(true);
		case 'quit':
			return context.onQuit();
		default:
	}
}

/** Picking an event in the timeline: moving keeps it on screen, opening shows its detail in the reader. */
function pickerKey(view: LabView, context: LabKeyContext, typed: string, key: Key): void {
	const done = context.picker.onIntent(intentFor('events', typed, key));
	if (done && typeof done === 'object' && 'open' in done) {
		view.setReaderScroll(0);
		view.setReading({kind: 'event', seq: done.open});
	} else if (done && typeof done === 'object') view.setEventAnchor(anchorShowing(context.state.events, view.eventAnchor, context.timelineRows, done.moved));
}

/** The lab screen's keys: help, then the reader, then event picking, then the console, then the lab's own (keybindings.ts). */
export function useLabKeys(view: LabView, context: LabKeyContext, active: boolean): void {
	useKeys((typed, key) => {
		if (view.help) return view.setHelp(false);
		if (view.readingRef.current) return readerKey(view, context, typed, key);
		if (context.picker.active()) return pickerKey(view, context, typed, key);
		if (view.bottomRef.current === 'console') {
			if (!context.consoleInput.onKey(typed, key)) view.setBottom('commands');
			return;
		}
		labKey(view, context, typed, key);
	}, {isActive: active, raw: view.bottom === 'console' && !view.reading});
}
