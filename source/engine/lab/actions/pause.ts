import {defineAction, say} from '../define.js';
import {listOf, NodeRefs} from '../fields.js';
import {nodeUses} from './node-operation.js';

export const pause = defineAction({
	key: 'pause',
	schema: NodeRefs,
	summary: 'Freezes nodes (SIGSTOP / docker pause): alive but silent.',
	label: (refs, lang) => say(lang, `pause ${listOf(refs).join(', ')}`, `暂停 ${listOf(refs).join('、')}`),
	async perform(refs, context) {
		for (const ref of listOf(refs)) await context.session.pauseNode(context.resolveNode(ref));
	},
	preview: (refs, context) => listOf(refs).map((ref) => context.shell.pause(context.node(ref))),
	script: (refs, context) => listOf(refs).map((ref) => context.shell.pause(context.node(ref))),
	nodes: nodeUses,
});
