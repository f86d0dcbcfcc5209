import {z} from 'zod';
import {defineCheck, say} from '../define.js';
import {fieldsOf, NodeRef, within} from '../fields.js';
import {roleOf, viewOf} from '../verdict.js';

const ROLES = ['master', 'slave', 'sentinel', 'down'] as const;

export const role = defineCheck({
	key: 'role',
	schema: fieldsOf({node: NodeRef, is: z.enum(ROLES, {error: (issue) => (issue.input === undefined ? 'required' : 'must be master, slave, sentinel or down')}), ...within}),
	summary: 'The node\'s role: master, slave, sentinel or down.',
	describe: ({node, is}, lang) => say(lang, `${node} role is ${is}`, `${node} 的角色是 ${is}`),
	evaluate({node: ref, is}, context) {
		const node = context.resolveNode(ref);
		const seen = roleOf(viewOf(context.session.getState(), node));
		return {ok: seen === is, detail: say(context.lang, `${node} is ${seen}`, `${node} 是 ${seen}`)};
	},
	script: ({node, is}, context) => [`wait_for ${context.label} ${context.seconds} role_is ${context.arg(node)} ${is}`],
	nodes: ({node}) => [{path: ['node'], ref: node}],
});
