import {defineAction} from '../define/define.js';
import {NodeRef} from '../define/fields.js';
import {t} from '../../../i18n/index.js';

export const heal = defineAction({
	key: 'heal',
	schema: NodeRef,
	summary: 'Connects an isolated node to the lab network again (docker only).',
	changesState: true,
	label: (ref, lang) => t(lang, {en: `reconnect ${ref} to the network`, zh: `把 ${ref} 重新接入网络`}),
	perform: (ref, context) => context.session.healNode(context.resolveNode(ref)),
	preview: (ref, context) => [context.shell.heal(context.node(ref))],
	script: (ref, context) => [context.shell.heal(context.node(ref))],
	dockerOnly: true,
	nodes: (ref) => [{path: [], ref}],
});
