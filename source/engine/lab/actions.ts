import {z} from 'zod';
import {cli} from './actions/cli.js';
import {clientStart} from './actions/client-start.js';
import {clientStop} from './actions/client-stop.js';
import {heal} from './actions/heal.js';
import {isolate} from './actions/isolate.js';
import {kill} from './actions/kill.js';
import {logs} from './actions/logs.js';
import {mark} from './actions/mark.js';
import {pause} from './actions/pause.js';
import {restart} from './actions/restart.js';
import {resume} from './actions/resume.js';
import {showConfig} from './actions/show-config.js';
import {start} from './actions/start.js';
import {stop} from './actions/stop.js';
import {write} from './actions/write.js';
import {writeConfig} from './actions/write-config.js';
import type {ActionDefinition} from './define.js';
import {oneKindOf} from './one-kind.js';

/** Every action kind, in the order the authoring guide lists them. Adding a kind: one file in actions/, one entry here. */
export const ACTIONS = [start, stop, kill, pause, resume, restart, isolate, heal, cli, writeConfig, showConfig, write, logs, clientStart, clientStop, mark] as const;

type Definitions = (typeof ACTIONS)[number];
export type ActionKind = Definitions['key'];
type Bodies = {[D in Definitions as D['key']]: z.output<D['schema']>};

/** An action of a step: a one-key map in YAML, e.g. `- stop: master`. */
export type Action = {[K in ActionKind]: {[P in K]: Bodies[P]}}[ActionKind];

const byKey = new Map<string, ActionDefinition<string, z.ZodType>>(ACTIONS.map((definition) => [definition.key, definition as unknown as ActionDefinition<string, z.ZodType>]));

/** The schema of one action item: exactly one known key. */
export const ActionItem = oneKindOf(ACTIONS, 'action') as unknown as z.ZodType<Action>;

/** The kind of an action: its one key, e.g. `stop`. */
export function actionKind(action: Action): ActionKind {
	return Object.keys(action)[0] as ActionKind;
}

/** An action's definition and body. */
export function actionOf(action: Action): {definition: ActionDefinition<string, z.ZodType>; body: unknown} {
	const kind = actionKind(action);
	return {definition: byKey.get(kind)!, body: (action as Record<string, unknown>)[kind]};
}

/** How an action reads to the learner, e.g. `stop master` / `停止 master`. */
export function describeAction(action: Action, lang: 'en' | 'zh' = 'en'): string {
	const {definition, body} = actionOf(action);
	return definition.label(body, lang);
}
