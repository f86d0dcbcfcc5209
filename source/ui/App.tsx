import {Box, Text, useApp} from 'ink';
import React, {useEffect, useRef, useState} from 'react';
import type {AppController, LabHandle} from './controller.js';
import {useKeys} from './hooks/use-keys.js';
import {useSize} from './hooks/use-size.js';
import {KeyHelp} from './KeyHelp.js';
import {intentFor} from './keybindings.js';
import {LabMenu} from './LabMenu.js';
import {LabScreen} from './LabScreen.js';
import {StartupError} from './StartupScreen.js';

export interface AppProps {
	controller: AppController;
	/** Called once the learner quits; `keep` leaves the lab's servers running. */
	onExit: (result: {handle?: LabHandle; keep: boolean}) => void;
}

type Screen = {name: 'menu'} | {name: 'opening'; labId: string} | {name: 'lab'; handle: LabHandle} | {name: 'error'; message: string; hint?: string};

/** Menu -> lab screen -> quit dialog. Renders what it is given; the controller does the work. */
export function App({controller, onExit}: AppProps) {
	const {exit} = useApp();
	const {rows} = useSize();
	const initial = controller.initialLab ? controller.labs.findIndex((lab) => lab.id === controller.initialLab) : 0;
	const [selected, setSelectedState] = useState(Math.max(0, initial));
	// A burst of keys is handled in one render: read the newest selection from a ref.
	const selectedRef = useRef(selected);
	const setSelected = (change: (index: number) => number) => {
		selectedRef.current = change(selectedRef.current);
		setSelectedState(selectedRef.current);
	};
	const [screen, setScreen] = useState<Screen>(controller.startupError ? {name: 'error', ...controller.startupError} : {name: 'menu'});
	const [asking, setAsking] = useState(false);
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

	useEffect(() => {
		if (controller.initialLab && !controller.startupError) open(Math.max(0, initial));
	}, []);

	useKeys((typed, key) => {
		if (key.ctrl && typed === 'c') return quit(false);
		if (asking) {
			if (typed === 'y' || typed === 'Y' || key.return) quit(false);
			else if (typed === 'n' || typed === 'N') quit(true);
			else if (key.escape) setAsking(false);
			return;
		}
		if (screen.name === 'error' && (typed === 'q' || key.escape || key.return)) return quit(false);
		if (screen.name !== 'menu') return;
		const intent = intentFor('menu', typed, key);
		if (intent === 'menu-up') setSelected((index) => (index - 1 + controller.labs.length) % controller.labs.length);
		else if (intent === 'menu-down') setSelected((index) => (index + 1) % controller.labs.length);
		else if (intent === 'menu-open') open(selectedRef.current);
		else if (intent === 'quit') quit(false);
	});

	if (screen.name === 'error') return <StartupError message={screen.message} hint={screen.hint} />;
	if (screen.name === 'menu' || screen.name === 'opening') {
		return (
			<Box flexDirection="column">
				<LabMenu labs={controller.labs} selected={selected} progress={(id) => controller.progress.get(id)} runtime={controller.runtime} runtimeLabel={controller.runtimeLabel} lang={controller.lang} height={Math.max(5, Math.min(controller.labs.length, rows - 6))} />
				{screen.name === 'opening' ? <Text color="yellow">opening {screen.labId}…</Text> : <KeyHelp view="menu" />}
			</Box>
		);
	}
	return (
		<Box flexDirection="column">
			<LabScreen handle={screen.handle} lang={controller.lang} onQuit={() => setAsking(true)} active={!asking} />
			{asking ? (
				<Box borderStyle="double" borderColor="yellow" paddingX={1}>
					<Text>Remove the lab's containers and processes? <Text bold>Y</Text>es (default) / <Text bold>n</Text>o, keep them running / esc: stay</Text>
				</Box>
			) : null}
		</Box>
	);
}
