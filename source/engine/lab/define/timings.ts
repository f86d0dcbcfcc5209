import {DEFAULT_DOWN_AFTER_MS, DEFAULT_FAILOVER_TIMEOUT_MS} from '../../topology/topology.js';
import {RedisLabError} from '../../base/errors.js';

/** The sentinel settings a lab's text and `within` may name, in milliseconds (quorum: a count). */
export interface Timings {
	'down-after': number;
	'failover-timeout': number;
	quorum: number;
}

export const DEFAULT_TIMINGS: Timings = {'down-after': DEFAULT_DOWN_AFTER_MS, 'failover-timeout': DEFAULT_FAILOVER_TIMEOUT_MS, quorum: 2};

/** Names a `within` expression may use: `down-after + 20s`. */
export const TIMING_NAMES = ['down-after', 'failover-timeout'] as const;

/** `{{sentinel.down-after}}` (ms), `{{sentinel.down-after-s}}` (seconds), `{{sentinel.failover-timeout}}`, `{{sentinel.quorum}}`. */
export const TEXT_TEMPLATE = /\{\{\s*sentinel\.([\w-]+)\s*\}\}/g;
export const TEXT_TEMPLATE_NAMES = ['down-after', 'down-after-s', 'failover-timeout', 'failover-timeout-s', 'quorum'] as const;

/** The value of one text template, or undefined for an unknown name. */
export function timingText(name: string, timings: Timings): string | undefined {
	if (name === 'quorum') return String(timings.quorum);
	const seconds = name.endsWith('-s');
	const base = (seconds ? name.slice(0, -2) : name) as keyof Timings;
	if (base !== 'down-after' && base !== 'failover-timeout') return undefined;
	const ms = timings[base];
	return seconds ? String(Number((ms / 1000).toFixed(3))) : String(ms);
}

/** Fills `{{sentinel.*}}` templates in narrative text; unknown names are left as written. */
export function fillTimings(text: string, timings: Timings): string {
	return text.replace(TEXT_TEMPLATE, (whole, name: string) => timingText(name, timings) ?? whole);
}

const UNIT = /^(\d+(?:\.\d+)?)\s*(ms|s|m)$/;
const TERM = /^(?:(\d+(?:\.\d+)?)\s*\*\s*)?([a-z-]+|\d+(?:\.\d+)?\s*(?:ms|s|m))$/;

/** Milliseconds of one term: `20s`, `down-after`, `2 * down-after`. */
const HOW = `use 500ms, 10s, 2m, or the sentinel settings ${TIMING_NAMES.join(', ')} like down-after + 20s`;

function term(text: string, whole: string, timings: Timings): number {
	const match = TERM.exec(text.trim());
	if (!match) throw new RedisLabError('LAB_FILE', `bad duration "${whole}" (${HOW})`);
	const factor = match[1] === undefined ? 1 : Number(match[1]);
	const unit = UNIT.exec(match[2]!);
	if (unit) {
		const amount = Number(unit[1]);
		return factor * (unit[2] === 'ms' ? amount : unit[2] === 's' ? amount * 1000 : amount * 60_000);
	}
	if (!(TIMING_NAMES as readonly string[]).includes(match[2]!)) throw new RedisLabError('LAB_FILE', `bad duration "${whole}" (${HOW})`);
	return factor * timings[match[2] as 'down-after' | 'failover-timeout'];
}

/** Milliseconds of a duration expression: terms joined by `+`, e.g. `down-after + 20s`, `2 * down-after + 5s`. */
export function durationExpression(text: string, timings: Timings = DEFAULT_TIMINGS): number {
	return Math.round(text.split('+').reduce((sum, part) => sum + term(part, text.trim(), timings), 0));
}
