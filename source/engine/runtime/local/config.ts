import {join} from 'node:path';
import {renderConf, type NodeSpec} from '../../topology.js';

/** A local node's config: bound to loopback, its files in `<sessionDir>/<node>/`, peers on 127.0.0.1. */
export function renderLocalConf(node: NodeSpec, context: {sessionDir: string; password?: string; address: (name: string) => {host: string; port: number}}): string {
	const dir = join(context.sessionDir, node.name);
	return renderConf(node, {
		peerAddress: context.address,
		addressBeforeStart: context.address,
		bind: '127.0.0.1 -::1',
		dir,
		logfile: join(dir, `${node.name}.log`),
		pidfile: join(dir, `${node.name}.pid`),
		password: context.password,
	});
}
