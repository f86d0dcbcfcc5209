import {z} from 'zod';
import {defineAction, type ActionContext, type WriteRecord} from '../define/define.js';
import {fieldsOf, NodeRef, Text, WholeAboveZero} from '../define/fields.js';
import {t} from '../../../i18n/index.js';

/** The loop that writes `count` keys, run next to the node. */
export const writeLoop = (port: number, count: number, prefix: string): string => `for i in $(seq 1 ${count}); do redis-cli -p ${port} SET ${prefix}:$i $i; done`;

const Write = fieldsOf({
	node: NodeRef,
	count: WholeAboveZero,
	prefix: Text.refine((prefix) => !/\s/.test(prefix), 'must not contain spaces'),
	id: Text.optional(),
});

type Body = z.output<typeof Write>;

async function perform({node: ref, count, prefix, id}: Body, context: ActionContext): Promise<void> {
	const {session} = context;
	const node = context.resolveNode(ref);
	const script = writeLoop(session.runtime.hostAddress(node).port, count, prefix);
	session.record('command', context.shell.script(node, script), {node});
	const result = await session.runtime.execShell(node, script);
	const lines = result.stdout.split('\n').map((line) => line.trim()).filter(Boolean);
	const record: WriteRecord = {prefix, acknowledged: [], refused: 0};
	lines.slice(0, count).forEach((line, index) => {
		if (line === 'OK') record.acknowledged.push(`${prefix}:${index + 1}`);
		else record.refused++;
	});
	record.refused += Math.max(0, count - lines.length);
	context.memory.writes.set(id ?? prefix, record);
	const errors = [...new Set(lines.filter((line) => line !== 'OK'))];
	const sample = errors.length > 0 ? `: ${errors.slice(0, 2).join(' | ')}` : '';
	session.record('output', t(context.lang, {en: `${record.acknowledged.length} acknowledged, ${record.refused} refused${sample}`, zh: `${record.acknowledged.length} 个被确认，${record.refused} 个被拒绝${sample}`}), {node});
	await session.refresh();
}

export const write = defineAction({
	key: 'write',
	schema: Write,
	summary: 'Writes `count` keys `<prefix>:1..count` one by one; remembers which were acknowledged under `id` (default: the prefix).',
	changesState: true,
	label: ({node, count, prefix}, lang) => t(lang, {en: `write ${count} keys ${prefix}:1..${count} on ${node}`, zh: `在 ${node} 上写入 ${count} 个键 ${prefix}:1..${count}`}),
	perform,
	preview: ({node, count, prefix}, context) => [context.shell.script(context.node(node), writeLoop(context.hostPort(context.node(node)), count, prefix))],
	script: ({node, count, prefix}, context) => [`for i in $(seq 1 ${count}); do cli_${context.node(node)} SET ${prefix}:$i $i; done  # redis-cli -p $(node_port ${context.arg(node)})`],
	nodes: ({node}) => [{path: ['node'], ref: node, must: 'server'}],
	declares: ({id, prefix}) => ({kind: 'write', id: id ?? prefix}),
});
