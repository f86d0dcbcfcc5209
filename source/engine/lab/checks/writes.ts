import {defineCheck} from '../define/define.js';
import {fieldsOf, Figure, Text, within} from '../define/fields.js';
import {figures} from '../define/describe-bounds.js';
import {compareFigures, countMissing, fail} from '../define/verdict.js';
import {t} from '../../../i18n/index.js';

const FIGURES = ['acknowledged', 'refused', 'lost'] as const;

const Writes = fieldsOf({id: Text, acknowledged: Figure.optional(), refused: Figure.optional(), lost: Figure.optional(), ...within})
	.refine((body) => FIGURES.some((name) => body[name] !== undefined), `needs one of ${FIGURES.join(', ')}`);

export const writes = defineCheck({
	key: 'writes',
	schema: Writes,
	summary: 'Figures of a `write` action (acknowledged, refused, lost), `lost` read on the current master.',
	describe: (body, lang) => `${t(lang, {en: 'writes', zh: '写入'})} ${body.id}${t(lang, {en: ': ', zh: '：'})}${figures(body, [...FIGURES], lang)}`,
	async evaluate(body, context) {
		const record = context.writes.get(body.id);
		if (!record) return fail(`no writes recorded as ${body.id}`);
		const counted: Record<string, number> = {acknowledged: record.acknowledged.length, refused: record.refused};
		if (body.lost) {
			const master = context.session.currentMaster();
			if (!master) return fail('no agreed master to read from');
			counted.lost = await countMissing(context.session, master, record.acknowledged);
		}
		return compareFigures(counted, body, context.lang);
	},
	script: (body, context) => [`# expect: ${context.describe}`],
	needs: ({id}) => [{kind: 'write', id, path: ['id']}],
});
