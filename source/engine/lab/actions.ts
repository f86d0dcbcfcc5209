import {z} from 'zod';
import {cli} from './actions/cli.js';
import {clientStart} from './actions/client-start.js';
import {clientStop} from './actions/client-stop.js';
import {dockerRun} from './actions/docker-run.js';
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
import {lookup, oneKindOf, type ItemOf} from './one-kind.js';

/** Every action kind, in the order the authoring guide lists them. Adding a kind: one file in actions/, one entry here. */
export const ACTIONS = [start, stop, kill, pause, resume, restart, isolate, heal, cli, writeConfig, showConfig, write, logs, clientStart, clientStop, mark, dockerRun] as const;

export type ActionKind = (typeof ACTIONS)[number]['key'];

/** An action of a step: a one-key map in YAML, e.g. `- stop: master`. */
export type Action = ItemOf<(typeof ACTIONS)[number]>;

/** The schema of one action item: exactly one known key. */
export const ActionItem = oneKindOf(ACTIONS, 'action') as unknown as z.ZodType<Action>;

/** The kind of an action: its one key, e.g. `stop`. */
export const actionKind = (action: Action): ActionKind => Object.keys(action)[0] as ActionKind;

/** An action's definition and body. */
export const actionOf: (action: Action) => {definition: ActionDefinition; body: unknown} = lookup<ActionDefinition>(ACTIONS);

/** How an action reads to the learner, e.g. `stop master` / `停止 master`. */
export function describeAction(action: Action, lang: 'en' | 'zh' = 'en'): string {
	const {definition, body} = actionOf(action);
	return definition.label(body, lang);
}
