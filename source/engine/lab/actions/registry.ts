import {z} from 'zod';
import {cli} from './cli.js';
import {clientStart} from './client-start.js';
import {clientStop} from './client-stop.js';
import {dockerRun} from './docker-run.js';
import {heal} from './heal.js';
import {isolate} from './isolate.js';
import {kill} from './kill.js';
import {logs} from './logs.js';
import {mark} from './mark.js';
import {pause} from './pause.js';
import {restart} from './restart.js';
import {resume} from './resume.js';
import {showConfig} from './show-config.js';
import {start} from './start.js';
import {stop} from './stop.js';
import {write} from './write.js';
import {writeConfig} from './write-config.js';
import type {ActionDefinition} from '../define/define.js';
import {lookup, oneKindOf, type ItemOf} from '../define/one-kind.js';

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
