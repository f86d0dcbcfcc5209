import {Box, useApp} from 'ink';
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
import {say} from './presentation/text.js';
import {Text} from './Text.js';

export interface AppProps {
	controller: AppController;
	/** Called once the learner quits; `keep` leaves the lab's servers running. */
	onExit: (result: {handle?: LabHandle; keep: boolean}) => void;
}


type Screen = {name: 'leftovers'; removing: boolean} | {name: 'menu'} | {name: 'opening'; labId: string} | {name: 'lab'; handle: LabHandle} | {name: 'error'; message: string; hint?: string};

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
		if (askingRef.current) {
			if (typed === 'y' || typed === 'Y' || key.return) quit(false);
			else if (typed === 'n' || typed === 'N') quit(true);
			else if (key.escape) setAsking(false);
			return;
		}
		if (screen.name === 'error' && (typed === 'q' || key.escape || key.return)) return quit(false);
		if (screen.name === 'leftovers') {
			if (screen.removing) return;
			if (typed === 'y' || typed === 'Y' || key.return) {
				setScreen({name: 'leftovers', removing: true});
				void (controller.removeLeftovers?.() ?? Promise.resolve()).then(proceed, (error: unknown) => setScreen({name: 'error', message: (error as Error).message}));
			} else if (typed === 'n' || typed === 'N') proceed();
			else if (typed === 'q' || key.escape) quit(true);
			return;
		}
		if (screen.name !== 'menu') return;
		const intent = intentFor('menu', typed, key);
		if (intent === 'menu-up') setSelected((index) => (index - 1 + controller.labs.length) % controller.labs.length);
		else if (intent === 'menu-down') setSelected((index) => (index + 1) % controller.labs.length);
		else if (intent === 'menu-open') open(selectedRef.current);
		else if (intent === 'quit') quit(false);
	});

	if (screen.name === 'error') return <StartupError message={screen.message} hint={screen.hint} lang={controller.lang} />;
	if (screen.name === 'leftovers') return <LeftoversPrompt leftovers={controller.leftovers ?? []} removing={screen.removing} lang={controller.lang} />;
	if (screen.name === 'menu' || screen.name === 'opening') {
		return (
			<Box flexDirection="column">
				<LabMenu width={columns} labs={controller.labs} selected={selected} progress={(id) => controller.progress.get(id)} runtime={controller.runtime} runtimeLabel={controller.runtimeLabel} lang={controller.lang} height={Math.max(5, Math.min(controller.labs.length, rows - 7))} />
				{screen.name === 'opening' ? <Text color="yellow">{say(controller.lang, 'opening', {lab: screen.labId})}</Text> : <KeyHelp view="menu" lang={controller.lang} width={columns} />}
			</Box>
		);
	}
	return (
		<Box flexDirection="column">
			<LabScreen handle={screen.handle} lang={controller.lang} onQuit={() => setAsking(true)} active={!asking} prompt={asking ? say(controller.lang, 'quitQuestion') : undefined} />
		</Box>
	);
}
