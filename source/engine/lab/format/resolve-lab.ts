import {checkOf} from '../checks/registry.js';
import {labNodeSpecs, type RunnerOptions} from './node-specs.js';
import {DEFAULT_TIMINGS, fillTimings, type Timings} from '../define/timings.js';
import {parseDuration} from '../define/fields.js';
import type {Check, Lab, Text} from './types.js';

/** The sentinel settings a lab runs with: its first sentinel's, after `--down-after`. */
export function labTimings(lab: Pick<Lab, 'nodes'>, options: RunnerOptions = {}): Timings {
	const sentinel = labNodeSpecs(lab, options).find((spec) => spec.monitor);
	if (!sentinel?.monitor) return DEFAULT_TIMINGS;
	return {'down-after': sentinel.monitor.downAfterMs, 'failover-timeout': sentinel.monitor.failoverTimeoutMs, quorum: sentinel.monitor.quorum};
}

const fillText = (text: Text, timings: Timings): Text => ({en: fillTimings(text.en, timings), ...(text.zh === undefined ? {} : {zh: fillTimings(text.zh, timings)})});
const fillOptional = (text: Text | undefined, timings: Timings): Text | undefined => (text ? fillText(text, timings) : undefined);

/** A check with `within` turned into milliseconds for these settings (`down-after + 20s`). */
function resolveCheck(check: Check, timings: Timings): Check {
	const {definition, body} = checkOf(check);
	if (typeof body.within !== 'string') return check;
	return {[definition.key]: {...body, within: parseDuration(body.within, timings)}} as Check;
}

/**
 * The lab as it runs with these options: `{{sentinel.down-after}}` and the like filled in every
 * text a learner reads, and `within` expressions in milliseconds. Shown and run from this copy.
 */
export function resolveLab<L extends Lab>(lab: L, options: RunnerOptions = {}): L {
	const timings = labTimings(lab, options);
	return {
		...lab,
		title: fillText(lab.title, timings),
		summary: fillText(lab.summary, timings),
		setup: lab.setup?.map((block) => ({...block, expect: block.expect?.map((check) => resolveCheck(check, timings))})),
		steps: lab.steps.map((step) => ({
			...step,
			title: fillText(step.title, timings),
			text: fillText(step.text, timings),
			note: fillOptional(step.note, timings),
			hint: fillOptional(step.hint, timings),
			expect: step.expect.map((check) => resolveCheck(check, timings)),
		})),
	};
}
