import {shellQuote} from '../../base/shell.js';
import {defineCheck} from '../define/define.js';
import {fieldsOf, Flag, NodeRef, TextOrNumber, within} from '../define/fields.js';
import {fail, normaliseReply, pass} from '../define/verdict.js';
import {t} from '../../../i18n/index.js';

const Key = fieldsOf({node: NodeRef, key: TextOrNumber, equals: TextOrNumber.optional(), missing: Flag.optional(), ...within})
	.refine((body) => !(body.missing === true && body.equals !== undefined), 'use either equals or missing: true, not both');

export const key = defineCheck({
	key: 'key',
	schema: Key,
	summary: 'A key\'s value on a node (`missing: true` for nil).',
	describe({node, key, equals, missing}, lang) {
		const value = missing ? t(lang, {en: 'is nil', zh: '为 nil'}) : equals !== undefined ? `= ${equals}` : t(lang, {en: 'is set', zh: '存在'});
		return `${node}${t(lang, {en: '', zh: ' 上'})} ${key} ${value}`;
	},
	async evaluate(body, context) {
		const node = context.resolveNode(body.node);
		const result = await context.session.runtime.exec(node, ['GET', body.key]);
		const reply = normaliseReply(result.stdout || result.stderr);
		if (reply.isError) return fail(`(error) ${reply.text}`);
		const missing = reply.text === '(nil)';
		const nil = t(context.lang, {en: `${body.key} is nil`, zh: `${body.key} 为 nil`});
		if (body.missing) return missing ? pass(nil) : fail(t(context.lang, {en: `${body.key} is ${reply.text}`, zh: `${body.key} 是 ${reply.text}`}));
		if (missing) return fail(nil);
		return body.equals === undefined || reply.text === body.equals ? pass(`${body.key} = ${reply.text}`) : fail(`${body.key} = ${reply.text}`);
	},
	script: ({node, key, equals, missing}, context) => [`wait_for ${context.label} ${context.seconds} key_is ${context.arg(node)} ${shellQuote(key)} ${shellQuote(missing ? '' : equals ?? '')}`],
	nodes: ({node}) => [{path: ['node'], ref: node, must: 'server'}],
});
