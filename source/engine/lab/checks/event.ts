import {defineCheck, say} from '../define.js';
import {fieldsOf, Flag, NodeRef, Text, within} from '../fields.js';
import {fail, pass} from '../verdict.js';

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
		if (absent) return seen ? fail(say(context.lang, `${type} seen from ${seen.source}`, `${seen.source} 发出了 ${type}`)) : pass(say(context.lang, `no ${type}`, `没有 ${type}`));
		return seen ? pass(say(context.lang, `${seen.type} from ${seen.source}`, `${seen.source} 发出了 ${seen.type}`)) : fail(say(context.lang, `no ${type} yet`, `还没有 ${type}`));
	},
	script({type, absent}, context) {
		if (absent) return [`echo "  watching ${context.seconds}s: ${type} must not appear"; sleep ${context.seconds}`];
		return [`# expect the sentinel event ${type} (see the sentinels' logs)`];
	},
	inverted: ({absent}) => absent === true,
	nodes: ({from}) => (from === undefined ? [] : [{path: ['from'], ref: from, must: 'sentinel'}]),
});
