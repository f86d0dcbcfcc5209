import {actionOf} from '../../source/engine/lab/actions/registry.js';
import {checkKind, checkWithin} from '../../source/engine/lab/checks/registry.js';
import {splitCommandLine} from '../../source/engine/base/shell.js';
import type {Action, Check, Lab, Step} from '../../source/engine/lab/format/types.js';

/** Whether an action changes the lab's state (its kind decides; `cli` per command). */
export function actionChangesState(action: Action): boolean {
	const {definition, body} = actionOf(action);
	return typeof definition.changesState === 'function' ? definition.changesState(body) : definition.changesState;
}

const words = (command: string): string => splitCommandLine(command).join(' ').toUpperCase();

/** Commands the step's own `reply` checks send: sending them as an action too tests nothing more. */
function repliedCommands(step: Step): Set<string> {
	const sent = new Set<string>();
	for (const check of step.expect) {
		if (checkKind(check) !== 'reply') continue;
		sent.add(words((check as {reply: {command: string}}).reply.command));
	}
	return sent;
}

/** The actions a mutant of the step drops: those that change state, except a `cli` its reply check sends again. */
export function removableActions(step: Step): Action[] {
	const replied = repliedCommands(step);
	return step.do.filter((action) => {
		if (!actionChangesState(action)) return false;
		const command = (action as {cli?: {command: string}}).cli?.command;
		return command === undefined || !replied.has(words(command));
	});
}

/** A check whose `within` is at most `capMs`. */
export function cappedCheck(check: Check, capMs: number): Check {
	const [kind, body] = Object.entries(check)[0] as [string, object];
	if (checkWithin(check) <= capMs) return check;
	return {[kind]: {...body, within: capMs}} as Check;
}

/** The step without `removed` (same objects as in `step.do`), its checks capped at `capMs`. */
export function without(step: Step, removed: Action[], capMs: number): Step {
	return {...step, id: `${step.id}-mutant`, do: step.do.filter((action) => !removed.includes(action)), expect: step.expect.map((check) => cappedCheck(check, capMs))};
}

/** The step without every state-changing action; undefined when it has none (it only shows things, or waits). */
export function mutantOf(step: Step, capMs: number): Step | undefined {
	const removable = removableActions(step);
	return removable.length === 0 ? undefined : without(step, removable, capMs);
}

/** When a step has several state-changing actions: one mutant without each, alone (every command must matter). */
export function singleMutantsOf(step: Step, capMs: number): Array<{removed: Action; step: Step}> {
	const removable = removableActions(step);
	return removable.length < 2 ? [] : removable.map((removed) => ({removed, step: without(step, [removed], capMs)}));
}

export type LabRuntime = 'local' | 'docker';

/**
 * The runtime the mutation suite runs a lab on (its real steps must pass there, so it is also that
 * lab's full run on that runtime): local, the cheaper one, unless the lab has steps only Docker can
 * run. test/integration/labs.test.ts runs every lab on the other runtime.
 */
export function mutationRuntime(lab: Lab, available: Record<LabRuntime, boolean>): LabRuntime | undefined {
	const can = (runtime: LabRuntime) => lab.runtimes.includes(runtime) && available[runtime];
	const dockerOnlySteps = lab.steps.some((step) => step.runtimes && !step.runtimes.includes('local'));
	if (can('docker') && dockerOnlySteps) return 'docker';
	return can('local') ? 'local' : can('docker') ? 'docker' : undefined;
}
