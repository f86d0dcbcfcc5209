import {defineAction, say} from '../define.js';
import {Text} from '../fields.js';

export const mark = defineAction({
	key: 'mark',
	schema: Text,
	summary: 'Marks "now" as the fault time for the event timeline (kill/stop/isolate of a master mark it too).',
	changesState: false,
	label: (name, lang) => say(lang, `mark the fault time (${name})`, `标记故障时刻（${name}）`),
	perform: async (_name, context) => context.session.markFault(),
	preview: () => [],
	script: () => [],
});
