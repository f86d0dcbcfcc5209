import {shellJoin} from '../../base/shell.js';
import type {ExecResult, Runtime, ShellText} from '../../runtime/types.js';

/**
 * redis-cli run next to `from` (inside its container on Docker), connecting to `node` at the
 * address nodes use for each other: a client that is another host than `node` on Docker.
 */
export function execFrom(runtime: Runtime, from: string, node: string, args: string[]): Promise<ExecResult> {
	const {host, port} = runtime.peerAddress(node);
	const auth = runtime.password ? ['-a', runtime.password, '--no-auth-warning'] : [];
	return runtime.execShell(from, `redis-cli -h ${host} -p ${port} ${shellJoin([...auth, '--no-raw', ...args])}`);
}

/** The command a learner types for it: `from`'s redis-cli with `-h <host> -p <port>` (words already quoted). */
export function cliFromText(shell: ShellText, from: string, host: string, port: string, words: string[]): string {
	return shell.cli(from, []).replace(/ -p \S+/, ` -h ${host} -p ${port}`) + (words.length > 0 ? ` ${words.join(' ')}` : '');
}
