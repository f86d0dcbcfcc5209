import {Box} from 'ink';
import React, {useState} from 'react';
import type {Lang} from '../engine/lab/types.js';
import type {SessionState} from '../engine/session-state.js';
import {CommandLog} from './CommandLog.js';
import {Console} from './Console.js';
import type {LabHandle} from './controller.js';
import {EventTimeline} from './EventTimeline.js';
import {useConsole} from './hooks/use-console.js';
import {useKeys} from './hooks/use-keys.js';
import {useNow} from './hooks/use-now.js';
import {useSession} from './hooks/use-session.js';
import {useSize} from './hooks/use-size.js';
import {useStateRef} from './hooks/use-state-ref.js';
import {HelpScreen, KeyHelp} from './KeyHelp.js';
import {intentFor, type Intent} from './keybindings.js';
import {LogView} from './LogView.js';
import {NodeGrid} from './NodeGrid.js';
import {eventScroll, moveEvents, type EventMove} from './presentation/events.js';
import {CONSOLE_ROWS, layout} from './presentation/layout.js';
import {CHANGE_WINDOW_MS, paneContent} from './presentation/nodes.js';
import {readerContent} from './presentation/reader.js';
import {cut, joinLines, say, width as displayWidth, wrap} from './presentation/text.js';
import {localText} from './presentation/step.js';
import {Reader, maxScroll} from './Reader.js';
import {PullProgress} from './StartupScreen.js';
import {StepPanel} from './StepPanel.js';
import {Text} from './Text.js';

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
/** What the reader shows: the whole step, or one node's whole INFO section. */
export type Reading = {kind: 'step'} | {kind: 'node'; name: string};

const EVENT_MOVES: Partial<Record<Intent, EventMove>> = {'events-older': 'older', 'events-newer': 'newer', 'events-first': 'first', 'events-last': 'last'};

/** One lab: header, step panel, node panes, event timeline, command log / logs / console, keys. */
export function LabScreen({handle, lang, onQuit, active, prompt}: LabScreenProps) {
	const state = useSession(handle);
	const now = useNow(1000, needsClock(state));
	const {columns, rows} = useSize();
	const [bottom, setBottom, bottomRef] = useStateRef<Bottom>('commands');
	const [help, setHelp] = useState(false);
	const [focused, setFocused] = useState(0);
	const [reading, setReading, readingRef] = useStateRef<Reading | undefined>(undefined);
	const [readerScroll, setReaderScroll, readerScrollRef] = useStateRef(0);
	const [eventAnchor, setEventAnchor] = useState<number | undefined>();
	const lab = state.lab;
	const nodes = state.nodes;
	// Every node of the lab reaches the console, declared or not yet, down or up.
	const consoleNodes = [...new Set([...nodes.map((node) => node.name), ...Object.keys(lab?.lab.nodes ?? {})])];
	const console = useConsole(handle, consoleNodes);

	const current = lab?.steps[lab.current];
	const step = lab?.lab.steps[lab.current];
	const ready = state.phase === 'ready' && lab?.setup === 'done';
	const failedBanner = state.phase === 'failed' && state.error;
	const promptLines = prompt ? Math.max(1, wrap(prompt, Math.max(40, columns)).length) : 1;
	const fit = layout({
		columns,
		rows,
		nodes: nodes.length,
		kinds: nodes.map((node) => node.kind),
		commands: current?.commands.length ?? 0,
		checks: current?.checks.length ?? 0,
		note: Boolean(step?.note),
		extras: (current?.error ? 1 : 0) + (current?.status === 'failed' && step?.hint ? 1 : 0),
		bottom: bottom === 'console' ? CONSOLE_ROWS : undefined,
		narrative: step ? wrap(joinLines(localText(step.text, lang)), Math.max(20, Math.max(40, columns) - 1)).length : 0,
		paneContent: paneContent(nodes, Math.max(40, columns), now, lang),
		banner: (failedBanner ? (state.error?.hint ? 2 : 1) : ready ? 0 : 1) + promptLines - 1,
	});
	const width = fit.width;
	// The reader takes everything between the header and the key bar, its title line included.
	const readerHeight = Math.max(3, Math.max(16, rows - 1) - 3 - (promptLines - 1));
	const content = reading ? readerContent(reading, state, lang, width, now) : undefined;

	useKeys((typed, key) => {
		if (help) {
			setHelp(false);
			return;
		}
		if (readingRef.current) {
			const lines = content?.lines.length ?? 0;
			const scrollTo = (to: number) => setReaderScroll(Math.min(Math.max(0, to), maxScroll(lines, readerHeight)));
			const intent = intentFor('reader', typed, key);
			if (intent === 'reader-close' || intent === 'quit') setReading(undefined);
			else if (intent === 'scroll-up') scrollTo(readerScrollRef.current - 1);
			else if (intent === 'scroll-down') scrollTo(readerScrollRef.current + 1);
			else if (intent === 'page-up') scrollTo(readerScrollRef.current - (readerHeight - 1));
			else if (intent === 'page-down') scrollTo(readerScrollRef.current + (readerHeight - 1));
			return;
		}
		if (bottomRef.current === 'console') {
			if (!console.onKey(typed, key)) setBottom('commands');
			return;
		}
		const intent = intentFor('lab', typed, key);
		const move = intent ? EVENT_MOVES[intent] : undefined;
		if (move) return setEventAnchor(moveEvents(state.events, eventAnchor, fit.timelineRows, move));
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
				if (lab) handle.goToStep(Number(typed) - 1);
				return;
			case 'console':
				return setBottom('console');
			case 'logs': {
				const on = bottomRef.current !== 'logs';
				handle.followLogs(on);
				return setBottom(on ? 'logs' : 'commands');
			}
			case 'focus':
				return setFocused((index) => (index + 1) % Math.max(1, nodes.length));
			case 'expand':
			case 'zoom': {
				const name = nodes[focused]?.name;
				if (intent === 'zoom' && !name) return;
				setReaderScroll(0);
				return setReading(intent === 'expand' ? {kind: 'step'} : {kind: 'node', name: name!});
			}
			case 'help':
				return setHelp(true);
			case 'quit':
				return onQuit();
			default:
		}
	}, {isActive: active, raw: bottom === 'console' && !reading});

	if (help) return <HelpScreen rows={rows} lang={lang} width={width} />;

	const title = lab ? lab.lab.title[lang] ?? lab.lab.title.en : 'lab';
	// Cut here, in display columns: Ink's own truncation can leave a wide character one column over.
	// While the app replays earlier steps, or autoplay stopped, the header says so instead of the lab's title.
	const status = lab?.catchingUp ? say(lang, 'catchingUp', {n: lab.catchingUp.to + 1}) : lab?.autoplay?.status === 'failed' ? say(lang, 'autoplayFailed', {reason: lab.autoplay.reason ?? ''}) : undefined;
	const headerMain = cut(say(lang, 'header', {lab: lab?.lab.id ?? '', n: (lab?.current ?? 0) + 1, total: lab?.steps.length ?? 0}), width);
	const header = (
		<Text wrap="truncate">
			<Text bold color="blue">{headerMain}</Text>
			{status ? <Text color="yellow">{cut(` · ${status}`, width - displayWidth(headerMain))}</Text> : <Text color="gray">{cut(` · ${title} · ${state.runtime} · ${state.runtimeLabel}`, width - displayWidth(headerMain))}</Text>}
		</Text>
	);
	const keyBar = prompt ? <Text bold color="yellow" inverse>{prompt}</Text> : <KeyHelp view={reading ? 'reader' : bottom === 'console' ? 'console' : 'lab'} lang={lang} width={width} />;
	if (reading && content) {
		return (
			<Box flexDirection="column" width={width}>
				{header}
				<Reader title={content.title} lines={content.lines} scroll={readerScroll} height={readerHeight - 1} width={width} lang={lang} />
				{keyBar}
			</Box>
		);
	}

	return (
		<Box flexDirection="column" width={width}>
			{header}
			{failedBanner ? (
				<Box flexDirection="column" width={width}>
					<Text color="red" wrap="truncate">✗ {state.error!.message[lang]}</Text>
					{state.error!.hint ? <Text color="yellow" wrap="truncate">  {state.error!.hint[lang]}</Text> : null}
				</Box>
			) : null}
			{!ready && !failedBanner ? <PullProgress state={state} width={width} lang={lang} /> : null}
			{step && current ? <StepPanel step={step} state={current} index={lab.current} total={lab.steps.length} lang={lang} width={width} textLines={fit.textLines} commands={fit.commands} checks={fit.checks} note={fit.note} /> : null}
			<NodeGrid nodes={nodes} now={now} columns={width} mode={fit.nodeMode} groups={fit.paneGroups} paneHeights={fit.paneRows} focused={nodes[focused]?.name} lang={lang} />
			<EventTimeline events={state.events} faultAt={state.faultAt ?? (state.demo ? state.events[0]?.receivedAt : undefined)} lang={lang} height={fit.timelineRows} width={width} scroll={eventScroll(state.events, eventAnchor)} />
			{bottom === 'console' ? (
				<Console node={console.node} input={console.input} lines={console.lines} busy={console.busy} height={fit.bottomRows} width={width} lang={lang} />
			) : bottom === 'logs' ? (
				<LogView logs={state.logs} height={fit.bottomRows} width={width} lang={lang} />
			) : (
				<CommandLog transcript={state.transcript} typing={lab?.autoplay?.typing} height={fit.bottomRows} width={width} lang={lang} />
			)}
			{keyBar}
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
