import {shellJoin, splitCommandLine} from '../../base/shell.js';
import {cliFromText, execFrom} from '../define/cli-from.js';
import {defineAction, type NodeUse} from '../define/define.js';
import {fieldsOf, NodeRef, Text} from '../define/fields.js';
import {t} from '../../../i18n/index.js';

/** Commands that only read, by command word; `true`: every form; a list: only these subcommands. */
const READ_ONLY: Record<string, true | string[]> = {
	INFO: true, PING: true, ECHO: true, ROLE: true, TIME: true, DBSIZE: true, LASTSAVE: true,
	GET: true, MGET: true, STRLEN: true, GETRANGE: true, EXISTS: true, TYPE: true, TTL: true, PTTL: true, KEYS: true, SCAN: true, RANDOMKEY: true,
	LRANGE: true, LLEN: true, LINDEX: true, HGET: true, HMGET: true, HGETALL: true, HLEN: true, SMEMBERS: true, SCARD: true, SISMEMBER: true, ZRANGE: true, ZCARD: true, ZSCORE: true,
	CONFIG: ['GET'],
	CLIENT: ['LIST', 'INFO', 'GETNAME', 'ID'],
	SLOWLOG: ['GET', 'LEN'],
	MEMORY: ['USAGE', 'STATS'],
	SENTINEL: ['GET-MASTER-ADDR-BY-NAME', 'MASTER', 'MASTERS', 'REPLICAS', 'SLAVES', 'SENTINELS', 'CKQUORUM', 'MYID', 'INFO-CACHE', 'CONFIG GET'],
};

/** Whether a redis-cli command (templates left in) may change anything: unknown commands are assumed to. */
export function commandChangesState(command: string): boolean {
	const [word = '', ...rest] = splitCommandLine(command).map((part) => part.toUpperCase());
	const entry = READ_ONLY[word];
	if (entry === true) return false;
	if (!entry) return true;
	const sub = rest.join(' ');
	return !entry.some((allowed) => sub === allowed || sub.startsWith(`${allowed} `));
}

export const cli = defineAction({
	key: 'cli',
	schema: fieldsOf({node: NodeRef, command: Text, from: NodeRef.optional().meta({description: 'Run redis-cli next to this node instead, connecting to node\'s address (-h): a client on another host (Docker)'})}),
	summary: 'Runs redis-cli next to the node (or next to `from`, connecting to the node with -h). {{replica1.host}} / {{replica1.port}} expand to the address nodes use for each other.',
	changesState: ({command}) => commandChangesState(command),
	label: ({node, command, from}, lang) => (from
		? t(lang, {en: `from ${from} to ${node}: ${command}`, zh: `从 ${from} 连接 ${node} 执行 ${command}`})
		: t(lang, {en: `${node}: ${command}`, zh: `在 ${node} 上执行 ${command}`})),
	async perform({node, command, from}, context) {
		const args = splitCommandLine(context.expand(command));
		if (!from) {
			await context.session.cli(context.resolveNode(node), args);
			return;
		}
		const {session} = context;
		const [source, target] = [context.resolveNode(from), context.resolveNode(node)];
		const {host, port} = session.runtime.peerAddress(target);
		session.record('command', cliFromText(context.shell, source, host, String(port), [shellJoin(args)]), {node: source});
		const result = await execFrom(session.runtime, source, target, args);
		const output = (result.stdout + result.stderr).trimEnd();
		if (output) session.record('output', output, {node: source});
	},
	preview({node, command, from}, context) {
		const args = splitCommandLine(context.expand(command));
		if (!from) return [context.shell.cli(context.node(node), args)];
		const peer = (part: 'host' | 'port') => context.expand(`{{${node}.${part}}}`);
		return [cliFromText(context.shell, context.node(from), peer('host'), peer('port'), [shellJoin(args)])];
	},
	script: ({node, command, from}, context) => (from
		? [cliFromText(context.shell, context.node(from), context.word(`{{${node}.host}}`), context.word(`{{${node}.port}}`), context.words(command))]
		: [`cli_${context.node(node)} ${context.words(command).join(' ')}`]),
	nodes: ({node, from}) => [{path: ['node'], ref: node}, ...(from ? [{path: ['from'], ref: from} satisfies NodeUse] : [])],
	templates: ({command}) => [{path: ['command'], text: command}],
});
