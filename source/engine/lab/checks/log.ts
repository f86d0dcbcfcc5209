import {z} from 'zod';
import {defineCheck, type CheckContext} from '../define/define.js';
import {fieldsOf, NodeRef, Pattern, within} from '../define/fields.js';
import {fail, firstLine, pass, type Verdict} from '../define/verdict.js';
import {t} from '../../../i18n/index.js';

/** Lines of a log read at a time: enough for a lab's run. */
const LOG_LINES = 5000;

const Log = fieldsOf({
	node: NodeRef,
	matches: Pattern,
	since: z.enum(['step', 'lab'], {error: 'must be step or lab'}).optional().meta({description: 'step (default): lines written since the step began; lab: the whole log'}),
	...within,
});
type Body = z.output<typeof Log>;

/** The log as it was when each step began, per check. */
const starts = new WeakMap<CheckContext, Map<Body, Promise<string[]>>>();

async function readLog(context: CheckContext, ref: string): Promise<string[]> {
	const {runtime} = context.session;
	if (!runtime.tailLogs) return [];
	const text = await runtime.tailLogs(context.resolveNode(ref), LOG_LINES);
	return text.split('\n').filter((line) => line.trim() !== '');
}

/** The lines of `now` written after `before` was read (all of them when `before` is not found). */
export function linesAfter(now: string[], before: string[]): string[] {
	const last = before.at(-1);
	if (last === undefined) return now;
	const index = now.lastIndexOf(last);
	return index === -1 ? now : now.slice(index + 1);
}

async function evaluate(body: Body, context: CheckContext): Promise<Verdict> {
	if (!context.session.runtime.tailLogs) return fail(t(context.lang, {en: 'this runtime cannot read logs', zh: '此运行时无法读取日志'}));
	const now = await readLog(context, body.node);
	const start = body.since === 'lab' ? undefined : starts.get(context)?.get(body);
	const lines = start ? linesAfter(now, await start) : now;
	const pattern = new RegExp(body.matches);
	const found = lines.find((line) => pattern.test(line));
	if (found) return pass(firstLine(found.trim()));
	return fail(t(context.lang, {en: `no line matches /${body.matches}/ in ${lines.length} new line(s)`, zh: `${lines.length} 行新日志中没有匹配 /${body.matches}/ 的行`}));
}

export const log = defineCheck({
	key: 'log',
	schema: Log,
	summary: 'A line of the node\'s log matches `matches` (a regular expression): among lines written since the step began, or in the whole log with `since: lab`.',
	describe: ({node, matches, since}, lang) => t(lang, {en: `${node}'s log${since === 'lab' ? '' : ' (this step)'} has /${matches}/`, zh: `${node} 的日志${since === 'lab' ? '' : '（本步骤内）'}出现 /${matches}/`}),
	evaluate,
	baseline(body, context) {
		if (body.since === 'lab') return;
		const map = starts.get(context) ?? new Map<Body, Promise<string[]>>();
		starts.set(context, map);
		map.set(body, readLog(context, body.node).catch(() => [])); // no log yet: every line is new
	},
	script: ({node, matches}, context) => [`wait_for ${context.label} ${context.seconds} log_has ${context.arg(node)} ${context.word(matches)}`],
	nodes: ({node}) => [{path: ['node'], ref: node}],
});
