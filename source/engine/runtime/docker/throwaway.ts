import type Docker from 'dockerode';
import {RedisLabError} from '../../base/errors.js';
import {dockerError} from '../../base/known-errors.js';
import {waitFor} from '../../base/wait.js';
import type {ThrowawayPlan} from '../types.js';
import {managedLabels, NODE_LABEL} from './names.js';
import {execIn} from './streams.js';

export interface ThrowawayContainer extends ThrowawayPlan {
	/** Container name (with the session's prefix). */
	name: string;
	/** Its id in the lab (the NODE_LABEL value). */
	node: string;
	image: string;
	sessionId: string;
}

/**
 * Creates and starts a labelled container outside the lab network, its port published on
 * 127.0.0.1, and waits until its server answers PING inside (on its own port, not the published one).
 */
export async function runThrowaway(docker: Docker, plan: ThrowawayContainer): Promise<void> {
	const port = `${plan.publish}/tcp`;
	try {
		const container = await docker.createContainer({
			name: plan.name,
			Image: plan.image,
			Cmd: ['redis-server', ...plan.args],
			Labels: {...managedLabels(plan.sessionId), [NODE_LABEL]: plan.node},
			ExposedPorts: {[port]: {}},
			HostConfig: {PortBindings: {[port]: [{HostIp: '127.0.0.1', HostPort: String(plan.hostPort)}]}},
		});
		await container.start();
		const answers = async () => (await execIn(docker, container, ['redis-cli', '-p', String(plan.listen), 'PING'], {timeoutMs: 3000, what: plan.node}).catch(() => undefined))?.stdout.includes('PONG'); // not answering yet is the answer
		await waitFor(answers, {timeoutMs: 10_000, intervalMs: 200, what: `${plan.node} to answer PING`});
	} catch (error) {
		if (error instanceof RedisLabError) throw error;
		throw dockerError(error, {name: plan.name, image: plan.image, port: plan.hostPort});
	}
}
