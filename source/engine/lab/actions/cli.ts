import {shellJoin, splitCommandLine} from '../../shell.js';
import {cliFromText, execFrom} from '../cli-from.js';
import {defineAction, say, type NodeUse} from '../define.js';
import {fieldsOf, NodeRef, Text} from '../fields.js';

export const cli = defineAction({
	key: 'cli',
	schema: fieldsOf({node: NodeRef, command: Text, from: NodeRef.optional().meta({description: 'Run redis-cli next to this node instead, connecting to node\'s address (-h): a client on another host (Docker)'})}),
	summary: 'Runs redis-cli next to the node (or next to `from`, connecting to the node with -h). {{replica1.host}} / {{replica1.port}} expand to the address nodes use for each other.',
	label: ({node, command, from}, lang) => (from
		? say(lang, `from ${from} to ${node}: ${command}`, `从 ${from} 连接 ${node} 执行 ${command}`)
		: say(lang, `${node}: ${command}`, `在 ${node} 上执行 ${command}`)),
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
