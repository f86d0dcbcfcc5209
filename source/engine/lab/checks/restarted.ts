import {z} from 'zod';
import {parseInfo} from '../../redis/probe/info.js';
import {defineCheck, type CheckContext} from '../define/define.js';
import {fieldsOf, NodeRef, within} from '../define/fields.js';
import {fail, pass, type Verdict} from '../define/verdict.js';
import {t} from '../../../i18n/index.js';

const Restarted = fieldsOf({node: NodeRef, ...within});
type Body = z.output<typeof Restarted>;

/** The run_id each check's node had before the step's actions ran, per step. */
const starts = new WeakMap<CheckContext, Map<Body, string | undefined>>();

/** The node's run_id now (INFO server), or undefined when it does not answer. */
export async function runIdOf(context: CheckContext, ref: string): Promise<string | undefined> {
	const result = await context.session.runtime.exec(context.resolveNode(ref), ['INFO', 'server']);
	return parseInfo(result.stdout).run_id || undefined;
}

async function evaluate(body: Body, context: CheckContext): Promise<Verdict> {
	const before = starts.get(context)?.get(body);
	if (before === undefined) return fail(t(context.lang, {en: `${body.node} had no run_id when the step began`, zh: `这一步开始时 ${body.node} 没有 run_id`}));
	const now = await runIdOf(context, body.node);
	if (now === undefined) return fail(t(context.lang, {en: `${body.node} does not answer INFO server`, zh: `${body.node} 没有回应 INFO server`}));
	const short = (id: string) => id.slice(0, 8);
	if (now === before) return fail(t(context.lang, {en: `run_id still ${short(now)}…: the same process`, zh: `run_id 仍是 ${short(now)}…：还是同一个进程`}));
	return pass(t(context.lang, {en: `run_id ${short(before)}… → ${short(now)}…`, zh: `run_id ${short(before)}… → ${short(now)}…`}));
}

export const restarted = defineCheck({
	key: 'restarted',
	schema: Restarted,
	summary: 'The node is a new process: its run_id (INFO server) differs from the one it had before the step\'s actions ran, and it answers. Proves a restart whatever the uptime.',
	describe: ({node}, lang) => t(lang, {en: `${node} restarted (new run_id)`, zh: `${node} 已重启（run_id 变了）`}),
	evaluate,
	async baseline(body, context) {
		const map = starts.get(context) ?? new Map<Body, string | undefined>();
		starts.set(context, map);
		try {
			map.set(body, await runIdOf(context, body.node));
		} catch {
			// A node not running yet has no run_id: the check fails with its own reason.
			map.set(body, undefined);
		}
	},
	scriptBefore: ({node}, context) => [`${before(node)}=$(info_get ${context.arg(node)} run_id)`],
	script: ({node}, context) => [`wait_for ${context.label} ${context.seconds} info_is ${context.arg(node)} run_id ne "$${before(node)}"`],
	nodes: ({node}) => [{path: ['node'], ref: node}],
});

/** The shell variable holding a node's run_id before the step's actions. */
function before(node: string): string {
	return `RUN_ID_BEFORE_${node.replace(/\W/g, '_')}`;
}
