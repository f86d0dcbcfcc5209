import {defineAction, say} from '../define.js';
import {listOf, NodeRefs} from '../fields.js';
import {nodeUses} from './node-operation.js';

export const resume = defineAction({
	key: 'resume',
	schema: NodeRefs,
	summary: 'Wakes paused nodes (SIGCONT / docker unpause).',
	label: (refs, lang) => say(lang, `resume ${listOf(refs).join(', ')}`, `恢复 ${listOf(refs).join('、')}`),
	async perform(refs, context) {
		for (const ref of listOf(refs)) await context.session.resumeNode(context.resolveNode(ref));
	},
	preview: (refs, context) => listOf(refs).map((ref) => context.shell.resume(context.node(ref))),
	script: (refs, context) => listOf(refs).map((ref) => context.shell.resume(context.node(ref))),
	nodes: nodeUses,
});
