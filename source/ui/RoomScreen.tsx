import {Box, render, useApp} from 'ink';
import React, {useCallback, useMemo, useState, useSyncExternalStore} from 'react';
import type {Lang} from '../engine/lab/format/types.js';
import type {TriageOptions} from '../engine/room/triage.js';
import type {RoomView} from '../engine/room/watcher.js';
import {useKeys} from './hooks/use-keys.js';
import {useNow} from './hooks/use-now.js';
import {useSize} from './hooks/use-size.js';
import {duration, labLines, learnerRows, type RoomLine} from './presentation/room.js';
import {cut} from './presentation/text.js';
import {Text} from './Text.js';
import {t} from '../i18n/index.js';
import {ROOM} from '../i18n/room.js';

export interface RoomScreenProps {
	store: {getState: () => RoomView; subscribe: (listener: () => void) => () => void};
	options: TriageOptions;
	lang: Lang;
	onQuit?: () => void;
}

/** "10 min", or "1s" for a test's short --stuck. */
function stuckSaid(ms: number, lang: Lang): string {
	if (ms % 60_000 !== 0) return duration(ms);
	return t(lang, {en: `${ms / 60_000} min`, zh: `${ms / 60_000} 分钟`});
}

function Line({line}: {line: RoomLine}) {
	return <Text color={line.color} bold={line.bold} wrap="truncate">{line.text}</Text>;
}

/** The host's live room: header, one line per lab, then every learner, who needs help first. */
/** Renders at most every `everyMs` however often learners publish: Ink draws at most 20 frames a second anyway. */
function useThrottled<T>(store: RoomScreenProps['store'] & {getState: () => T}, everyMs: number): T {
	const subscribe = useCallback((onChange: () => void) => {
		let timer: NodeJS.Timeout | undefined;
		let shownAt = 0;
		const flush = () => {
			timer = undefined;
			shownAt = Date.now();
			onChange();
		};
		const unsubscribe = store.subscribe(() => {
			timer ??= setTimeout(flush, Math.max(0, shownAt + everyMs - Date.now()));
		});
		return () => {
			clearTimeout(timer);
			unsubscribe();
		};
	}, [store, everyMs]);
	return useSyncExternalStore(subscribe, store.getState);
}

export function RoomScreen({store, options, lang, onQuit}: RoomScreenProps) {
	const view = useThrottled(store, 50);
	// Times on step age by themselves; a host reads them in minutes, so the clock ticks every 5 s (an idle room costs little).
	const now = useNow(5000);
	const {columns, rows} = useSize();
	const {exit} = useApp();
	const [scroll, setScroll] = useState(0);
	const width = Math.max(40, columns);
	const summary = useMemo(() => labLines(view, lang, width), [view.learners, view.events, lang, width]);
	const problem = view.status === 'unreachable' || view.status === 'refused' ? t(lang, ROOM.hostUnreachable, {room: view.room, at: view.at, reason: view.status === 'refused' ? 'wrong password' : view.reason ?? '?'}) : undefined;
	// Header, problem, a line per lab, column titles, key bar.
	const height = Math.max(3, rows - 3 - summary.length - (problem ? 1 : 0));
	const {rows: learners, total, first} = learnerRows(view, now, options, lang, width, {first: scroll, count: height});
	const last = Math.max(0, total - height);
	useKeys((typed, key) => {
		if (typed === 'q' || key.escape || (key.ctrl && typed === 'c')) {
			onQuit?.();
			exit();
		} else if (key.upArrow) setScroll(Math.max(0, first - 1));
		else if (key.downArrow) setScroll(Math.min(last, first + 1));
		else if (key.pageDown) setScroll(Math.min(last, first + height));
		else if (key.pageUp) setScroll(Math.max(0, first - height));
	});
	return (
		<Box flexDirection="column" width={width}>
			<Text bold color="blue" wrap="truncate">{cut(t(lang, ROOM.screenHeader, {room: view.room, at: view.at, count: view.learners.length, stuck: stuckSaid(options.stuckMs, lang)}), width)}</Text>
			{problem ? <Text color="yellow" wrap="truncate">{cut(problem, width)}</Text> : null}
			{summary.map((line, index) => <Line key={`lab-${index}`} line={line} />)}
			<Text color="gray" wrap="truncate">{cut(`  ${t(lang, ROOM.screenColumns)}`, width)}</Text>
			{total === 0 ? <Text color="gray" wrap="truncate">{t(lang, ROOM.screenEmpty)}</Text> : learners.map((line, index) => <Line key={`row-${index}`} line={line} />)}
			<Text color="gray" wrap="truncate">{t(lang, ROOM.screenKeys)}{total > height ? ` · ${first + 1}-${Math.min(total, first + height)}/${total}` : ''}</Text>
		</Box>
	);
}

/** Draws the room on the terminal until the host quits. */
export async function showRoom(props: RoomScreenProps): Promise<void> {
	const instance = render(<RoomScreen {...props} />, {exitOnCtrlC: false, maxFps: 20, patchConsole: false});
	await instance.waitUntilExit();
}
