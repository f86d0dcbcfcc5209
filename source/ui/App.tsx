import {Box, useApp, type Key} from 'ink';
import React, {useEffect, useState} from 'react';
import type {AppController, LabHandle} from './controller.js';
import {useKeys} from './hooks/use-keys.js';
import {useStateRef} from './hooks/use-state-ref.js';
import {useSize} from './hooks/use-size.js';
import {KeyHelp} from './KeyHelp.js';
import {intentFor} from './keybindings.js';
import {LabMenu} from './LabMenu.js';
import {LabScreen} from './LabScreen.js';
import {LeftoversPrompt, StartupError} from './StartupScreen.js';
import {Text} from './Text.js';
import {t} from '../i18n/index.js';
import {UI} from '../i18n/ui.js';
import {RoomProblem, roomTag, useRoom} from './RoomBadge.js';
import {roomProblemLine} from '../engine/room/line.js';

export interface AppProps {
	controller: AppController;
	/** Called once the learner quits; `keep` leaves the lab's servers running. */
	onExit: (result: {handle?: LabHandle; keep: boolean}) => void;
}


type Screen = {name: 'leftovers'; removing: boolean} | {name: 'menu'} | {name: 'opening'; labId: string} | {name: 'lab'; handle: LabHandle} | {name: 'error'; message: string; hint?: string};

/** "Remove the lab's servers?": yes (or Enter) removes them, no keeps them, Esc goes back. */
function quitQuestionKey(typed: string, key: Key, {quit, cancel}: {quit: (keep: boolean) => void; cancel: () => void}): void {
	if (typed === 'y' || typed === 'Y' || key.return) quit(false);
	else if (typed === 'n' || typed === 'N') quit(true);
	else if (key.escape) cancel();
}

/** What an earlier session left: yes removes it and goes on, no goes on, q leaves. */
function leftoversKey(typed: string, key: Key, removing: boolean, context: {controller: AppController; quit: (keep: boolean) => void; proceed: () => void; setScreen: (screen: Screen) => void}): void {
	if (removing) return;
	if (typed === 'y' || typed === 'Y' || key.return) {
		context.setScreen({name: 'leftovers', removing: true});
		void (context.controller.removeLeftovers?.() ?? Promise.resolve()).then(context.proceed, (error: unknown) => context.setScreen({name: 'error', message: (error as Error).message}));
	} else if (typed === 'n' || typed === 'N') context.proceed();
	else if (typed === 'q' || key.escape) context.quit(true);
}

/** Menu -> lab screen -> quit dialog. Renders what it is given; the controller does the work. */
export function App({controller, onExit}: AppProps) {
	const {exit} = useApp();
	const {rows, columns} = useSize();
	const initial = controller.initialLab ? controller.labs.findIndex((lab) => lab.id === controller.initialLab) : 0;
	const [selected, setSelectedValue, selectedRef] = useStateRef(Math.max(0, initial));
	// A burst of keys is handled in one render: read the newest selection from a ref.
	const setSelected = (change: (index: number) => number) => setSelectedValue(change(selectedRef.current));
	const [screen, setScreen] = useState<Screen>(
		controller.startupError ? {name: 'error', ...controller.startupError}
			: controller.leftovers?.length ? {name: 'leftovers', removing: false}
				: {name: 'menu'},
	);
	const [asking, setAsking, askingRef] = useStateRef(false);
	const handle = screen.name === 'lab' ? screen.handle : undefined;

	const quit = (keep: boolean) => {
		onExit({handle, keep});
		exit();
	};

	const open = (index: number) => {
		const lab = controller.labs[index];
		if (!lab) return;
		setScreen({name: 'opening', labId: lab.id});
		controller.openLab(lab.id).then(
			(opened) => setScreen({name: 'lab', handle: opened}),
			(error: unknown) => setScreen({name: 'error', message: (error as Error).message, hint: (error as {hint?: string}).hint}),
		);
	};

	/** Past the start screens: the menu, or the lab asked for on the command line. */
	const proceed = () => {
		if (controller.initialLab) open(Math.max(0, initial));
		else setScreen({name: 'menu'});
	};

	useEffect(() => {
		if (controller.initialLab && screen.name === 'menu') open(Math.max(0, initial));
	}, []);

	useKeys((typed, key) => {
		if (key.ctrl && typed === 'c') return quit(false);
		if (askingRef.current) return quitQuestionKey(typed, key, {quit, cancel: () => setAsking(false)});
		if (screen.name === 'error' && (typed === 'q' || key.escape || key.return)) return quit(false);
		if (screen.name === 'leftovers') return leftoversKey(typed, key, screen.removing, {controller, quit, proceed, setScreen});
		if (screen.name !== 'menu') return;
		const intent = intentFor('menu', typed, key);
		if (intent === 'menu-up') setSelected((index) => (index - 1 + controller.labs.length) % controller.labs.length);
		else if (intent === 'menu-down') setSelected((index) => (index + 1) % controller.labs.length);
		else if (intent === 'menu-open') open(selectedRef.current);
		else if (intent === 'quit') quit(false);
	});

	return <ScreenView screen={screen} controller={controller} selected={selected} asking={asking} onAsk={() => setAsking(true)} size={{rows, columns}} />;
}

/** Draws the screen the app is on; it owns no state. */
function ScreenView({screen, controller, selected, asking, onAsk, size: {rows, columns}}: {screen: Screen; controller: AppController; selected: number; asking: boolean; onAsk: () => void; size: {rows: number; columns: number}}) {
	const roomState = useRoom(controller.room);
	if (screen.name === 'error') return <StartupError message={screen.message} hint={screen.hint} lang={controller.lang} />;
	if (screen.name === 'leftovers') return <LeftoversPrompt leftovers={controller.leftovers ?? []} removing={screen.removing} lang={controller.lang} />;
	if (screen.name === 'menu' || screen.name === 'opening') {
		return (
			<Box flexDirection="column">
				<LabMenu width={columns} labs={controller.labs} selected={selected} progress={(id) => controller.progress.get(id)} runtime={controller.runtime} runtimeLabel={controller.runtimeLabel} room={roomTag(roomState, controller.lang)} lang={controller.lang} height={Math.max(5, Math.min(controller.labs.length, rows - 7 - (roomState && roomProblemLine(roomState) ? 1 : 0)))} />
				<RoomProblem state={roomState} lang={controller.lang} width={columns} />
				{screen.name === 'opening' ? <Text color="yellow">{t(controller.lang, UI.opening, {lab: screen.labId})}</Text> : <KeyHelp view="menu" lang={controller.lang} width={columns} />}
			</Box>
		);
	}
	return (
		<Box flexDirection="column">
			<LabScreen handle={screen.handle} room={controller.room} lang={controller.lang} onQuit={onAsk} active={!asking} prompt={asking ? t(controller.lang, UI.quitQuestion) : undefined} />
		</Box>
	);
}
