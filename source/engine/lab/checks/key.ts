import {shellQuote} from '../../shell.js';
import {defineCheck, say} from '../define.js';
import {fieldsOf, Flag, NodeRef, TextOrNumber, within} from '../fields.js';
import {fail, normaliseReply, pass} from '../verdict.js';

const Key = fieldsOf({node: NodeRef, key: TextOrNumber, equals: TextOrNumber.optional(), missing: Flag.optional(), ...within})
	.refine((body) => !(body.missing === true && body.equals !== undefined), 'use either equals or missing: true, not both');

export const key = defineCheck({
	key: 'key',
	schema: Key,
	summary: 'A key\'s value on a node (`missing: true` for nil).',
	describe({node, key, equals, missing}, lang) {
		const value = missing ? say(lang, 'is nil', '为 nil') : equals !== undefined ? `= ${equals}` : say(lang, 'is set', '存在');
		return `${node}${say(lang, '', ' 上')} ${key} ${value}`;
	},
	async evaluate(body, context) {
		const node = context.resolveNode(body.node);
		const result = await context.session.runtime.exec(node, ['GET', body.key]);
		const reply = normaliseReply(result.stdout || result.stderr);
		if (reply.isError) return fail(`(error) ${reply.text}`);
		const missing = reply.text === '(nil)';
		const nil = say(context.lang, `${body.key} is nil`, `${body.key} 为 nil`);
		if (body.missing) return missing ? pass(nil) : fail(say(context.lang, `${body.key} is ${reply.text}`, `${body.key} 是 ${reply.text}`));
		if (missing) return fail(nil);
		return body.equals === undefined || reply.text === body.equals ? pass(`${body.key} = ${reply.text}`) : fail(`${body.key} = ${reply.text}`);
	},
	script: ({node, key, equals, missing}, context) => [`wait_for ${context.label} ${context.seconds} key_is ${context.arg(node)} ${shellQuote(key)} ${shellQuote(missing ? '' : equals ?? '')}`],
	nodes: ({node}) => [{path: ['node'], ref: node, must: 'server'}],
});
