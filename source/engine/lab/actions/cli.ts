import {splitCommandLine} from '../../shell.js';
import {defineAction, say} from '../define.js';
import {fieldsOf, NodeRef, Text} from '../fields.js';

export const cli = defineAction({
	key: 'cli',
	schema: fieldsOf({node: NodeRef, command: Text}),
	summary: 'Runs redis-cli next to the node. {{replica1.host}} / {{replica1.port}} expand to the address nodes use for each other.',
	label: ({node, command}, lang) => say(lang, `${node}: ${command}`, `在 ${node} 上执行 ${command}`),
	async perform({node, command}, context) {
		await context.session.cli(context.resolveNode(node), splitCommandLine(context.expand(command)));
	},
	preview: ({node, command}, context) => [context.shell.cli(context.node(node), splitCommandLine(context.expand(command)))],
	script: ({node, command}, context) => [`cli_${context.node(node)} ${context.words(command).join(' ')}`],
	nodes: ({node}) => [{path: ['node'], ref: node}],
	templates: ({command}) => [{path: ['command'], text: command}],
});
