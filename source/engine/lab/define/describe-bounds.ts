import type {Lang} from '../../../i18n/index.js';
import type {Comparison} from './fields.js';

const FIGURES: Record<string, {en: string; zh: string}> = {
	acknowledged: {en: 'acknowledged', zh: '已确认'},
	acknowledgedThisStep: {en: 'acknowledged since this step began', zh: '本步开始以来已确认'},
	refused: {en: 'refused', zh: '被拒绝'},
	errors: {en: 'errors', zh: '出错'},
	lost: {en: 'lost', zh: '丢失'},
};

/** A figure's name (`lost`) in the learner's language. */
export const figureName = (name: string, lang: Lang = 'en'): string => FIGURES[name]?.[lang] ?? name;

/** Bounds as the learner reads them: `>= 3 and <= 20`, `= 2`. */
export function bounds(comparison: Comparison, lang: Lang): string {
	const parts: string[] = [];
	if (comparison.equals !== undefined) parts.push(`= ${String(comparison.equals)}`);
	if (comparison.matches !== undefined) parts.push(`${lang === 'zh' ? '匹配' : 'matches'} /${comparison.matches}/`);
	if (comparison.atLeast !== undefined) parts.push(`>= ${comparison.atLeast}`);
	if (comparison.atMost !== undefined) parts.push(`<= ${comparison.atMost}`);
	return parts.join(lang === 'zh' ? ' 且 ' : ' and ');
}

/** Named figures with their bounds: `acknowledged >= 1, lost = 0`. */
export function figures<T extends object>(body: T, keys: Array<keyof T & string>, lang: Lang): string {
	return keys
		.map((key) => [key, body[key] as Comparison | undefined] as const)
		.filter(([, comparison]) => comparison)
		.map(([key, comparison]) => `${figureName(key, lang)} ${bounds(comparison!, lang)}`)
		.join(lang === 'zh' ? '，' : ', ');
}
