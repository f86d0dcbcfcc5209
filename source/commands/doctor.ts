import stringWidth from 'string-width';
import {imageFrom} from '../engine/runtime/detect.js';
import {doctorChecks} from '../engine/host/doctor.js';
import type {Check} from '../engine/host/doctor-checks.js';
import {cliMessages as m} from '../i18n/cli.js';
import {t, type Lang} from '../i18n/index.js';
import {runtimeFlags} from './options.js';
import type {CommandAction} from './options.js';
import {paint, print} from './output.js';

const MARK = {ok: [m.doctorOk, 'green'], warn: [m.doctorWarn, 'yellow'], fail: [m.doctorFail, 'red']} as const;

/** Pads to a display width (a Chinese character takes two columns). */
function padTo(text: string, width: number): string {
	return text + ' '.repeat(Math.max(0, width - stringWidth(text)));
}

/** One check as a line: mark, topic, text, and the fix unless ok. */
export function doctorLine(check: Check, lang: Lang): string {
	const [mark, colour] = MARK[check.level];
	const fix = check.fix && check.level !== 'ok' ? ` ${t(lang, m.doctorFix, {fix: check.fix[lang]})}` : '';
	return `${paint(padTo(t(lang, mark), 4), colour)}  ${padTo(check.topic, 14)} ${check.text[lang]}${fix}`;
}

/** The last line: how many checks block a lab, else how many warned. */
export function doctorSummary(checks: Check[], lang: Lang): string {
	const blocking = checks.filter((check) => check.level === 'fail').length;
	const warnings = checks.filter((check) => check.level === 'warn').length;
	if (blocking > 0) return paint(t(lang, m.doctorBlocked, {count: blocking}), 'red');
	return warnings > 0 ? t(lang, m.doctorClearWarnings, {count: warnings}) : t(lang, m.doctorClear);
}

/** Checks that a lab can start here; one line per check. Exit 1 when something blocks a lab, else 0 (warnings included). */
export const doctor: CommandAction = async (_args, options) => {
	const flags = runtimeFlags(options);
	const checks = await doctorChecks({...flags, image: imageFrom(flags.image)});
	for (const check of checks) print(doctorLine(check, options.lang));
	print(doctorSummary(checks, options.lang));
	return checks.some((check) => check.level === 'fail') ? 1 : 0;
};
