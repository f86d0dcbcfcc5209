import type {Lang} from '../../i18n/index.js';
import {wrap} from './text.js';
import {t} from '../../i18n/index.js';
import {UI} from '../../i18n/ui.js';

/** A place a lesson rests on: a file and symbol of Redis's source, or a documentation page. */
export interface SourceRef {
	file?: string;
	symbol?: string;
	url?: string;
	backs: {en: string; zh?: string};
}

/** `src/sentinel.c · sentinelStartFailover`, or the url. */
export function sourceName(source: SourceRef): string {
	return source.file && source.symbol ? `${source.file} · ${source.symbol}` : source.url ?? source.file ?? '';
}

/** A reader line (the reader's ReaderLine). */
type Line = {text: string; color?: string; bold?: boolean};

/** The "In Redis's source" block of the reader: each place, then what it backs, indented. */
export function sourceLines(sources: readonly SourceRef[] | undefined, lang: Lang, columns: number): Line[] {
	if (!sources || sources.length === 0) return [];
	const lines: Line[] = [{text: ''}, {text: t(lang, UI.readerSources), bold: true}];
	for (const source of sources) {
		lines.push(...wrap(sourceName(source), columns).map((text) => ({text, color: 'cyan'})));
		lines.push(...wrap((source.backs[lang] ?? source.backs.en).trim(), Math.max(10, columns - 2)).map((text) => ({text: `  ${text}`})));
	}
	return lines;
}
