import type {Check, Comparison, Lang} from './types.js';
import {fillTemplates} from './templates.js';

const FIGURES: Record<string, {en: string; zh: string}> = {
	acknowledged: {en: 'acknowledged', zh: '已确认'},
	refused: {en: 'refused', zh: '被拒绝'},
	errors: {en: 'errors', zh: '出错'},
	lost: {en: 'lost', zh: '丢失'},
};

function bounds(comparison: Comparison, lang: Lang): string {
	const parts: string[] = [];
	if (comparison.equals !== undefined) parts.push(`= ${String(comparison.equals)}`);
	if (comparison.matches !== undefined) parts.push(`${lang === 'zh' ? '匹配' : 'matches'} /${comparison.matches}/`);
	if (comparison.atLeast !== undefined) parts.push(`>= ${comparison.atLeast}`);
	if (comparison.atMost !== undefined) parts.push(`<= ${comparison.atMost}`);
	return parts.join(lang === 'zh' ? ' 且 ' : ' and ');
}

function figures<T extends object>(body: T, keys: Array<keyof T & string>, lang: Lang): string {
	return keys
		.map((key) => [key, body[key] as Comparison | undefined] as const)
		.filter(([, comparison]) => comparison)
		.map(([key, comparison]) => `${FIGURES[key]![lang]} ${bounds(comparison!, lang)}`)
		.join(lang === 'zh' ? '，' : ', ');
}

/** A short label for a check, e.g. `replica1 role is slave`, `master connected_slaves = 2`, `event +switch-master seen`. */
export function describeCheck(check: Check, lang: Lang = 'en'): string {
	const zh = lang === 'zh';
	if ('role' in check) {
		const {node, is} = check.role;
		return zh ? `${node} 的角色是 ${is}` : `${node} role is ${is}`;
	}
	if ('info' in check) {
		const {node, field, grows} = check.info;
		const growth = grows ? (zh ? ' 增长' : ' grows') : '';
		const limit = bounds(check.info, lang);
		return `${node}${zh ? ' 上' : ''} ${field}${growth}${limit ? ` ${limit}` : ''}`;
	}
	if ('in-sync' in check) {
		const {master} = check['in-sync'];
		return zh ? `${master} 的每个 replica 都已追上复制流` : `every replica of ${master} has its whole stream`;
	}
	if ('reply' in check) {
		const {node, command, equals, matches, error} = check.reply;
		const expected = error !== undefined ? `${zh ? '报错' : 'error'} /${error}/` : equals !== undefined ? equals : `/${matches}/`;
		// `{{master.port}}` reads as `<master port>`: the value depends on --base-port.
		return fillTemplates(`${node}${zh ? ' 执行' : ''} ${command} → ${expected}`, (name, part) => `<${name} ${part}>`);
	}
	if ('key' in check) {
		const {node, key, equals, missing} = check.key;
		const value = missing ? (zh ? '为 nil' : 'is nil') : equals !== undefined ? `= ${equals}` : zh ? '存在' : 'is set';
		return `${node}${zh ? ' 上' : ''} ${key} ${value}`;
	}
	if ('event' in check) {
		const {type, from, absent} = check.event;
		const source = from ? (zh ? `（来自 ${from}）` : ` from ${from}`) : '';
		if (zh) return `${absent ? '没有' : '收到'}事件 ${type}${source}`;
		return absent ? `no event ${type}${source}` : `event ${type}${source} seen`;
	}
	if ('sentinel-master' in check) {
		const {is, not} = check['sentinel-master'];
		if (is !== undefined) return zh ? `哨兵报告的 master 是 ${is}` : `sentinels report ${is} as master`;
		return zh ? `哨兵报告的 master 不是 ${not}` : `sentinels report a master other than ${not}`;
	}
	if ('writes' in check) {
		const {id} = check.writes;
		return `${zh ? '写入' : 'writes'} ${id}${zh ? '：' : ': '}${figures(check.writes, ['acknowledged', 'refused', 'lost'], lang)}`;
	}
	const {id} = check.client;
	return `${zh ? '客户端' : 'client'} ${id}${zh ? '：' : ': '}${figures(check.client, ['acknowledged', 'errors', 'lost'], lang)}`;
}
