import {defineAction, say} from '../define.js';
import {listOf, NodeRefs} from '../fields.js';
import {nodeUses, stopNodes} from './node-operation.js';

export const kill = defineAction({
	key: 'kill',
	schema: NodeRefs,
	summary: 'Kills nodes at once (SIGKILL / docker kill). Killing the master marks the fault time.',
	label: (refs, lang) => say(lang, `kill ${listOf(refs).join(', ')}`, `强行终止 ${listOf(refs).join('、')}`),
	perform: (refs, context) => stopNodes(listOf(refs), 'kill', context),
	preview: (refs, context) => listOf(refs).map((ref) => context.shell.kill(context.node(ref))),
	script: (refs, context) => listOf(refs).map((ref) => context.shell.kill(context.node(ref))),
	nodes: nodeUses,
});
