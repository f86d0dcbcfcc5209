import {z} from 'zod';
import {infoField} from '../../redis/probe/info.js';
import {shellQuote} from '../../base/shell.js';
import {defineCheck, type CheckContext, type Lang} from '../define/define.js';
import {COMPARISON_KEYS, comparisonShape, Flag, fieldsOf, hasBound, list, NodeRef, Text, within} from '../define/fields.js';
import {bounds} from '../define/describe-bounds.js';
import {compare, downDetail, fail, rawOf, readNumber, viewOf, type Verdict} from '../define/verdict.js';
import {t} from '../../../i18n/index.js';

const Info = fieldsOf({node: NodeRef, field: Text, ...comparisonShape, grows: Flag.optional(), ...within})
	.refine((body) => body.grows === true || hasBound(body), `needs one of ${list(COMPARISON_KEYS)}`);
type Body = z.output<typeof Info>;

/** The shell variable holding a field's value before the step's actions. */
const before = (field: string): string => `BEFORE_${field.replace(/\W/g, '_')}`;

function evaluate(body: Body, context: CheckContext): Verdict {
	const {node: ref, field, grows, within: _within, ...comparison} = body;
	const node = context.resolveNode(ref);
	const seen = viewOf(context.session.getState(), node);
	if (seen?.health === 'down') return fail(downDetail(seen, context.lang));
	const raw = rawOf(seen);
	if (!raw) return fail(t(context.lang, {en: `${node} has not answered INFO`, zh: `${node} 还没有回应 INFO`}));
	const value = infoField(raw, field);
	if (grows) {
		const start = context.baseline.get(`${node} ${field}`);
		if (start === undefined) return fail(t(context.lang, {en: 'no starting value', zh: '没有起始值'}));
		if (!(Number(value) > start)) return fail(t(context.lang, {en: `${field} is ${value}, not above ${start} yet`, zh: `${field} 是 ${value}，还没有超过 ${start}`}));
	}
	const verdict = compare(value, comparison, context.lang);
	return {...verdict, detail: `${field} ${verdict.detail}`};
}

function describe(body: Body, lang: Lang): string {
	const zh = lang === 'zh';
	const growth = body.grows ? (zh ? ' 增长' : ' grows') : '';
	const limit = bounds(body, lang);
	return `${body.node}${zh ? ' 上' : ''} ${body.field}${growth}${limit ? ` ${limit}` : ''}`;
}

export const info = defineCheck({
	key: 'info',
	schema: Info,
	summary: 'An INFO field: raw Redis name (connected_slaves, master_link_status), slave0.lag, or for sentinels master0.status. `grows`: larger than when the step started.',
	describe,
	evaluate,
	script({node, field, equals, matches, atLeast, atMost, grows}, context) {
		const test = (condition: string) => `wait_for ${context.label} ${context.seconds} info_is ${context.arg(node)} ${field} ${condition}`;
		const lines: string[] = [];
		if (equals !== undefined) lines.push(test(`eq ${shellQuote(typeof equals === 'boolean' ? (equals ? '1' : '0') : String(equals))}`));
		if (matches !== undefined) lines.push(test(`re ${shellQuote(matches)}`));
		if (atLeast !== undefined) lines.push(test(`ge ${atLeast}`));
		if (atMost !== undefined) lines.push(test(`le ${atMost}`));
		if (grows) lines.push(test(`gt "$${before(field)}"`));
		return lines;
	},
	scriptBefore: ({node, field, grows}, context) => (grows ? [`${before(field)}=$(info_get ${context.arg(node)} ${field})`] : []),
	baseline({node: ref, field, grows}, context) {
		if (!grows) return;
		try {
			const node = context.resolveNode(ref);
			const value = readNumber(context.session.getState(), node, field);
			if (value !== undefined) context.baseline.set(`${node} ${field}`, value);
		} catch {
			// No master agreed yet: the check fails with its own reason.
		}
	},
	nodes: ({node}) => [{path: ['node'], ref: node}],
});
