import {RedisLabError} from '../../base/errors.js';
import {defineAction, type Lang} from '../define/define.js';
import {fieldsOf, Text} from '../define/fields.js';
import {t, both} from '../../../i18n/index.js';
import {ENGINE} from '../../../i18n/engine.js';

const shown = (lang?: Lang): string => t(lang, {en: '# stop the client and check every acknowledged write on the current master', zh: '# 停止客户端，并在当前 master 上核对每一个被确认的写入'});

export const clientStop = defineAction({
	key: 'client-stop',
	schema: fieldsOf({id: Text}),
	summary: 'Stops a client started by client-start and verifies every acknowledged write against the current master.',
	changesState: true,
	label: ({id}, lang) => t(lang, {en: `stop the application client ${id}`, zh: `停止应用客户端 ${id}`}),
	async perform({id}, context) {
		const {session, memory} = context;
		const client = memory.clients.get(id);
		if (!client) throw new RedisLabError('CHECK_FAILED', both(ENGINE.clientNotStarted, {id}));
		session.record('command', shown(context.lang));
		const figures = await client.stop();
		memory.clients.delete(id);
		memory.figures.set(id, () => figures);
		const gap = (figures.longestGapMs / 1000).toFixed(2);
		session.record('output', t(context.lang, {en: `acknowledged ${figures.acknowledged}, errors ${figures.errors}, longest gap ${gap}s, lost ${figures.lost ?? 0}${figures.lastError ? `; last error: ${figures.lastError}` : ''}`, zh: `已确认 ${figures.acknowledged}，出错 ${figures.errors}，最长中断 ${gap} 秒，丢失 ${figures.lost ?? 0}${figures.lastError ? `；最后一个错误：${figures.lastError}` : ''}`}));
	},
	preview: (_body, context) => [shown(context.lang)],
	script: () => ['# (the app stops the client and checks every acknowledged write)'],
	needs: ({id}) => [{kind: 'client', id, path: ['id']}],
});
