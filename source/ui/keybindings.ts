/** Where a key applies. */
export type View = 'menu' | 'lab' | 'console' | 'global';

export type Intent =
	| 'menu-up' | 'menu-down' | 'menu-open' | 'quit'
	| 'next' | 'back' | 'run' | 'solve' | 'reset' | 'console' | 'logs' | 'focus' | 'help'
	| 'console-leave' | 'console-node';

export interface KeyBinding {
	view: View;
	/** Keys as typed; special keys by name: up, down, left, right, return, escape, tab. */
	keys: string[];
	/** Shown on the bottom line (short). */
	label: string;
	/** Shown in the help screen. */
	description: string;
	intent: Intent;
	/** Listed on the bottom line. */
	bar?: boolean;
}

/** The one table that drives both key handling and the help screen. */
export const KEYBINDINGS: readonly KeyBinding[] = [
	{view: 'menu', keys: ['up', 'k'], label: '↑', description: 'previous lab', intent: 'menu-up'},
	{view: 'menu', keys: ['down', 'j'], label: '↓', description: 'next lab', intent: 'menu-down'},
	{view: 'menu', keys: ['return'], label: 'enter open', description: 'open the lab', intent: 'menu-open', bar: true},
	{view: 'menu', keys: ['q'], label: 'q quit', description: 'quit', intent: 'quit', bar: true},
	{view: 'lab', keys: ['n', 'right'], label: 'n next', description: 'next step (checks start watching)', intent: 'next', bar: true},
	{view: 'lab', keys: ['b', 'left'], label: 'b back', description: 'previous step', intent: 'back', bar: true},
	{view: 'lab', keys: ['r'], label: 'r run', description: "run the step's commands for me", intent: 'run', bar: true},
	{view: 'lab', keys: ['s'], label: 's solve', description: 'run what is left of the step', intent: 'solve'},
	{view: 'lab', keys: ['R'], label: 'R reset', description: 'reset: new servers, back to step 1', intent: 'reset'},
	{view: 'lab', keys: ['c', ':'], label: 'c console', description: 'redis-cli console on a node', intent: 'console', bar: true},
	{view: 'lab', keys: ['l'], label: 'l logs', description: "sentinels' logs / the command log", intent: 'logs', bar: true},
	{view: 'lab', keys: ['tab'], label: 'tab pane', description: 'highlight the next node', intent: 'focus'},
	{view: 'lab', keys: ['?'], label: '? help', description: 'this help', intent: 'help', bar: true},
	{view: 'lab', keys: ['q'], label: 'q quit', description: 'leave (asks about the servers)', intent: 'quit', bar: true},
	{view: 'console', keys: ['escape'], label: 'esc leave', description: 'leave the console', intent: 'console-leave', bar: true},
	{view: 'console', keys: ['tab'], label: 'tab node', description: 'to the next node', intent: 'console-node', bar: true},
	{view: 'global', keys: ['ctrl+c'], label: 'ctrl+c', description: 'quit now, remove all', intent: 'quit'},
];

/** Ink's key object, reduced to what the table uses. */
export interface KeyPress {
	upArrow?: boolean;
	downArrow?: boolean;
	leftArrow?: boolean;
	rightArrow?: boolean;
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
	if (key.return) found.push('return');
	if (key.escape) found.push('escape');
	if (key.tab) found.push('tab');
	if (key.ctrl && input) found.push(`ctrl+${input}`);
	else if (input) found.push(input);
	return found;
}

/** The intent a key press means in a view, if any. */
export function intentFor(view: View, input: string, key: KeyPress): Intent | undefined {
	const pressed = names(input, key);
	return KEYBINDINGS.find((binding) => (binding.view === view || binding.view === 'global') && binding.keys.some((name) => pressed.includes(name)))?.intent;
}

export function barFor(view: View): string {
	return KEYBINDINGS.filter((binding) => binding.view === view && binding.bar).map((binding) => binding.label).join(' · ');
}
