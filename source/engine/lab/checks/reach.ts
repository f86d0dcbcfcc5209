import {connect} from 'node:net';
import {z} from 'zod';
import {defineCheck, type CheckContext, type IdUse, type NodeUse} from '../define/define.js';
import {fieldsOf, Flag, NodeRef, Text, WholeAboveZero, within} from '../define/fields.js';
import {throwawayPort} from '../define/throwaway.js';
import {fail, firstLine, pass, type Verdict} from '../define/verdict.js';
import {t} from '../../../i18n/index.js';

const Reach = fieldsOf({
	node: NodeRef.optional(),
	container: Text.optional().meta({description: 'The id of an earlier docker-run'}),
	port: WholeAboveZero.max(65_535, 'must be a port (1-65535)').optional(),
	answers: Flag,
	...within,
}).refine((body) => [body.node, body.container, body.port].filter((value) => value !== undefined).length === 1, 'needs exactly one of node, container, port');
type Body = z.output<typeof Reach>;

/** What 127.0.0.1:port does with a PING: the first line of its Redis reply, or how the connection ended. */
export function knock(port: number, timeoutMs = 1500): Promise<{answered: boolean; detail: string}> {
	return new Promise((resolve) => {
		const socket = connect({host: '127.0.0.1', port});
		let data = '';
		const done = (answered: boolean, detail: string) => {
			socket.destroy();
			resolve({answered, detail});
		};
		socket.setTimeout(timeoutMs, () => done(false, `no reply within ${timeoutMs} ms`));
		socket.on('connect', () => socket.write('PING\r\n'));
		socket.on('data', (chunk) => {
			data += chunk.toString('utf8');
			if (data.includes('\r\n')) done(/^[+\-:$*]/.test(data), firstLine(data.trim()));
		});
		socket.on('error', (error: NodeJS.ErrnoException) => done(false, error.code === 'ECONNRESET' ? 'connection reset' : error.code === 'ECONNREFUSED' ? 'connection refused' : error.message));
		socket.on('end', () => done(data !== '' && /^[+\-:$*]/.test(data), data === '' ? 'connection closed without a reply' : firstLine(data.trim())));
	});
}

/** How a connection ended, in Chinese (a reply stays as Redis sent it). */
const ENDINGS_ZH: Record<string, string> = {
	'connection refused': '连接被拒绝',
	'connection reset': '连接被重置',
	'connection closed without a reply': '连接被关闭，没有应答',
};
const endingInChinese = (detail: string): string => ENDINGS_ZH[detail] ?? detail.replace(/^no reply within (\d+) ms$/, '$1 毫秒内没有应答');

function portOf(body: Body, context: CheckContext): number {
	const {runtime} = context.session;
	if (body.port !== undefined) return body.port;
	if (body.container !== undefined) return throwawayPort(runtime.hostAddress('master').port);
	return runtime.hostAddress(context.resolveNode(body.node!)).port;
}

async function evaluate(body: Body, context: CheckContext): Promise<Verdict> {
	const port = portOf(body, context);
	const {answered, detail} = await knock(port);
	const seen = `127.0.0.1:${port}: ${context.lang === 'zh' ? endingInChinese(detail) : detail}`;
	// Silence from a container that is not there proves nothing about its published port.
	if (body.container !== undefined && !body.answers && !(await context.session.runtime.throwawayRunning?.(body.container))) {
		return fail(t(context.lang, {en: `${seen}; container ${body.container} is not running`, zh: `${seen}；容器 ${body.container} 没有在运行`}));
	}
	return answered === body.answers ? pass(seen) : fail(seen);
}

const target = ({node, container, port}: Body): string => node ?? container ?? `127.0.0.1:${port}`;

export const reach = defineCheck({
	key: 'reach',
	schema: Reach,
	summary: 'From the host (127.0.0.1 only): a node\'s published port, a docker-run container\'s, or a port `answers` a Redis PING (true) or not (false: refused, reset or closed).',
	describe: (body, lang) => (body.answers
		? t(lang, {en: `${target(body)} answers from the host`, zh: `从主机访问 ${target(body)} 有应答`})
		: t(lang, {en: `${target(body)} does not answer from the host`, zh: `从主机访问 ${target(body)} 没有应答`})),
	evaluate,
	script(body, context) {
		const port = body.port !== undefined ? String(body.port) : body.container !== undefined ? `$(( $(node_port master) + ${throwawayPort(0)} ))` : `$(node_port ${context.arg(body.node!)})`;
		return [`wait_for ${context.label} ${context.seconds} reach_answers "${port}" ${body.answers ? 'yes' : 'no'}`];
	},
	nodes: ({node}): NodeUse[] => (node === undefined ? [] : [{path: ['node'], ref: node}]),
	needs: ({container}): IdUse[] => (container === undefined ? [] : [{kind: 'container', id: container, path: ['container']}]),
});
