import {isAbsolute, join} from 'node:path';
import {renderConf, type NodeSpec} from '../../topology/topology.js';

/**
 * A local node's config: bound to loopback, its files in `<sessionDir>/<node>/`, peers on 127.0.0.1.
 * An exported script passes a relative session folder: Redis changes into `dir` while it reads the
 * file, so the log and pid files are then named relative to it.
 */
export function renderLocalConf(node: NodeSpec, context: {sessionDir: string; password?: string; address: (name: string) => {host: string; port: number}}): string {
	const dir = join(context.sessionDir, node.name);
	const inDir = (file: string) => (isAbsolute(dir) ? join(dir, file) : file);
	return renderConf(node, {
		peerAddress: context.address,
		addressBeforeStart: context.address,
		bind: '127.0.0.1 -::1',
		dir: isAbsolute(dir) ? dir : `./${dir}`,
		logfile: inDir(`${node.name}.log`),
		pidfile: inDir(`${node.name}.pid`),
		password: context.password,
	});
}
