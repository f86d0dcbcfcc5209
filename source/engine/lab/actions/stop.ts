import {defineAction, say} from '../define.js';
import {listOf, NodeRefs} from '../fields.js';
import {nodeUses, stopNodes} from './node-operation.js';

export const stop = defineAction({
	key: 'stop',
	schema: NodeRefs,
	summary: 'Shuts nodes down gracefully (SHUTDOWN / docker stop). Stopping the master marks the fault time.',
	label: (refs, lang) => say(lang, `stop ${listOf(refs).join(', ')}`, `停止 ${listOf(refs).join('、')}`),
	perform: (refs, context) => stopNodes(listOf(refs), 'shutdown', context),
	preview: (refs, context) => listOf(refs).map((ref) => context.shell.stop(context.node(ref))),
	script: (refs, context) => listOf(refs).map((ref) => context.shell.stop(context.node(ref))),
	nodes: nodeUses,
});
