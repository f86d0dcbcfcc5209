import {Box, Text} from 'ink';
import React from 'react';
import type {SessionState} from '../engine/session-state.js';

function mb(bytes: number): string {
	return `${(bytes / 1048576).toFixed(1)} MB`;
}

/** Image pull progress with bytes, or start-up progress. */
export function PullProgress({state, width}: {state: SessionState; width: number}) {
	const spinner = '⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏'[Math.floor(Date.now() / 120) % 10];
	if (state.phase === 'pulling' && state.pull) {
		const {current, total, image, status} = state.pull;
		const barWidth = Math.max(10, Math.min(50, width - 40));
		const filled = total > 0 ? Math.round((current / total) * barWidth) : 0;
		return (
			<Text wrap="truncate">
				pulling {image} [{'█'.repeat(filled)}{'░'.repeat(barWidth - filled)}] {total > 0 ? `${mb(current)} / ${mb(total)}` : status}
			</Text>
		);
	}
	const starting = state.nodes.filter((node) => node.health === 'starting').map((node) => node.name);
	const phase = state.lab?.setup === 'running' ? 'building the starting state' : state.phase;
	return (
		<Text color="yellow" wrap="truncate">
			{spinner} {phase}{starting.length > 0 ? `: starting ${starting.join(', ')}` : ''}
		</Text>
	);
}

/** Shown instead of the app when labs cannot run at all. */
export function StartupError({message, hint}: {message: string; hint?: string}) {
	return (
		<Box flexDirection="column" borderStyle="round" borderColor="red" paddingX={1}>
			<Text bold color="red">redis-lab cannot start a lab</Text>
			<Text>{message}</Text>
			{hint ? <Text color="yellow">{hint}</Text> : null}
			<Text color="gray">Docker: start Docker Desktop (or dockerd), or set DOCKER_HOST. Without Docker: install Redis 7 and run redis-lab --runtime local. Press q to quit.</Text>
		</Box>
	);
}

/** Nodes an earlier session left behind (a crash, a kill): remove them before a lab needs their ports? */
export function LeftoversPrompt({leftovers, removing}: {leftovers: readonly string[]; removing: boolean}) {
	return (
		<Box flexDirection="column" borderStyle="round" borderColor="yellow" paddingX={1}>
			<Text bold color="yellow">An earlier redis-lab session left nodes behind</Text>
			<Text wrap="truncate-end">{leftovers.slice(0, 8).join(', ')}{leftovers.length > 8 ? `, and ${leftovers.length - 8} more` : ''}</Text>
			<Text>They hold the ports a lab needs. Only what redis-lab labelled is removed, nothing of yours.</Text>
			{removing ? <Text color="yellow">removing…</Text> : <Text><Text bold>Y</Text>: remove them (default) · <Text bold>n</Text>: leave them · <Text bold>q</Text>: quit</Text>}
		</Box>
	);
}
