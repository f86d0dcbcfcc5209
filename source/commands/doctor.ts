import {imageFrom} from '../engine/runtime/detect.js';
import {doctorChecks} from '../engine/room/doctor.js';
import type {Check} from '../engine/room/doctor-checks.js';
import {runtimeFlags} from './options.js';
import type {CommandAction} from './program.js';
import {paint, print} from './output.js';

const MARK = {ok: ['ok', 'green'], warn: ['warn', 'yellow'], fail: ['FAIL', 'red']} as const;

function line(check: Check): string {
	const [word, colour] = MARK[check.level];
	return `${paint(word.padEnd(4), colour)}  ${check.topic.padEnd(14)} ${check.text}${check.fix && check.level !== 'ok' ? ` -> fix: ${check.fix}` : ''}`;
}

/** Checks that a lab can start here; one line per check. Exit 1 when something blocks a lab, else 0 (warnings included). */
export const doctor: CommandAction = async (_args, options) => {
	const flags = runtimeFlags(options);
	const checks = await doctorChecks({...flags, image: imageFrom(flags.image)});
	for (const check of checks) print(line(check));
	const blocking = checks.filter((check) => check.level === 'fail').length;
	const warnings = checks.filter((check) => check.level === 'warn').length;
	print(blocking > 0
		? paint(`${blocking} problem${blocking === 1 ? '' : 's'} block${blocking === 1 ? 's' : ''} a lab here.`, 'red')
		: `Nothing blocks a lab here${warnings > 0 ? ` (${warnings} warning${warnings === 1 ? '' : 's'})` : ''}.`);
	return blocking > 0 ? 1 : 0;
};
