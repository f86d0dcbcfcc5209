import {z} from 'zod';
import {defineCheck} from '../define/define.js';
import {fieldsOf, NodeRef, within} from '../define/fields.js';
import {roleOf, viewOf} from '../define/verdict.js';
import {t} from '../../../i18n/index.js';

const ROLES = ['master', 'slave', 'sentinel', 'down'] as const;

export const role = defineCheck({
	key: 'role',
	schema: fieldsOf({node: NodeRef, is: z.enum(ROLES, {error: (issue) => (issue.input === undefined ? 'required' : 'must be master, slave, sentinel or down')}), ...within}),
	summary: 'The node\'s role: master, slave, sentinel or down.',
	describe: ({node, is}, lang) => t(lang, {en: `${node} role is ${is}`, zh: `${node} 的角色是 ${is}`}),
	evaluate({node: ref, is}, context) {
		const node = context.resolveNode(ref);
		const seen = roleOf(viewOf(context.session.getState(), node));
		return {ok: seen === is, detail: t(context.lang, {en: `${node} is ${seen}`, zh: `${node} 是 ${seen}`})};
	},
	script: ({node, is}, context) => [`wait_for ${context.label} ${context.seconds} role_is ${context.arg(node)} ${is}`],
	nodes: ({node}) => [{path: ['node'], ref: node}],
});
