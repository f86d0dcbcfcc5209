import {defineAction} from '../define/define.js';
import {listOf, NodeRefs} from '../define/fields.js';
import {nodeUses} from './node-operation.js';
import {t} from '../../../i18n/index.js';

export const start = defineAction({
	key: 'start',
	schema: NodeRefs,
	summary: 'Creates (first time) and starts nodes, waiting until they answer PING.',
	changesState: true,
	label: (refs, lang) => t(lang, {en: `start ${listOf(refs).join(', ')}`, zh: `启动 ${listOf(refs).join('、')}`}),
	perform: (refs, context) => context.session.startNodes(listOf(refs).map(context.resolveNode)),
	preview: (refs, context) => listOf(refs).map((ref) => context.shell.create(context.node(ref), context.spec(context.node(ref)))),
	script: (refs, context) => listOf(refs).flatMap((name) => context.start(name)),
	nodes: nodeUses,
});
