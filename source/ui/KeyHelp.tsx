import {Box} from 'ink';
import React from 'react';
import type {Lang} from '../i18n/index.js';
import type {UiKey} from '../i18n/ui.js';
import {paint} from './colour.js';
import {barFor, KEYBINDINGS, type KeyBinding, type View} from './keybindings.js';
import {pad, say, width as displayWidth} from './presentation/text.js';
import {Text} from './Text.js';

/** The bottom line: the keys of the current view that fit `width`. */
export function KeyHelp({view, lang = 'en', width}: {view: View; lang?: Lang; width?: number}) {
	return <Text wrap="truncate" color="gray">{barFor(view, lang, width)}</Text>;
}

const VIEW_TITLE: Record<View, UiKey> = {lab: 'viewLab', console: 'viewConsole', menu: 'viewMenu', reader: 'viewReader', global: 'viewGlobal'};
const KEY_NAMES: Record<string, string> = {up: '↑', down: '↓', left: '←', right: '→', pageup: 'pgup', pagedown: 'pgdn', return: 'enter', escape: 'esc', space: 'space'};

/** The keys of a binding as the help lists them: `n, →`; the digits as `1-9`. */
function keysOf(binding: KeyBinding): string {
	if (binding.intent === 'step') return '1-9';
	return binding.keys.map((key) => KEY_NAMES[key] ?? key).join(', ');
}

function KeyGroup({view, lang}: {view: View; lang: Lang}) {
	const bindings = KEYBINDINGS.filter((binding) => binding.view === view);
	const keyWidth = Math.max(...bindings.map((binding) => displayWidth(keysOf(binding)))) + 1;
	return (
		<Box flexDirection="column" marginBottom={1}>
			<Text bold color="blue">{say(lang, VIEW_TITLE[view])}</Text>
			{bindings.map((binding) => (
				<Text key={binding.intent + binding.keys.join()} wrap="truncate">
					<Text color="cyan">{pad(keysOf(binding), keyWidth)}</Text> {say(lang, binding.description)}
				</Text>
			))}
		</Box>
	);
}

/** Every key, from the same table that handles them: one column when the terminal is tall enough, else two. */
export function HelpScreen({rows = 40, lang = 'en', width}: {rows?: number; lang?: Lang; width?: number}) {
	const count = KEYBINDINGS.length + 5 * 2 + 3;
	if (rows > count) {
		return (
			<Box flexDirection="column" borderStyle="round" borderColor={paint('blue')} paddingX={1} width={width}>
				<Text bold>{say(lang, 'helpTitle')}</Text>
				{(['lab', 'reader', 'console', 'menu', 'global'] as const).map((view) => <KeyGroup key={view} view={view} lang={lang} />)}
			</Box>
		);
	}
	return (
		<Box flexDirection="column" borderStyle="round" borderColor={paint('blue')} paddingX={1} width={width}>
			<Text bold>{say(lang, 'helpTitle')}</Text>
			<Box>
				<Box flexDirection="column" flexBasis={0} flexGrow={1} marginRight={2}>
					<KeyGroup view="lab" lang={lang} />
				</Box>
				<Box flexDirection="column" flexBasis={0} flexGrow={1}>
					<KeyGroup view="reader" lang={lang} />
					<KeyGroup view="console" lang={lang} />
					<KeyGroup view="global" lang={lang} />
				</Box>
			</Box>
		</Box>
	);
}
