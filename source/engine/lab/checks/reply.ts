import {z} from 'zod';
import {shellQuote, splitCommandLine} from '../../base/shell.js';
import {defineCheck, type CheckContext} from '../define/define.js';
import {fieldsOf, NodeRef, Pattern, Text, TextOrNumber, within} from '../define/fields.js';
import {execFrom} from '../define/cli-from.js';
import {fillTemplates} from '../define/templates.js';
import {fail, firstLine, normaliseReply, pass, type Verdict} from '../define/verdict.js';
import {t} from '../../../i18n/index.js';

const Reply = fieldsOf({
	node: NodeRef,
	command: Text.refine((command) => !command.includes('{{'), 'templates like {{master.host}} work only in cli actions'),
	equals: TextOrNumber.optional(),
	matches: Pattern.optional(),
	error: Pattern.optional(),
	from: NodeRef.optional().meta({description: 'Run redis-cli next to this node instead, connecting to node\'s address (-h): a client on another host (Docker)'}),
	...within,
}).refine((body) => body.equals !== undefined || body.matches !== undefined || body.error !== undefined, 'needs one of equals, matches, error');
type Body = z.output<typeof Reply>;

async function evaluate(body: Body, context: CheckContext): Promise<Verdict> {
	const node = context.resolveNode(body.node);
	const expand = (text: string) => context.expand?.(text) ?? text;
	const args = splitCommandLine(body.command);
	const result = body.from ? await execFrom(context.session.runtime, context.resolveNode(body.from), node, args) : await context.session.runtime.exec(node, args);
	const reply = normaliseReply(result.stdout || result.stderr);
	const replied = (text: string) => t(context.lang, {en: `replied ${text}`, zh: `返回 ${text}`});
	if (body.error !== undefined) {
		return reply.isError && new RegExp(expand(body.error)).test(reply.text) ? pass(`(error) ${reply.text}`) : fail(replied(`${reply.isError ? '(error) ' : ''}${firstLine(reply.text)}`));
	}
	if (reply.isError) return fail(`(error) ${reply.text}`);
	if (body.equals !== undefined && reply.text !== expand(body.equals)) return fail(replied(firstLine(reply.text)));
	if (body.matches !== undefined && !new RegExp(expand(body.matches)).test(reply.text)) return fail(replied(firstLine(reply.text)));
	return pass(replied(firstLine(reply.text)));
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export const reply = defineCheck({
	key: 'reply',
	schema: Reply,
	summary: 'Runs a redis-cli command until its reply equals / matches; `error` is a regex the error text must match. Expected texts may hold {{node.host}} / {{node.port}}.',
	describe({node, command, equals, matches, error, from}, lang) {
		const who = from ? t(lang, {en: `${from} → ${node}:`, zh: `从 ${from} 连接 ${node} 执行`}) : `${node}${t(lang, {en: '', zh: ' 执行'})}`;
		const expected = error !== undefined ? `${t(lang, {en: 'error', zh: '报错'})} /${error}/` : equals !== undefined ? equals : `/${matches}/`;
		// `{{master.port}}` reads as `<master port>`: the value depends on --base-port.
		return fillTemplates(`${who} ${command} → ${expected}`, (name, part) => `<${name} ${part}>`);
	},
	evaluate,
	script({node, command, equals, matches, error, from}, context) {
		const args = splitCommandLine(command).map(shellQuote).join(' ');
		const pattern = error !== undefined || matches !== undefined ? context.fill((error ?? matches)!) : `^${escape(context.fill(equals ?? ''))}$`;
		if (from) return [`wait_for ${context.label} ${context.seconds} reply_from_matches ${context.arg(from)} ${context.arg(node)} ${context.word(pattern)} ${args}`];
		return [`wait_for ${context.label} ${context.seconds} reply_matches ${context.arg(node)} ${context.word(pattern)} ${args}`];
	},
	nodes: ({node, from}) => [{path: ['node'], ref: node}, ...(from ? [{path: ['from'], ref: from}] : [])],
	templates: ({equals, matches, error}) => Object.entries({equals, matches, error}).filter(([, text]) => text !== undefined).map(([field, text]) => ({path: [field], text: text!})),
});
