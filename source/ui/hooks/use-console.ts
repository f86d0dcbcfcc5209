import {useState} from 'react';
import type {Key} from 'ink';
import type {ConsoleLine} from '../Console.js';
import type {LabHandle} from '../controller.js';
import {intentFor} from '../keybindings.js';
import {useStateRef} from './use-state-ref.js';

const MAX_INPUT = 500;

export interface ConsoleState {
	node: string;
	input: string;
	lines: readonly ConsoleLine[];
	busy: boolean;
	/** Handles a key typed in the console; false when the learner leaves it. */
	onKey(typed: string, key: Key): boolean;
}

/**
 * The console's prompt, history and replies. `nodes` is every node of the lab, down or not started
 * ones too: the engine answers for those as redis-cli would (connection refused).
 */
export function useConsole(handle: LabHandle, nodes: readonly string[]): ConsoleState {
	const [nodeIndex, setNodeIndex, nodeRef] = useStateRef(0);
	const [input, setInput, inputRef] = useStateRef('');
	const [history, setHistory] = useState<string[]>([]);
	const [historyIndex, setHistoryIndex] = useState<number | undefined>();
	const [lines, setLines] = useState<ConsoleLine[]>([]);
	const [busy, setBusy, busyRef] = useStateRef(false);
	const node = nodes[nodeIndex % Math.max(1, nodes.length)] ?? '?';

	const send = (line: string, target: string) => {
		setBusy(true);
		setHistory((previous) => [...previous.filter((entry) => entry !== line), line].slice(-100));
		setHistoryIndex(undefined);
		setInput('');
		const show = (reply: string, isError: boolean) => {
			setLines((previous) => [...previous, {node: target, input: line, reply, isError}].slice(-50));
			setBusy(false);
		};
		handle.console(target, line).then((result) => show(result.reply, result.isError), (error: unknown) => show(`(error) ${(error as Error).message ?? String(error)}`, true));
	};

	const onKey = (typed: string, key: Key): boolean => {
		const intent = intentFor('console', typed, key);
		if (intent === 'console-leave') return false;
		if (intent === 'console-node') setNodeIndex((nodeRef.current + 1) % Math.max(1, nodes.length));
		else if (intent === 'console-history' && key.upArrow && history.length > 0) {
			const index = historyIndex === undefined ? history.length - 1 : Math.max(0, historyIndex - 1);
			setHistoryIndex(index);
			setInput(history[index]!);
		} else if (intent === 'console-history' && key.downArrow && historyIndex !== undefined) {
			const index = historyIndex + 1;
			setHistoryIndex(index >= history.length ? undefined : index);
			setInput(index >= history.length ? '' : history[index]!);
		} else if (key.return) {
			const line = inputRef.current.trim();
			const target = nodes[nodeRef.current % Math.max(1, nodes.length)];
			if (line && target && !busyRef.current) send(line, target);
		} else if (key.backspace || key.delete) setInput(inputRef.current.slice(0, -1));
		else if (typed && !key.ctrl && !key.meta && !key.tab) {
			// A chunk of text (a paste, or keys typed faster than a render) may end in Enter: send its first line.
			const [first = '', ...rest] = typed.split(/\r\n|\r|\n/);
			const line = (inputRef.current + first).slice(0, MAX_INPUT);
			const target = nodes[nodeRef.current % Math.max(1, nodes.length)];
			if (rest.length > 0 && line.trim() && target && !busyRef.current) send(line.trim(), target);
			else setInput(line);
		}
		return true;
	};

	return {node, input, lines, busy, onKey};
}
