import {defineCheck} from '../define/define.js';
import {fieldsOf, Figure, Text, within} from '../define/fields.js';
import {figures} from '../define/describe-bounds.js';
import {compareFigures, fail} from '../define/verdict.js';
import {t} from '../../../i18n/index.js';

const FIGURES = ['acknowledged', 'acknowledgedThisStep', 'errors', 'lost'] as const;

const Client = fieldsOf({id: Text, acknowledged: Figure.optional(), acknowledgedThisStep: Figure.optional(), errors: Figure.optional(), lost: Figure.optional(), ...within})
	.refine((body) => FIGURES.some((name) => body[name] !== undefined), `needs one of ${FIGURES.join(', ')}`);

const baselineKey = (id: string) => `client ${id} acknowledged`;

export const client = defineCheck({
	key: 'client',
	schema: Client,
	summary: 'Figures of a client started with client-start (acknowledged, acknowledgedThisStep: the writes acknowledged after the step\'s actions began, errors, lost; lost is counted when it stops).',
	describe: (body, lang) => `${t(lang, {en: 'client', zh: '客户端'})} ${body.id}${t(lang, {en: ': ', zh: '：'})}${figures(body, [...FIGURES], lang)}`,
	evaluate(body, context) {
		const seen = context.clients.get(body.id)?.();
		if (!seen) return fail(t(context.lang, {en: `client ${body.id} was not started`, zh: `客户端 ${body.id} 没有启动`}));
		if (body.lost && seen.lost === undefined) return fail(t(context.lang, {en: 'lost writes are counted when the client stops', zh: '丢失的写入在客户端停止时才统计'}));
		const start = context.baseline.get(baselineKey(body.id));
		if (body.acknowledgedThisStep && start === undefined) return fail(t(context.lang, {en: 'no starting value', zh: '没有起始值'}));
		const verdict = compareFigures({acknowledged: seen.acknowledged, acknowledgedThisStep: seen.acknowledged - (start ?? 0), errors: seen.errors, lost: seen.lost ?? 0}, body, context.lang);
		return verdict.ok || !seen.lastError ? verdict : {...verdict, detail: t(context.lang, {en: `${verdict.detail}; errors ${seen.errors}, last: ${seen.lastError}`, zh: `${verdict.detail}；出错 ${seen.errors} 次，最后一次：${seen.lastError}`})};
	},
	baseline(body, context) {
		const seen = context.clients.get(body.id)?.();
		if (body.acknowledgedThisStep && seen) context.baseline.set(baselineKey(body.id), seen.acknowledged);
	},
	script: (_body, context) => [`# expect: ${context.describe}`],
	needs: ({id}) => [{kind: 'client', id, path: ['id']}],
});
