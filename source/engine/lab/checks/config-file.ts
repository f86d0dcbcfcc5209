import {z} from 'zod';
import {shellQuote} from '../../base/shell.js';
import {defineCheck, type CheckContext} from '../define/define.js';
import {fieldsOf, Flag, NodeRef, Pattern, Text, TextOrNumber, within} from '../define/fields.js';
import {fillTemplates} from '../define/templates.js';
import {fail, pass, type Verdict} from '../define/verdict.js';
import {t} from '../../../i18n/index.js';

const ConfigFile = fieldsOf({
	node: NodeRef,
	directive: Text.regex(/^[a-z][\w-]*(?: [a-z][\w-]*)?$/i, 'must be a directive like replicaof or "sentinel known-replica"'),
	equals: TextOrNumber.optional(),
	matches: Pattern.optional(),
	missing: Flag.optional(),
	...within,
});
type Body = z.output<typeof ConfigFile>;

/** The values of every line of `text` that sets `directive` (what follows the directive's words). */
export function directiveValues(text: string, directive: string): string[] {
	const words = directive.toLowerCase().split(/\s+/);
	const values: string[] = [];
	for (const raw of text.split('\n')) {
		const line = raw.trim();
		if (line === '' || line.startsWith('#')) continue;
		const parts = line.split(/\s+/);
		if (parts.length < words.length || words.some((word, index) => parts[index]!.toLowerCase() !== word)) continue;
		values.push(parts.slice(words.length).join(' '));
	}
	return values;
}

async function evaluate(body: Body, context: CheckContext): Promise<Verdict> {
	const node = context.resolveNode(body.node);
	const expand = (text: string) => context.expand?.(text) ?? text;
	const {session} = context;
	// A node not created yet has the file it will be created with (what show-config prints).
	const text = (await session.runtime.state(node)) === 'missing' ? session.runtime.renderConfig(session.spec(node)) : await session.runtime.readConfig(node);
	const values = directiveValues(text, body.directive);
	const seen = values.length === 0 ? t(context.lang, {en: `no ${body.directive} line`, zh: `没有 ${body.directive} 行`}) : values.map((value) => `${body.directive} ${value}`).slice(-3).join('; ');
	const equals = body.equals === undefined ? undefined : expand(body.equals);
	const pattern = body.matches === undefined ? undefined : new RegExp(expand(body.matches));
	const found = values.find((value) => (equals === undefined || value === equals) && (pattern === undefined || pattern.test(value)));
	// `missing: true`: no line for the directive, or none with that value.
	if (body.missing) return found === undefined ? pass(seen) : fail(`${body.directive} ${found}`);
	return found === undefined ? fail(seen) : pass(`${body.directive} ${found}`);
}

export const configFile = defineCheck({
	key: 'config-file',
	schema: ConfigFile,
	summary: 'A directive line in the node\'s config FILE as it is on disk (not CONFIG GET): some line\'s value `equals` / `matches`; with `missing: true`, no such line (no line at all when alone). Values may hold {{node.host}} / {{node.port}}.',
	describe({node, directive, equals, matches, missing}, lang) {
		const line = equals !== undefined ? `"${directive} ${equals}"` : `"${directive}"`;
		const matching = matches === undefined ? '' : t(lang, {en: ` matching /${matches}/`, zh: `（匹配 /${matches}/）`});
		const text = missing
			? t(lang, {en: `${node}'s config file has no ${line} line${matching}`, zh: `${node} 的配置文件中没有 ${line} 行${matching}`})
			: t(lang, {en: `${node}'s config file has a ${line} line${matching}`, zh: `${node} 的配置文件中有 ${line} 行${matching}`});
		return fillTemplates(text, (name, part) => `<${name} ${part}>`);
	},
	evaluate,
	script({node, directive, equals, matches, missing}, context) {
		const [op, value] = equals !== undefined ? ['eq', context.fill(equals)] : matches !== undefined ? ['re', context.fill(matches)] : ['set', ''];
		return [`wait_for ${context.label} ${context.seconds} ${missing ? 'config_lacks' : 'config_is'} ${context.arg(node)} ${shellQuote(directive)} ${op} ${context.word(value)}`];
	},
	nodes: ({node}) => [{path: ['node'], ref: node}],
	templates: ({equals, matches}) => Object.entries({equals, matches}).filter(([, text]) => text !== undefined).map(([field, text]) => ({path: [field], text: text!})),
});
