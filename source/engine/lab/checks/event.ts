import {defineCheck} from '../define/define.js';
import {fieldsOf, Flag, NodeRef, Text, within} from '../define/fields.js';
import {fail, pass} from '../define/verdict.js';
import {t} from '../../../i18n/index.js';

const EVENT_TYPE = /^[+-][a-z-]+$/;

const Event = fieldsOf({
	type: Text.regex(EVENT_TYPE, {error: (issue) => `not a sentinel event type: "${String(issue.input)}" (e.g. +switch-master, -sdown)`}),
	from: NodeRef.optional(),
	absent: Flag.optional(),
	...within,
});

export const event = defineCheck({
	key: 'event',
	schema: Event,
	summary: 'A sentinel event seen since the step started (`from` one sentinel); `absent: true`: not seen within the time.',
	describe({type, from, absent}, lang) {
		if (lang === 'zh') return `${absent ? '没有' : '收到'}事件 ${type}${from ? `（来自 ${from}）` : ''}`;
		const source = from ? ` from ${from}` : '';
		return absent ? `no event ${type}${source}` : `event ${type}${source} seen`;
	},
	evaluate({type, from: ref, absent}, context) {
		const from = ref ? context.resolveNode(ref) : undefined;
		const seen = context.session.getState().events.find((event) => event.receivedAt >= context.since && event.type === type && (!from || event.source === from));
		if (absent) return seen ? fail(t(context.lang, {en: `${type} seen from ${seen.source}`, zh: `${seen.source} 发出了 ${type}`})) : pass(t(context.lang, {en: `no ${type}`, zh: `没有 ${type}`}));
		return seen ? pass(t(context.lang, {en: `${seen.type} from ${seen.source}`, zh: `${seen.source} 发出了 ${seen.type}`})) : fail(t(context.lang, {en: `no ${type} yet`, zh: `还没有 ${type}`}));
	},
	script({type, absent}, context) {
		if (absent) return [`echo "  watching ${context.seconds}s: ${type} must not appear"; sleep ${context.seconds}`];
		return [`# expect the sentinel event ${type} (see the sentinels' logs)`];
	},
	inverted: ({absent}) => absent === true,
	nodes: ({from}) => (from === undefined ? [] : [{path: ['from'], ref: from, must: 'sentinel'}]),
});
