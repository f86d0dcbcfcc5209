import {defineAction, say} from '../define.js';
import {listOf, NodeRefs} from '../fields.js';
import {nodeUses} from './node-operation.js';

export const start = defineAction({
	key: 'start',
	schema: NodeRefs,
	summary: 'Creates (first time) and starts nodes, waiting until they answer PING.',
	changesState: true,
	label: (refs, lang) => say(lang, `start ${listOf(refs).join(', ')}`, `启动 ${listOf(refs).join('、')}`),
	perform: (refs, context) => context.session.startNodes(listOf(refs).map(context.resolveNode)),
	preview: (refs, context) => listOf(refs).map((ref) => context.shell.create(context.node(ref), context.spec(context.node(ref)))),
	script: (refs, context) => listOf(refs).flatMap((name) => context.start(name)),
	nodes: nodeUses,
});
