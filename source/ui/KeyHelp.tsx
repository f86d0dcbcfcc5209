import {Box, Text} from 'ink';
import React from 'react';
import {barFor, KEYBINDINGS, type View} from './keybindings.js';

/** The bottom line: the keys of the current view. */
export function KeyHelp({view}: {view: View}) {
	return <Text wrap="truncate" color="gray">{barFor(view)}</Text>;
}

/** Every key, from the same table that handles them. */
export function HelpScreen() {
	const views: View[] = ['menu', 'lab', 'console', 'global'];
	return (
		<Box flexDirection="column" borderStyle="round" paddingX={1}>
			<Text bold>keys (any key closes this help)</Text>
			{views.map((view) => (
				<Box key={view} flexDirection="column" marginTop={1}>
					<Text bold color="blue">{view}</Text>
					{KEYBINDINGS.filter((binding) => binding.view === view).map((binding) => (
						<Text key={binding.intent + binding.keys.join()}>
							<Text color="cyan">{binding.keys.join(', ').padEnd(14)}</Text> {binding.description}
						</Text>
					))}
				</Box>
			))}
		</Box>
	);
}
