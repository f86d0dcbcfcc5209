import {defineAction} from '../define/define.js';
import {NodeRef} from '../define/fields.js';
import {t} from '../../../i18n/index.js';

export const showConfig = defineAction({
	key: 'show-config',
	schema: NodeRef,
	summary: 'Prints the node\'s config file.',
	changesState: false,
	label: (ref, lang) => t(lang, {en: `show ${ref}'s config file`, zh: `查看 ${ref} 的配置文件`}),
	async perform(ref, context) {
		await context.session.showConfig(context.resolveNode(ref));
	},
	preview: (ref, context) => [context.shell.showConfig(context.node(ref))],
	script: (ref, context) => context.showConfig(ref),
	nodes: (ref) => [{path: [], ref}],
});
