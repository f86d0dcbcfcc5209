import {defineAction} from '../define/define.js';
import {Text} from '../define/fields.js';
import {t} from '../../../i18n/index.js';

export const mark = defineAction({
	key: 'mark',
	schema: Text,
	summary: 'Marks "now" as the fault time for the event timeline (kill/stop/isolate of a master mark it too).',
	changesState: false,
	label: (name, lang) => t(lang, {en: `mark the fault time (${name})`, zh: `标记故障时刻（${name}）`}),
	perform: async (_name, context) => context.session.markFault(),
	preview: () => [],
	script: () => [],
});
