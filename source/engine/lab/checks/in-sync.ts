import {defineCheck} from '../define/define.js';
import {fieldsOf, NodeRef, within} from '../define/fields.js';
import {fail, pass, viewOf} from '../define/verdict.js';
import {t} from '../../../i18n/index.js';

export const inSync = defineCheck({
	key: 'in-sync',
	schema: fieldsOf({master: NodeRef, ...within}),
	summary: 'Every replica of `master` has processed the master\'s whole stream (slave_repl_offset = master_repl_offset).',
	describe: ({master}, lang) => t(lang, {en: `every replica of ${master} has its whole stream`, zh: `${master} 的每个 replica 都已追上复制流`}),
	evaluate({master: ref}, context) {
		const state = context.session.getState();
		const master = context.resolveNode(ref);
		const offset = viewOf(state, master)?.replication?.masterReplOffset;
		if (offset === undefined) return fail(t(context.lang, {en: `${master} has not answered INFO`, zh: `${master} 还没有回应 INFO`}));
		const replicas = state.nodes.filter((node) => node.replication?.role === 'slave' && node.health === 'up' && (node.names[`${node.replication.masterHost}:${node.replication.masterPort}`] === master));
		if (replicas.length === 0) return fail(t(context.lang, {en: `${master} has no replica`, zh: `${master} 没有 replica`}));
		const behind = replicas.filter((node) => node.replication?.slaveReplOffset !== offset);
		if (behind.length > 0) return fail(`master_repl_offset ${offset}; ${behind.map((node) => `${node.name} at ${node.replication?.slaveReplOffset}`).join(', ')}`);
		return pass(t(context.lang, {en: `${replicas.map((node) => node.name).join(' and ')} at ${offset}`, zh: `${replicas.map((node) => node.name).join('、')} 的偏移量为 ${offset}`}));
	},
	script: ({master}, context) => [`wait_for ${context.label} ${context.seconds} in_sync ${context.arg(master)}`],
	nodes: ({master}) => [{path: ['master'], ref: master, must: 'server'}],
});
