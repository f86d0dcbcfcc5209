import {defineCheck} from '../define/define.js';
import {fieldsOf, NodeRef, within} from '../define/fields.js';
import {fail, pass} from '../define/verdict.js';
import {t} from '../../../i18n/index.js';

const SentinelMaster = fieldsOf({is: NodeRef.optional(), not: NodeRef.optional(), ...within})
	.refine((body) => body.is !== undefined || body.not !== undefined, 'needs is or not');

export const sentinelMaster = defineCheck({
	key: 'sentinel-master',
	schema: SentinelMaster,
	summary: 'Every running sentinel reports this node as master (`not`: any node but this one).',
	describe({is, not}, lang) {
		if (is !== undefined) return t(lang, {en: `sentinels report ${is} as master`, zh: `哨兵报告的 master 是 ${is}`});
		return t(lang, {en: `sentinels report a master other than ${not}`, zh: `哨兵报告的 master 不是 ${not}`});
	},
	evaluate(body, context) {
		const {session} = context;
		const sentinels = session.getState().nodes.filter((node) => node.kind === 'sentinel' && node.health === 'up' && node.sentinel?.masters[0]);
		if (sentinels.length === 0) return fail(t(context.lang, {en: 'no sentinel answers', zh: '没有哨兵应答'}));
		const reported = sentinels.map((node) => {
			const master = node.sentinel!.masters[0]!;
			return session.runtime.resolve(master.host, master.port) ?? `${master.host}:${master.port}`;
		});
		const distinct = [...new Set(reported)];
		if (distinct.length > 1) {
			const each = sentinels.map((node, index) => t(context.lang, {en: `${node.name} says ${reported[index]}`, zh: `${node.name} 说是 ${reported[index]}`}));
			return fail(t(context.lang, {en: `sentinels disagree: ${each.join(', ')}`, zh: `哨兵意见不一：${each.join('，')}`}));
		}
		const master = distinct[0]!;
		const is = body.is ? context.resolveNode(body.is) : undefined;
		if (is !== undefined && master !== is) return fail(t(context.lang, {en: `sentinels report ${master}`, zh: `哨兵报告 ${master}`}));
		if (body.not !== undefined && master === body.not) return fail(t(context.lang, {en: `sentinels still report ${master}`, zh: `哨兵仍报告 ${master}`}));
		return pass(t(context.lang, {en: `sentinels report ${master}`, zh: `哨兵报告 ${master}`}));
	},
	script: ({is, not}, context) => [is ? `wait_for ${context.label} ${context.seconds} sentinel_master_is ${is}` : `wait_for ${context.label} ${context.seconds} sentinel_master_not ${not}`],
	nodes: ({is, not}) => [...(is === undefined ? [] : [{path: ['is'], ref: is, must: 'server' as const}]), ...(not === undefined ? [] : [{path: ['not'], ref: not, must: 'server' as const}])],
});
