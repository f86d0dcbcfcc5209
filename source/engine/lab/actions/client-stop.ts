import {RedisLabError} from '../../errors.js';
import {defineAction, say} from '../define.js';
import {fieldsOf, Text} from '../fields.js';
import {said} from '../../../i18n/engine.js';

const SHOWN = '# stop the client and check every acknowledged write on the current master';

export const clientStop = defineAction({
	key: 'client-stop',
	schema: fieldsOf({id: Text}),
	summary: 'Stops a client started by client-start and verifies every acknowledged write against the current master.',
	changesState: true,
	label: ({id}, lang) => say(lang, `stop the application client ${id}`, `停止应用客户端 ${id}`),
	async perform({id}, context) {
		const {session, memory} = context;
		const client = memory.clients.get(id);
		if (!client) throw new RedisLabError('CHECK_FAILED', said('clientNotStarted', {id}));
		session.record('command', SHOWN);
		const figures = await client.stop();
		memory.clients.delete(id);
		memory.figures.set(id, () => figures);
		session.record('output', `acknowledged ${figures.acknowledged}, errors ${figures.errors}, longest gap ${(figures.longestGapMs / 1000).toFixed(2)}s, lost ${figures.lost ?? 0}${figures.lastError ? `; last error: ${figures.lastError}` : ''}`);
	},
	preview: () => [SHOWN],
	script: () => ['# (the app stops the client and checks every acknowledged write)'],
	needs: ({id}) => [{kind: 'client', id, path: ['id']}],
});
