import {Box, Text} from 'ink';
import React, {useState} from 'react';
import type {Lang} from '../engine/lab/types.js';
import {CommandLog} from './CommandLog.js';
import {Console, type ConsoleLine} from './Console.js';
import type {LabHandle} from './controller.js';
import {EventTimeline} from './EventTimeline.js';
import {useKeys} from './hooks/use-keys.js';
import {useStateRef} from './hooks/use-state-ref.js';
import {useNow} from './hooks/use-now.js';
import {useSession} from './hooks/use-session.js';
import {useSize} from './hooks/use-size.js';
import {HelpScreen, KeyHelp} from './KeyHelp.js';
import {intentFor} from './keybindings.js';
import {LogView} from './LogView.js';
import {NodeGrid} from './NodeGrid.js';
import {PullProgress} from './StartupScreen.js';
import {StepPanel} from './StepPanel.js';
import {layout} from './presentation/layout.js';
import {CHANGE_WINDOW_MS} from './presentation/nodes.js';
import type {SessionState} from '../engine/session-state.js';

export interface LabScreenProps {
	handle: LabHandle;
	lang: Lang;
	/** The learner pressed q: the app asks about removing the servers. */
	onQuit: () => void;
	/** Dialogs above this screen own the keyboard. */
	active: boolean;
	/** A question shown in place of the key bar (the quit dialog). */
	prompt?: string;
}

type Bottom = 'commands' | 'logs' | 'console';
const MAX_INPUT = 500;

/** One lab: header, step panel, node panes, event timeline, command log / logs / console, keys. */
export function LabScreen({handle, lang, onQuit, active, prompt}: LabScreenProps) {
	const state = useSession(handle);
	const now = useNow(1000, needsClock(state));
	const {columns, rows} = useSize();
	const [bottom, setBottom, bottomRef] = useStateRef<Bottom>('commands');
	const [help, setHelp] = useState(false);
	const [focused, setFocused] = useState(0);
	const [consoleNode, setConsoleNode, consoleNodeRef] = useStateRef(0);
	const [input, setInput, inputRef] = useStateRef('');
	const [history, setHistory] = useState<string[]>([]);
	const [historyIndex, setHistoryIndex] = useState<number | undefined>();
	const [lines, setLines] = useState<ConsoleLine[]>([]);
	const [busy, setBusy] = useState(false);
	const lab = state.lab;
	const nodes = state.nodes;
	const nodeNames = nodes.map((node) => node.name);

	useKeys((typed, key) => {
		if (help) {
			setHelp(false);
			return;
		}
		if (bottomRef.current === 'console') {
			const intent = intentFor('console', typed, key);
			if (intent === 'console-leave') setBottom('commands');
			else if (intent === 'console-node') setConsoleNode((consoleNodeRef.current + 1) % Math.max(1, nodeNames.length));
			else if (key.upArrow && history.length > 0) {
				const index = historyIndex === undefined ? history.length - 1 : Math.max(0, historyIndex - 1);
				setHistoryIndex(index);
				setInput(history[index]!);
			} else if (key.downArrow && historyIndex !== undefined) {
				const index = historyIndex + 1;
				setHistoryIndex(index >= history.length ? undefined : index);
				setInput(index >= history.length ? '' : history[index]!);
			} else if (key.return) {
				const line = inputRef.current.trim();
				const node = nodeNames[consoleNodeRef.current];
				if (!line || !node || busy) return;
				setBusy(true);
				setHistory((previous) => [...previous.filter((entry) => entry !== line), line].slice(-100));
				setHistoryIndex(undefined);
				setInput('');
				void handle.console(node, line).then((result) => {
					setLines((previous) => [...previous, {node, input: line, reply: result.reply, isError: result.isError}].slice(-50));
					setBusy(false);
				});
			} else if (key.backspace || key.delete) setInput(inputRef.current.slice(0, -1));
			else if (typed && !key.ctrl && !key.meta) setInput((inputRef.current + typed.replace(/[\r\n]/g, ' ')).slice(0, MAX_INPUT));
			return;
		}
		switch (intentFor('lab', typed, key)) {
			case 'next':
				handle.next();
				break;
			case 'back':
				handle.back();
				break;
			case 'run':
				void handle.runStep();
				break;
			case 'solve':
				void handle.solveStep();
				break;
			case 'reset':
				void handle.resetLab();
				break;
			case 'console':
				setBottom('console');
				break;
			case 'logs': {
				const on = bottomRef.current !== 'logs';
				handle.followLogs(on);
				setBottom(on ? 'logs' : 'commands');
				break;
			}
			case 'focus':
				setFocused((index) => (index + 1) % Math.max(1, nodes.length));
				break;
			case 'help':
				setHelp(true);
				break;
			case 'quit':
				onQuit();
				break;
			default:
				if (/^[1-9]$/.test(typed) && lab) handle.goToStep(Number(typed) - 1);
		}
	}, {isActive: active, raw: bottom === 'console'});

	if (help) return <HelpScreen rows={rows} />;

	const title = lab ? lab.lab.title[lang] ?? lab.lab.title.en : 'lab';
	const current = lab?.steps[lab.current];
	const step = lab?.lab.steps[lab.current];
	const ready = state.phase === 'ready' && lab?.setup === 'done';
	const failedBanner = state.phase === 'failed' && state.error;
	const fit = layout({
		columns,
		rows,
		nodes: nodes.length,
		commands: current?.commands.length ?? 0,
		checks: current?.checks.length ?? 0,
		note: Boolean(step?.note),
		extras: (current?.error ? 1 : 0) + (current?.status === 'failed' && step?.hint ? 1 : 0),
		banner: failedBanner ? (state.error?.hint ? 2 : 1) : ready ? 0 : 1,
	});
	const width = fit.width;

	return (
		<Box flexDirection="column" width={width}>
			<Text wrap="truncate">
				<Text bold color="blue">redis-lab · {lab?.lab.id ?? ''} · step {(lab?.current ?? 0) + 1}/{lab?.steps.length ?? 0}</Text>
				<Text color="gray"> · {title} · {state.runtime} · {state.runtimeLabel}</Text>
			</Text>
			{failedBanner ? (
				<Box flexDirection="column" width={width}>
					<Text color="red" wrap="truncate">✗ {state.error!.message}</Text>
					{state.error!.hint ? <Text color="yellow" wrap="truncate">  {state.error!.hint}</Text> : null}
				</Box>
			) : null}
			{!ready && !failedBanner ? <PullProgress state={state} width={width} /> : null}
			{step && current ? <StepPanel step={step} state={current} index={lab!.current} total={lab!.steps.length} lang={lang} width={width} textLines={fit.textLines} commands={fit.commands} checks={fit.checks} note={fit.note} /> : null}
			<NodeGrid nodes={nodes} now={now} columns={width} mode={fit.nodeMode} paneHeight={fit.paneRows} focused={nodes[focused]?.name} />
			<EventTimeline events={state.events} faultAt={state.faultAt} lang={lang} height={fit.timelineRows} width={width} />
			{bottom === 'console' ? (
				<Console node={nodeNames[consoleNode] ?? '?'} input={input} lines={lines} busy={busy} height={fit.bottomRows} width={width} />
			) : bottom === 'logs' ? (
				<LogView logs={state.logs} height={fit.bottomRows} width={width} />
			) : (
				<CommandLog transcript={state.transcript} height={fit.bottomRows} width={width} />
			)}
			{prompt ? <Text wrap="truncate" bold color="yellow" inverse>{prompt}</Text> : <KeyHelp view={bottom === 'console' ? 'console' : 'lab'} />}
		</Box>
	);
}

/** Whether anything on screen ages by itself: a down node's "last seen", a highlight about to fade, a spinner. */
function needsClock(state: SessionState): boolean {
	if (state.phase !== 'ready' || state.lab?.setup !== 'done') return true;
	const now = Date.now();
	return state.nodes.some((node) => node.health === 'down' || node.health === 'starting'
		|| Object.values(node.changedAt).some((at) => now - at < CHANGE_WINDOW_MS));
}
