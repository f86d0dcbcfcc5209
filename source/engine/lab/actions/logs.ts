import {z} from 'zod';
import {shellQuote} from '../../base/shell.js';
import {defineAction, type ActionContext} from '../define/define.js';
import {fieldsOf, NodeRef, Pattern, WholeAboveZero} from '../define/fields.js';
import {t} from '../../../i18n/index.js';

const DEFAULT_LINES = 40;

const Logs = fieldsOf({node: NodeRef, lines: WholeAboveZero.optional(), grep: Pattern.optional()});
type Body = z.output<typeof Logs>;

async function perform({node: ref, lines = DEFAULT_LINES, grep}: Body, context: ActionContext): Promise<void> {
	const {session} = context;
	const node = context.resolveNode(ref);
	const base = context.shell.logs(node, {tail: lines});
	session.record('command', grep ? `${base} | grep -E ${shellQuote(grep)}` : base, {node});
	session.followLogs(node);
	const text = session.runtime.tailLogs ? await session.runtime.tailLogs(node, 500) : '';
	const pattern = grep ? new RegExp(grep) : undefined;
	const selected = text.split('\n').filter((line) => !pattern || pattern.test(line)).slice(-lines);
	session.record('output', selected.join('\n') || '(no matching lines)', {node});
}

export const logs = defineAction({
	key: 'logs',
	schema: Logs,
	summary: 'Shows the last lines of a node\'s log (default 40), optionally only those matching `grep`.',
	changesState: false,
	label: ({node, grep}, lang) => t(lang, {en: `${node}'s log${grep ? ` lines matching /${grep}/` : ''}`, zh: `${node} 的日志${grep ? `中匹配 /${grep}/ 的行` : ''}`}),
	perform,
	preview({node, lines = DEFAULT_LINES, grep}, context) {
		const base = context.shell.logs(context.node(node), {tail: lines});
		return [grep ? `${base} | grep -E ${shellQuote(grep)}` : base];
	},
	script({node, lines = DEFAULT_LINES, grep}, context) {
		const base = context.shell.logs(context.node(node), {tail: lines});
		return [grep ? `${base} | grep -E ${shellQuote(grep)} || true` : base];
	},
	nodes: ({node}) => [{path: ['node'], ref: node}],
});
