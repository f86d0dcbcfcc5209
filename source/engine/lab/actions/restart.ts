import {defineAction, say} from '../define.js';
import {listOf, NodeRefs} from '../fields.js';
import {nodeUses} from './node-operation.js';

export const restart = defineAction({
	key: 'restart',
	schema: NodeRefs,
	summary: 'Shuts nodes down and starts them again (they read their config file anew).',
	label: (refs, lang) => say(lang, `restart ${listOf(refs).join(', ')}`, `重启 ${listOf(refs).join('、')}`),
	async perform(refs, context) {
		for (const ref of listOf(refs)) await context.session.restartNode(context.resolveNode(ref));
	},
	preview: (refs, context) => listOf(refs).map((ref) => context.shell.restart(context.node(ref))),
	script: (refs, context) => listOf(refs).map((ref) => context.shell.restart(context.node(ref))),
	nodes: nodeUses,
});
