// Where `up` spends its time: one line per milestone, in ms from the start. Usage: tsx scripts/up-timeline.ts [--base-port 42000]
import {parseArgs} from 'node:util';
import {createRuntime, imageFrom} from '../source/engine/runtime/detect.js';
import {Session, newSessionId} from '../source/engine/session/session.js';
import {standardTopology} from '../source/engine/topology/topology.js';

const {values} = parseArgs({options: {'base-port': {type: 'string', default: '42000'}}});
const basePort = Number(values['base-port']);
const runtime = await createRuntime({runtime: 'docker', image: imageFrom(), basePort, sessionId: newSessionId()});
const session = new Session({runtime});
const started = Date.now();
const seen = new Set<string>();
const mark = (what: string) => {
	if (seen.has(what)) return;
	seen.add(what);
	console.log(`${String(Date.now() - started).padStart(6)} ms  ${what}`);
};
session.subscribe(() => {
	const state = session.getState();
	for (const node of state.nodes) {
		mark(`${node.name} ${node.health}`);
		if (node.replication?.masterLinkStatus === 'up') mark(`${node.name} link up`);
		const master = node.sentinel?.masters[0];
		if (master) mark(`${node.name} status=${master.status} slaves=${master.slaves} sentinels=${master.sentinels}`);
	}
});
try {
	await session.prepare();
	mark('prepared (image, network, folder)');
	await session.up(standardTopology({basePort, sentinels: 2}), {quiet: true});
	mark('up');
} finally {
	await session.close();
	mark('down');
}
