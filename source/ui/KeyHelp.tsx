import {Box} from 'ink';
import React from 'react';
import type {Lang} from '../i18n/index.js';
import type {UiKey} from '../i18n/ui.js';
import {paint} from './colour.js';
import {barFor, KEYBINDINGS, type KeyBinding, type View} from './keybindings.js';
import {pad, width as displayWidth} from './presentation/text.js';
import {Text} from './Text.js';
import {t} from '../i18n/index.js';
import {UI} from '../i18n/ui.js';

/** The bottom line: the keys of the current view that fit `width`. */
export function KeyHelp({view, lang = 'en', width}: {view: View; lang?: Lang; width?: number}) {
	return <Text wrap="truncate" color="gray">{barFor(view, lang, width)}</Text>;
}

const VIEW_TITLE: Record<View, UiKey> = {lab: 'viewLab', events: 'viewEvents', console: 'viewConsole', menu: 'viewMenu', reader: 'viewReader', global: 'viewGlobal'};
const KEY_NAMES: Record<string, string> = {up: '↑', down: '↓', left: '←', right: '→', pageup: 'pgup', pagedown: 'pgdn', return: 'enter', escape: 'esc', space: 'space'};

/** The keys of a binding as the help lists them: `n, →`; the digits as `1-9`. */
function keysOf(binding: KeyBinding): string {
	if (binding.intent === 'step') return '1-9';
	return binding.keys.map((key) => KEY_NAMES[key] ?? key).join(', ');
}

/** One view's keys; the last group of a column has no margin below it. */
function KeyGroup({view, lang, last = false}: {view: View; lang: Lang; last?: boolean}) {
	const bindings = KEYBINDINGS.filter((binding) => binding.view === view);
	const keyWidth = Math.max(...bindings.map((binding) => displayWidth(keysOf(binding)))) + 1;
	return (
		<Box flexDirection="column" marginBottom={last ? 0 : 1}>
			<Text bold color="blue">{t(lang, UI[VIEW_TITLE[view]])}</Text>
			{bindings.map((binding) => (
				<Text key={binding.intent + binding.keys.join()} wrap="truncate">
					<Text color="cyan">{pad(keysOf(binding), keyWidth)}</Text> {t(lang, UI[binding.description])}
				</Text>
			))}
		</Box>
	);
}

const VIEWS = ['lab', 'events', 'reader', 'console', 'menu', 'global'] as const;

/** Every key, from the same table that handles them: one column when the terminal is tall enough, else two. */
export function HelpScreen({rows = 40, lang = 'en', width}: {rows?: number; lang?: Lang; width?: number}) {
	const count = KEYBINDINGS.length + VIEWS.length * 2 + 3;
	if (rows > count) {
		return (
			<Box flexDirection="column" borderStyle="round" borderColor={paint('blue')} paddingX={1} width={width}>
				<Text bold>{t(lang, UI.helpTitle)}</Text>
				{VIEWS.map((view) => <KeyGroup key={view} view={view} lang={lang} last={view === VIEWS.at(-1)} />)}
			</Box>
		);
	}
	return (
		<Box flexDirection="column" borderStyle="round" borderColor={paint('blue')} paddingX={1} width={width}>
			<Text bold>{t(lang, UI.helpTitle)}</Text>
			<Box>
				<Box flexDirection="column" flexBasis={0} flexGrow={1} marginRight={2}>
					<KeyGroup view="lab" lang={lang} last />
				</Box>
				<Box flexDirection="column" flexBasis={0} flexGrow={1}>
					<KeyGroup view="events" lang={lang} />
					<KeyGroup view="reader" lang={lang} />
					<KeyGroup view="console" lang={lang} />
					<KeyGroup view="global" lang={lang} last />
				</Box>
			</Box>
		</Box>
	);
}
