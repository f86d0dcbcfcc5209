import {defineAction} from '../define/define.js';
import {NodeRef} from '../define/fields.js';
import {t} from '../../../i18n/index.js';

export const isolate = defineAction({
	key: 'isolate',
	schema: NodeRef,
	summary: 'Cuts a node off the lab network (docker only). Cutting the master off marks the fault time.',
	changesState: true,
	label: (ref, lang) => t(lang, {en: `cut ${ref} off the network`, zh: `把 ${ref} 从网络断开`}),
	async perform(ref, context) {
		const node = context.resolveNode(ref);
		if (node === context.session.currentMaster()) context.session.markFault();
		await context.session.isolateNode(node);
	},
	preview: (ref, context) => [context.shell.isolate(context.node(ref))],
	script: (ref, context) => [context.shell.isolate(context.node(ref))],
	dockerOnly: true,
	nodes: (ref) => [{path: [], ref}],
});
