import {Box} from 'ink';
import React from 'react';
import type {SessionPhase} from '../engine/session/state.js';
import type {LabSessionState} from '../engine/lab/run/state.js';
import type {Lang} from '../i18n/index.js';
import type {UiKey} from '../i18n/ui.js';
import {paint} from './colour.js';
import {Text} from './Text.js';
import {t} from '../i18n/index.js';
import {UI} from '../i18n/ui.js';

function mb(bytes: number): string {
	return `${(bytes / 1048576).toFixed(1)} MB`;
}

const PHASE: Record<SessionPhase, UiKey> = {idle: 'phaseIdle', preparing: 'phasePreparing', pulling: 'phasePulling', starting: 'phaseStarting', ready: 'phaseReady', failed: 'phaseFailed', closing: 'phaseClosing', closed: 'phaseClosed'};

/** Image pull progress with bytes, or start-up progress. */
export function PullProgress({state, width, lang = 'en'}: {state: LabSessionState; width: number; lang?: Lang}) {
	const spinner = '⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏'[Math.floor(Date.now() / 120) % 10];
	if (state.phase === 'pulling' && state.pull) {
		const {current, total, image, status} = state.pull;
		const barWidth = Math.max(10, Math.min(50, width - 40));
		const filled = total > 0 ? Math.round((current / total) * barWidth) : 0;
		return (
			<Text wrap="truncate">
				{t(lang, UI.pulling)} {image} [{'█'.repeat(filled)}{'░'.repeat(barWidth - filled)}] {total > 0 ? `${mb(current)} / ${mb(total)}` : status}
			</Text>
		);
	}
	const starting = state.nodes.filter((node) => node.health === 'starting').map((node) => node.name);
	const phase = state.lab?.setup === 'running' ? t(lang, UI.buildingState) : t(lang, UI[PHASE[state.phase]]);
	return (
		<Text color="yellow" wrap="truncate">
			{spinner} {phase}{starting.length > 0 ? t(lang, UI.startingNodes, {nodes: starting.join(', ')}) : ''}
		</Text>
	);
}

/** Shown instead of the app when labs cannot run at all. */
export function StartupError({message, hint, lang = 'en'}: {message: string; hint?: string; lang?: Lang}) {
	return (
		<Box flexDirection="column" borderStyle="round" borderColor={paint('red')} paddingX={1}>
			<Text bold color="red">{t(lang, UI.cannotStart)}</Text>
			<Text>{message}</Text>
			{hint ? <Text color="yellow">{hint}</Text> : null}
			<Text color="gray">{t(lang, UI.cannotStartHelp)}</Text>
		</Box>
	);
}

/** Nodes an earlier session left behind (a crash, a kill): remove them before a lab needs their ports? */
export function LeftoversPrompt({leftovers, removing, lang = 'en'}: {leftovers: readonly string[]; removing: boolean; lang?: Lang}) {
	return (
		<Box flexDirection="column" borderStyle="round" borderColor={paint('yellow')} paddingX={1}>
			<Text bold color="yellow">{t(lang, UI.leftoversTitle)}</Text>
			<Text wrap="truncate-end">{leftovers.slice(0, 8).join(', ')}{leftovers.length > 8 ? t(lang, UI.leftoversMore, {n: leftovers.length - 8}) : ''}</Text>
			<Text>{t(lang, UI.leftoversWhy)}</Text>
			{removing ? <Text color="yellow">{t(lang, UI.removing)}</Text> : <Text><Text bold>Y</Text>{t(lang, UI.leftoversRemove)}<Text bold>n</Text>{t(lang, UI.leftoversLeave)}<Text bold>q</Text>{t(lang, UI.leftoversQuit)}</Text>}
		</Box>
	);
}
