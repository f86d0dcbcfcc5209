import {defineAction} from '../define/define.js';
import {Directives, fieldsOf, NodeRef} from '../define/fields.js';
import {t} from '../../../i18n/index.js';

const directives = (set: Record<string, string | number>): string => Object.entries(set).map(([key, value]) => `${key} ${value}`).join(', ');

export const writeConfig = defineAction({
	key: 'write-config',
	schema: fieldsOf({node: NodeRef, set: Directives}),
	summary: 'Merges directives into the node\'s config file (applied at its next start).',
	changesState: true,
	label: ({node, set}, lang) => t(lang, {en: `set ${directives(set)} in ${node}'s config file`, zh: `在 ${node} 的配置文件中设置 ${directives(set)}`}),
	async perform({node, set}, context) {
		await context.session.writeConfig(context.resolveNode(node), set);
	},
	preview: ({node, set}, context) => [`# set ${directives(set)} in ${context.node(node)}'s config file`],
	script: ({node, set}, context) => context.writeConfig(node, set),
	nodes: ({node}) => [{path: ['node'], ref: node}],
});
