import {Box, Text} from 'ink';
import React from 'react';
import {barFor, KEYBINDINGS, type View} from './keybindings.js';

/** The bottom line: the keys of the current view. */
export function KeyHelp({view}: {view: View}) {
	return <Text wrap="truncate" color="gray">{barFor(view)}</Text>;
}

function KeyGroup({view}: {view: View}) {
	return (
		<Box flexDirection="column" marginBottom={1}>
			<Text bold color="blue">{view}</Text>
			{KEYBINDINGS.filter((binding) => binding.view === view).map((binding) => (
				<Text key={binding.intent + binding.keys.join()} wrap="truncate">
					<Text color="cyan">{binding.keys.join(', ').padEnd(9)}</Text> {binding.description}
				</Text>
			))}
		</Box>
	);
}

/** Every key, from the same table that handles them: one column when the terminal is tall enough, else two. */
export function HelpScreen({rows = 40}: {rows?: number}) {
	if (rows >= 32) {
		return (
			<Box flexDirection="column" borderStyle="round" paddingX={1}>
				<Text bold>keys (any key closes this help)</Text>
				{(['lab', 'console', 'menu', 'global'] as const).map((view) => <KeyGroup key={view} view={view} />)}
			</Box>
		);
	}
	return (
		<Box flexDirection="column" borderStyle="round" paddingX={1}>
			<Text bold>keys (any key closes this help)</Text>
			<Box>
				<Box flexDirection="column" flexBasis={0} flexGrow={3} marginRight={2}>
					<KeyGroup view="lab" />
				</Box>
				<Box flexDirection="column" flexBasis={0} flexGrow={2}>
					<KeyGroup view="console" />
					<KeyGroup view="menu" />
					<KeyGroup view="global" />
				</Box>
			</Box>
		</Box>
	);
}
