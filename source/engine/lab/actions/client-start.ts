import {z} from 'zod';
import {defineAction, type ActionContext, type Lang} from '../define/define.js';
import {fieldsOf, Text, WholeAboveZero} from '../define/fields.js';
import {t} from '../../../i18n/index.js';

const DEFAULT_INTERVAL_MS = 50;

const ClientStart = fieldsOf({id: Text, intervalMs: WholeAboveZero.optional()});
type Body = z.output<typeof ClientStart>;

const shown = (intervalMs = DEFAULT_INTERVAL_MS, lang?: Lang): string => t(lang, {en: `# start an application client that finds the master through the sentinels and writes every ${intervalMs} ms`, zh: `# 启动一个应用客户端：它通过哨兵找到 master，每 ${intervalMs} 毫秒写入一次`});

async function perform({id, intervalMs}: Body, context: ActionContext): Promise<void> {
	const {session} = context;
	const runtime = session.runtime;
	const sentinelPorts = session.getState().nodes.filter((node) => node.kind === 'sentinel' && node.health === 'up').map((node) => runtime.hostAddress(node.name).port);
	session.record('command', shown(intervalMs, context.lang));
	// ioredis loads only when a lab starts a client (export and lint never do).
	const {ClientLoad} = await import('../../redis/client-load.js');
	const client = new ClientLoad({
		sentinelPorts,
		translate: (host, port) => {
			const node = runtime.resolve(host, port);
			return node ? runtime.hostAddress(node) : undefined;
		},
		nameOf: (_host, port) => session.nodeNames().find((name) => runtime.hostAddress(name).port === port),
		prefix: id,
		intervalMs,
	});
	context.memory.clients.set(id, client);
	context.memory.figures.set(id, () => client.current);
	await client.start();
}

export const clientStart = defineAction({
	key: 'client-start',
	schema: ClientStart,
	summary: 'Starts an application client that finds the master through the sentinels and writes a counter every `intervalMs` (default 50).',
	changesState: true,
	label: ({id}, lang) => t(lang, {en: `start the application client ${id}`, zh: `启动应用客户端 ${id}`}),
	perform,
	preview: ({intervalMs}, context) => [shown(intervalMs, context.lang)],
	script: () => ['# (the app starts an application client here that writes through the sentinels; see redis-lab run)'],
	declares: ({id}) => ({kind: 'client', id}),
});
