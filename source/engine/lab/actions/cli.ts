import {splitCommandLine} from '../../shell.js';
import {defineAction, say} from '../define.js';
import {fieldsOf, NodeRef, Text} from '../fields.js';

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
	schema: fieldsOf({node: NodeRef, command: Text}),
	summary: 'Runs redis-cli next to the node. {{replica1.host}} / {{replica1.port}} expand to the address nodes use for each other.',
	changesState: ({command}) => commandChangesState(command),
	label: ({node, command}, lang) => say(lang, `${node}: ${command}`, `在 ${node} 上执行 ${command}`),
	async perform({node, command}, context) {
		await context.session.cli(context.resolveNode(node), splitCommandLine(context.expand(command)));
	},
	preview: ({node, command}, context) => [context.shell.cli(context.node(node), splitCommandLine(context.expand(command)))],
	script: ({node, command}, context) => [`cli_${context.node(node)} ${context.words(command).join(' ')}`],
	nodes: ({node}) => [{path: ['node'], ref: node}],
	templates: ({command}) => [{path: ['command'], text: command}],
});
