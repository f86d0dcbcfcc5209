import type {Lang} from '../i18n/index.js';
import type {UiKey} from '../i18n/ui.js';
import {width} from './presentation/text.js';
import {t} from '../i18n/index.js';
import {UI} from '../i18n/ui.js';

/** Where a key applies. */
export type View = 'menu' | 'lab' | 'events' | 'console' | 'reader' | 'global';

export type Intent =
	| 'menu-up' | 'menu-down' | 'menu-open' | 'quit'
	| 'next' | 'back' | 'run' | 'reset' | 'console' | 'logs' | 'focus' | 'help' | 'step'
	| 'expand' | 'zoom' | 'events-older' | 'events-newer' | 'events-first' | 'events-last'
	| 'events-pick' | 'event-up' | 'event-down' | 'event-open' | 'events-leave'
	| 'console-leave' | 'console-node' | 'console-history'
	| 'scroll-up' | 'scroll-down' | 'page-up' | 'page-down' | 'reader-close';

export interface KeyBinding {
	view: View;
	/** Keys as typed; special keys by name: up, down, left, right, pageup, pagedown, return, escape, tab, space. */
	keys: string[];
	/** Shown on the bottom line (short), from the UI catalogue. */
	label: UiKey;
	/** Shown in the help screen, from the UI catalogue. */
	description: UiKey;
	intent: Intent;
	/** Listed on the bottom line; a lower number stays longer when the line is narrow. */
	bar?: number;
	/** Listed in the help, not matched here (the view's handler reads these keys itself). */
	helpOnly?: boolean;
}

/** The one table that drives key handling, the key bar and the help screen. */
export const KEYBINDINGS: readonly KeyBinding[] = [
	{view: 'menu', keys: ['up', 'k'], label: 'keyMenuUp', description: 'keyMenuUpHelp', intent: 'menu-up'},
	{view: 'menu', keys: ['down', 'j'], label: 'keyMenuDown', description: 'keyMenuDownHelp', intent: 'menu-down'},
	{view: 'menu', keys: ['return'], label: 'keyMenuOpen', description: 'keyMenuOpenHelp', intent: 'menu-open', bar: 1},
	{view: 'menu', keys: ['q'], label: 'keyQuit', description: 'keyQuitHelp', intent: 'quit', bar: 1},
	{view: 'lab', keys: ['n', 'right'], label: 'keyNext', description: 'keyNextHelp', intent: 'next', bar: 1},
	{view: 'lab', keys: ['b', 'left'], label: 'keyBack', description: 'keyBackHelp', intent: 'back', bar: 2},
	{view: 'lab', keys: ['r'], label: 'keyRun', description: 'keyRunHelp', intent: 'run', bar: 1},
	{view: 'lab', keys: ['R'], label: 'keyReset', description: 'keyResetHelp', intent: 'reset'},
	{view: 'lab', keys: ['1', '2', '3', '4', '5', '6', '7', '8', '9'], label: 'keyStep', description: 'keyStepHelp', intent: 'step'},
	{view: 'lab', keys: ['c', ':'], label: 'keyConsole', description: 'keyConsoleHelp', intent: 'console', bar: 2},
	{view: 'lab', keys: ['l'], label: 'keyLogs', description: 'keyLogsHelp', intent: 'logs', bar: 3},
	{view: 'lab', keys: ['?'], label: 'keyHelp', description: 'keyHelpHelp', intent: 'help', bar: 1},
	{view: 'lab', keys: ['q'], label: 'keyLeave', description: 'keyLeaveHelp', intent: 'quit', bar: 1},
	{view: 'lab', keys: ['e'], label: 'keyExpand', description: 'keyExpandHelp', intent: 'expand', bar: 2},
	{view: 'lab', keys: ['tab'], label: 'keyFocus', description: 'keyFocusHelp', intent: 'focus', bar: 4},
	{view: 'lab', keys: ['z'], label: 'keyZoom', description: 'keyZoomHelp', intent: 'zoom', bar: 4},
	{view: 'lab', keys: ['[', 'pageup'], label: 'keyOlder', description: 'keyOlderHelp', intent: 'events-older', bar: 3},
	{view: 'lab', keys: [']', 'pagedown'], label: 'keyNewer', description: 'keyNewerHelp', intent: 'events-newer'},
	{view: 'lab', keys: ['{', 'home'], label: 'keyFirst', description: 'keyFirstHelp', intent: 'events-first'},
	{view: 'lab', keys: ['}', 'end'], label: 'keyLast', description: 'keyLastHelp', intent: 'events-last'},
	{view: 'lab', keys: ['v'], label: 'keyPick', description: 'keyPickHelp', intent: 'events-pick', bar: 3},
	{view: 'events', keys: ['up', 'k'], label: 'keyEventUp', description: 'keyEventUpHelp', intent: 'event-up', bar: 1},
	{view: 'events', keys: ['down', 'j'], label: 'keyEventDown', description: 'keyEventDownHelp', intent: 'event-down', bar: 1},
	{view: 'events', keys: ['return', 'e'], label: 'keyEventOpen', description: 'keyEventOpenHelp', intent: 'event-open', bar: 1},
	{view: 'events', keys: ['escape', 'v', 'q'], label: 'keyEventsLeave', description: 'keyEventsLeaveHelp', intent: 'events-leave', bar: 1},
	{view: 'console', keys: ['escape'], label: 'keyConsoleLeave', description: 'keyConsoleLeaveHelp', intent: 'console-leave', bar: 1},
	{view: 'console', keys: ['tab'], label: 'keyConsoleNode', description: 'keyConsoleNodeHelp', intent: 'console-node', bar: 1},
	{view: 'console', keys: ['up', 'down'], label: 'keyHistory', description: 'keyHistoryHelp', intent: 'console-history', bar: 2},
	{view: 'reader', keys: ['up', 'k'], label: 'keyScrollUp', description: 'keyScrollUpHelp', intent: 'scroll-up', bar: 1},
	{view: 'reader', keys: ['down', 'j'], label: 'keyScrollDown', description: 'keyScrollDownHelp', intent: 'scroll-down', bar: 1},
	{view: 'reader', keys: ['pageup', 'b'], label: 'keyPageUp', description: 'keyPageUpHelp', intent: 'page-up', bar: 2},
	{view: 'reader', keys: ['pagedown', 'space'], label: 'keyPageDown', description: 'keyPageDownHelp', intent: 'page-down', bar: 2},
	{view: 'reader', keys: ['escape', 'e', 'z', 'q'], label: 'keyClose', description: 'keyCloseHelp', intent: 'reader-close', bar: 1},
	{view: 'global', keys: ['ctrl+c'], label: 'keyCtrlC', description: 'keyCtrlCHelp', intent: 'quit'},
];

/** Ink's key object, reduced to what the table uses. */
export interface KeyPress {
	upArrow?: boolean;
	downArrow?: boolean;
	leftArrow?: boolean;
	rightArrow?: boolean;
	pageUp?: boolean;
	pageDown?: boolean;
	home?: boolean;
	end?: boolean;
	return?: boolean;
	escape?: boolean;
	tab?: boolean;
	ctrl?: boolean;
}

function names(input: string, key: KeyPress): string[] {
	const found: string[] = [];
	if (key.upArrow) found.push('up');
	if (key.downArrow) found.push('down');
	if (key.leftArrow) found.push('left');
	if (key.rightArrow) found.push('right');
	if (key.pageUp) found.push('pageup');
	if (key.pageDown) found.push('pagedown');
	if (key.home) found.push('home');
	if (key.end) found.push('end');
	if (key.return) found.push('return');
	if (key.escape) found.push('escape');
	if (key.tab) found.push('tab');
	if (key.ctrl && input) found.push(`ctrl+${input}`);
	else if (input === ' ') found.push('space');
	else if (input && !key.tab) found.push(input);
	return found;
}

/** The intent a key press means in a view, if any. */
export function intentFor(view: View, input: string, key: KeyPress): Intent | undefined {
	const pressed = names(input, key);
	return KEYBINDINGS.find((binding) => (binding.view === view || binding.view === 'global') && binding.keys.some((name) => pressed.includes(name)))?.intent;
}

/** The key bar of a view in `lang`: table order, dropping the least needed keys until it fits `columns`. */
export function barFor(view: View, lang: Lang = 'en', columns = Number.POSITIVE_INFINITY): string {
	let shown = KEYBINDINGS.filter((binding) => binding.view === view && binding.bar !== undefined);
	const text = () => shown.map((binding) => t(lang, UI[binding.label])).join(' · ');
	while (width(text()) > columns && shown.length > 1) {
		const loosest = Math.max(...shown.map((binding) => binding.bar!));
		shown = shown.filter((binding, index) => binding.bar !== loosest || index !== shown.findLastIndex((other) => other.bar === loosest));
	}
	return text();
}
