import {RedisLabError} from '../engine/base/errors.js';
import {createRuntime} from '../engine/runtime/detect.js';
import {dockerClient} from '../engine/runtime/docker/index.js';
import {reachableDocker, removeOwnSessions} from '../engine/host/inventory.js';
import {Session, newSessionId} from '../engine/session/session.js';
import type {RuntimeFlags} from './options.js';
import {settleBasePort} from './base-port.js';
import {conflictingLeftovers} from '../engine/host/leftovers.js';
import {both} from '../i18n/index.js';
import {ENGINE} from '../i18n/engine.js';

/**
 * Builds the runtime and session; handles the caller's leftovers (removed with --clean, refused
 * otherwise). The base port is settled first, in `flags` itself (--base-port auto, or a taken default).
 */
export async function openSession(flags: RuntimeFlags, options: {pollMs?: number} = {}): Promise<Session> {
	Object.assign(flags, await settleBasePort(flags));
	const runtime = await createRuntime({...flags, sessionId: newSessionId()});
	const leftovers = await conflictingLeftovers(flags.basePort, runtime.kind);
	if (leftovers.length > 0) {
		if (!flags.clean) {
			const names = leftovers.map((node) => `${node.node} (${node.runtime}, port ${node.port})`).join(', ');
			throw new RedisLabError('LEFTOVERS', both(ENGINE.leftoversStill, {names}), {hint: both(ENGINE.leftoversOrAuto)});
		}
		await removeOwnSessions(runtime.kind === 'docker' ? dockerClient() : await reachableDocker(dockerClient(), 500));
	}
	return new Session({runtime, password: flags.password, pollMs: options.pollMs});
}
