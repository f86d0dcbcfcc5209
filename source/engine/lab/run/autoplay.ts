import {messageOf} from '../../base/errors.js';
import type {LabSession} from './lab-session.js';
import type {AutoplayState} from './state.js';
import {realClock, type Clock} from '../../base/wait.js';

export type Pace = 'slow' | 'normal' | 'fast';

/** Human-like timings: a keystroke, a pause to read before acting, a hold to read the result. */
export const PACES: Record<Pace, {keyMs: number; readMsPerChar: number; readMinMs: number; holdMs: number}> = {
	slow: {keyMs: 70, readMsPerChar: 30, readMinMs: 2500, holdMs: 4000},
	normal: {keyMs: 40, readMsPerChar: 15, readMinMs: 1500, holdMs: 2500},
	fast: {keyMs: 8, readMsPerChar: 2, readMinMs: 300, holdMs: 600},
};

export function parsePace(value: string): Pace | undefined {
	return value === 'slow' || value === 'normal' || value === 'fast' ? value : undefined;
}

/**
 * Walks a lab by itself from the current step: reads (waits in proportion to the step's text),
 * types each command into `state.lab.autoplay.typing` one character at a time, runs it, waits on
 * the step's checks (never a fixed sleep for state), holds the result, moves on. Stops at the
 * first failed step. Resolves true when every step passed.
 */
export async function autoplay(lab: LabSession, options: {pace?: Pace; clock?: Clock; lang?: 'en' | 'zh'; signal?: AbortSignal} = {}): Promise<boolean> {
	const pace = PACES[options.pace ?? 'normal'];
	const clock = options.clock ?? realClock;
	const set = (autoplay: AutoplayState | undefined) => lab.runner.patch((run) => ({...run, autoplay}));
	const sleep = (ms: number) => clock.sleep(ms, options.signal);
	set({status: 'playing'});
	try {
		const steps = lab.runner.lab.steps;
		for (let index = lab.runner.current; index < steps.length; index++) {
			lab.runner.stopWatching();
			lab.runner.goTo(index);
			const step = steps[index]!;
			const text = step.text[options.lang ?? 'en'] ?? step.text.en;
			await sleep(Math.max(pace.readMinMs, text.length * pace.readMsPerChar));
			const passed = await lab.runner.runStep(index, {
				beforeAction: async (commands) => {
					for (const command of commands) {
						for (let typed = 1; typed <= command.length; typed++) {
							set({status: 'playing', typing: command.slice(0, typed)});
							await sleep(pace.keyMs);
						}
						await sleep(pace.keyMs * 4);
					}
					set({status: 'playing'});
				},
			});
			if (!passed) {
				const failed = lab.runner.getState().steps[index]?.checks.filter((check) => check.status === 'failed').map((check) => `${check.label}${check.detail ? ` (${check.detail})` : ''}`);
				const error = lab.runner.getState().steps[index]?.error;
				set({status: 'failed', reason: `Step ${index + 1}: ${error ?? failed?.join('; ') ?? 'a check failed'}`});
				return false;
			}
			await sleep(pace.holdMs);
		}
		set({status: 'passed'});
		return true;
	} catch (error) {
		set({status: 'failed', reason: messageOf(error)});
		return false;
	}
}
