import {defineCheck, say} from '../define.js';
import {fieldsOf, Figure, Text, within} from '../fields.js';
import {figures} from '../describe-bounds.js';
import {compareFigures, fail} from '../verdict.js';

const FIGURES = ['acknowledged', 'errors', 'lost'] as const;

const Client = fieldsOf({id: Text, acknowledged: Figure.optional(), errors: Figure.optional(), lost: Figure.optional(), ...within})
	.refine((body) => FIGURES.some((name) => body[name] !== undefined), `needs one of ${FIGURES.join(', ')}`);

export const client = defineCheck({
	key: 'client',
	schema: Client,
	summary: 'Figures of a client started with client-start (acknowledged, errors, lost; lost is counted when it stops).',
	describe: (body, lang) => `${say(lang, 'client', '客户端')} ${body.id}${say(lang, ': ', '：')}${figures(body, [...FIGURES], lang)}`,
	evaluate(body, context) {
		const seen = context.clients.get(body.id)?.();
		if (!seen) return fail(say(context.lang, `client ${body.id} was not started`, `客户端 ${body.id} 没有启动`));
		if (body.lost && seen.lost === undefined) return fail(say(context.lang, 'lost writes are counted when the client stops', '丢失的写入在客户端停止时才统计'));
		const verdict = compareFigures({acknowledged: seen.acknowledged, errors: seen.errors, lost: seen.lost ?? 0}, body, context.lang);
		return verdict.ok || !seen.lastError ? verdict : {...verdict, detail: say(context.lang, `${verdict.detail}; errors ${seen.errors}, last: ${seen.lastError}`, `${verdict.detail}；出错 ${seen.errors} 次，最后一次：${seen.lastError}`)};
	},
	script: (_body, context) => [`# expect: ${context.describe}`],
	needs: ({id}) => [{kind: 'client', id, path: ['id']}],
});
