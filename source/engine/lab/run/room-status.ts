// What a lab run shows the room: derived from the lab screen's state, never from the transcript or the console.
import {MENU_STATUS, type LabProgressStatus} from '../../room/status.js';
import type {LabSessionState} from './state.js';

/** The room's view of a lab session: lab, step, checks, the last failure, runtime, nodes. */
export function roomStatusOf(state: LabSessionState): LabProgressStatus {
	const run = state.lab;
	if (!run) return MENU_STATUS;
	const step = run.steps[run.current];
	const failed = step?.checks.find((check) => check.status === 'failed');
	const declared = state.nodes.filter((node) => node.health !== 'absent');
	return {
		lab: run.lab.id,
		step: run.current + 1,
		steps: run.steps.length,
		stepId: run.lab.steps[run.current]?.id,
		stepState: run.setup === 'failed' || state.phase === 'failed' ? 'failed' : step?.status ?? 'pending',
		// A step skipped on this runtime counts as passed, checks and all.
		checksPassed: step?.skipped ? step.checks.length : step?.checks.filter((check) => check.status === 'passed').length ?? 0,
		checksTotal: step?.checks.length ?? 0,
		failedCheck: failed?.label ?? (step?.error ? 'running the step' : state.phase === 'failed' ? 'starting the lab' : undefined),
		failReason: failed?.detail ?? step?.error ?? (state.phase === 'failed' ? state.error?.message.en : undefined),
		runtime: state.runtime,
		server: state.runtimeLabel || undefined,
		nodesUp: declared.filter((node) => node.health === 'up').length,
		nodesTotal: declared.length,
		nodesDown: declared.filter((node) => node.health === 'down' || node.health === 'paused').map((node) => node.name),
		finished: run.steps.length > 0 && run.steps.every((entry) => entry.status === 'passed'),
	};
}
