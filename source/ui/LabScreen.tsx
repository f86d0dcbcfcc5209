import {Box} from 'ink';
import React from 'react';
import type {Lang} from '../engine/lab/format/types.js';
import type {LabSessionState} from '../engine/lab/run/state.js';
import {CommandLog} from './CommandLog.js';
import {Console} from './Console.js';
import type {LabHandle} from './controller.js';
import {EventTimeline} from './EventTimeline.js';
import {useConsole, type ConsoleState} from './hooks/use-console.js';
import {useEventPicker} from './hooks/use-event-picker.js';
import {useLabKeys, useLabView, type Bottom, type LabView} from './hooks/use-lab-keys.js';
import {useNow} from './hooks/use-now.js';
import {useSession} from './hooks/use-session.js';
import {useSize} from './hooks/use-size.js';
import {HelpScreen, KeyHelp} from './KeyHelp.js';
import {LogView} from './LogView.js';
import {NodeGrid} from './NodeGrid.js';
import {eventScroll} from './presentation/events.js';
import {CONSOLE_ROWS, layout} from './presentation/layout.js';
import {CHANGE_WINDOW_MS, paneContent} from './presentation/nodes.js';
import {readerContent} from './presentation/reader.js';
export type {Reading} from './presentation/reader.js';
import {cut, joinLines, width as displayWidth, wrap} from './presentation/text.js';
import {localText} from './presentation/step.js';
import {Reader} from './Reader.js';
import {PullProgress} from './StartupScreen.js';
import {StepPanel} from './StepPanel.js';
import {Text} from './Text.js';
import {headerDetail, headerWarning} from './presentation/server.js';
import {RoomProblem, roomTag, useRoom, type RoomStore} from './RoomBadge.js';
import {roomProblemLine} from '../engine/room/line.js';
import type {RoomLinkState} from '../engine/room/publisher.js';
import {t} from '../i18n/index.js';
import {UI} from '../i18n/ui.js';

export interface LabScreenProps {
	handle: LabHandle;
	lang: Lang;
	/** The learner pressed q: the app asks about removing the servers. */
	onQuit: () => void;
	/** Dialogs above this screen own the keyboard. */
	active: boolean;
	/** A question shown in place of the key bar (the quit dialog). */
	prompt?: string;
	/** The workshop room the learner joined, if any: named in the header, its problem in one line below. */
	room?: RoomStore;
}

/** The screen's layout for this render: sizes of every part, from the terminal and the state. */
function screenLayout(state: LabSessionState, bottom: Bottom, lang: Lang, size: {columns: number; rows: number}, now: number, prompt?: string, roomProblem = false) {
	const {columns, rows} = size;
	const lab = state.lab;
	const current = lab?.steps[lab.current];
	const step = lab?.lab.steps[lab.current];
	const ready = state.phase === 'ready' && lab?.setup === 'done';
	const failedBanner = state.phase === 'failed' && state.error;
	const promptLines = prompt ? Math.max(1, wrap(prompt, Math.max(40, columns)).length) : 1;
	const fit = layout({
		columns,
		rows,
		nodes: state.nodes.length,
		kinds: state.nodes.map((node) => node.kind),
		commands: current?.commands.length ?? 0,
		checks: current?.checks.length ?? 0,
		note: Boolean(step?.note),
		extras: (current?.error ? 1 : 0) + (current?.status === 'failed' && step?.hint ? 1 : 0),
		bottom: bottom === 'console' ? CONSOLE_ROWS : undefined,
		narrative: step ? wrap(joinLines(localText(step.text, lang)), Math.max(20, Math.max(40, columns) - 1)).length : 0,
		paneContent: paneContent(state.nodes, Math.max(40, columns), now, lang),
		banner: (failedBanner ? (state.error?.hint ? 2 : 1) : ready ? 0 : 1) + promptLines - 1 + (roomProblem ? 1 : 0),
	});
	// The reader takes everything between the header and the key bar: its title line, then its text.
	const readerHeight = Math.max(3, Math.max(16, rows - 1) - 3 - (promptLines - 1)) - 1;
	return {fit, readerHeight, ready, failedBanner};
}

/** The first line: lab, step and where it runs; or, while the app replays steps or autoplay stopped, that. */
function LabHeader({state, lang, width, room}: {state: LabSessionState; lang: Lang; width: number; room?: RoomLinkState}) {
	const lab = state.lab;
	const title = lab ? lab.lab.title[lang] ?? lab.lab.title.en : 'lab';
	const status = lab?.catchingUp ? t(lang, UI.catchingUp, {n: lab.catchingUp.to + 1}) : lab?.autoplay?.status === 'failed' ? t(lang, UI.autoplayFailed, {reason: lab.autoplay.reason ?? ''}) : undefined;
	// Cut here, in display columns: Ink's own truncation can leave a wide character one column over.
	const headerMain = cut(t(lang, UI.header, {lab: lab?.lab.id ?? '', n: (lab?.current ?? 0) + 1, total: lab?.steps.length ?? 0}) + roomTag(room, lang), width);
	const detail = cut(headerDetail(state, title, lang), width - displayWidth(headerMain));
	const warning = headerWarning(state, lang);
	return (
		<Text wrap="truncate">
			<Text bold color="blue">{headerMain}</Text>
			{status ? <Text color="yellow">{cut(` · ${status}`, width - displayWidth(headerMain))}</Text> : <><Text color="gray">{detail}</Text>{warning ? <Text color="yellow">{cut(warning, width - displayWidth(headerMain) - displayWidth(detail))}</Text> : null}</>}
		</Text>
	);
}

/** The bottom pane: the console, the logs or the command log. */
function BottomPane({view, state, consoleInput, height, width, lang}: {view: LabView; state: LabSessionState; consoleInput: ConsoleState; height: number; width: number; lang: Lang}) {
	if (view.bottom === 'console') return <Console node={consoleInput.node} input={consoleInput.input} lines={consoleInput.lines} busy={consoleInput.busy} height={height} width={width} lang={lang} />;
	if (view.bottom === 'logs') return <LogView logs={state.logs} height={height} width={width} lang={lang} />;
	return <CommandLog transcript={state.transcript} typing={state.lab?.autoplay?.typing} height={height} width={width} lang={lang} />;
}

/** One lab: header, step panel, node panes, event timeline, command log / logs / console, keys. */
export function LabScreen({handle, lang, onQuit, active, prompt, room}: LabScreenProps) {
	const state = useSession(handle);
	const now = useNow(1000, needsClock(state));
	const size = useSize();
	const view = useLabView();
	const roomState = useRoom(room);
	const {lab, nodes} = state;
	// Every node of the lab reaches the console, declared or not yet, down or up.
	const consoleInput = useConsole(handle, [...new Set([...nodes.map((node) => node.name), ...Object.keys(lab?.lab.nodes ?? {})])]);
	const picker = useEventPicker(state.events);
	const {fit, readerHeight, ready, failedBanner} = screenLayout(state, view.bottom, lang, size, now, prompt, roomState !== undefined && roomProblemLine(roomState) !== undefined);
	const width = fit.width;
	const content = view.reading ? readerContent(view.reading, state, lang, width, now) : undefined;
	useLabKeys(view, {handle, state, consoleInput, picker, onQuit, readerLines: content?.lines.length ?? 0, readerHeight, timelineRows: fit.timelineRows}, active);

	if (view.help) return <HelpScreen rows={size.rows} lang={lang} width={width} />;
	const header = <LabHeader state={state} lang={lang} width={width} room={roomState} />;
	const keyBar = prompt ? <Text bold color="yellow" inverse>{prompt}</Text> : <KeyHelp view={view.reading ? 'reader' : picker.picked !== undefined ? 'events' : view.bottom === 'console' ? 'console' : 'lab'} lang={lang} width={width} />;
	if (view.reading && content) {
		return (
			<Box flexDirection="column" width={width}>
				{header}
				<Reader title={content.title} lines={content.lines} scroll={view.readerScroll} height={readerHeight} width={width} lang={lang} />
				{keyBar}
			</Box>
		);
	}
	const current = lab?.steps[lab.current];
	const step = lab?.lab.steps[lab.current];
	return (
		<Box flexDirection="column" width={width}>
			{header}
			<RoomProblem state={roomState} lang={lang} width={width} />
			{failedBanner ? (
				<Box flexDirection="column" width={width}>
					<Text color="red" wrap="truncate">✗ {state.error!.message[lang]}</Text>
					{state.error!.hint ? <Text color="yellow" wrap="truncate">  {state.error!.hint[lang]}</Text> : null}
				</Box>
			) : null}
			{!ready && !failedBanner ? <PullProgress state={state} width={width} lang={lang} /> : null}
			{step && current ? <StepPanel step={step} state={current} index={lab.current} total={lab.steps.length} lang={lang} width={width} textLines={fit.textLines} commands={fit.commands} checks={fit.checks} note={fit.note} /> : null}
			<NodeGrid nodes={nodes} now={now} columns={width} mode={fit.nodeMode} groups={fit.paneGroups} paneHeights={fit.paneRows} focused={nodes[view.focused]?.name} lang={lang} />
			<EventTimeline events={state.events} faultAt={state.faultAt ?? (state.demo ? state.events[0]?.receivedAt : undefined)} lang={lang} height={fit.timelineRows} width={width} scroll={eventScroll(state.events, view.eventAnchor)} picked={picker.picked} />
			<BottomPane view={view} state={state} consoleInput={consoleInput} height={fit.bottomRows} width={width} lang={lang} />
			{keyBar}
		</Box>
	);
}

/** Whether anything on screen ages by itself: a down node's "last seen", a highlight about to fade, a spinner. */
function needsClock(state: LabSessionState): boolean {
	if (state.phase !== 'ready' || state.lab?.setup !== 'done') return true;
	const now = Date.now();
	return state.nodes.some((node) => node.health === 'down' || node.health === 'starting'
		|| Object.values(node.changedAt).some((at) => now - at < CHANGE_WINDOW_MS));
}
