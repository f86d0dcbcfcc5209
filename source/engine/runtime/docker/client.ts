import Docker from 'dockerode';
import {RedisLabError, messageOf} from '../../base/errors.js';
import {withTimeout} from '../../base/wait.js';
import {dockerHostLabel, dockerOptions, resolveDockerHost} from './host.js';
import {both} from '../../../i18n/index.js';
import {ENGINE} from '../../../i18n/engine.js';

/** A client for the engine DOCKER_HOST, the Docker context or the platform default names (see docker-host.ts). */
export function dockerClient(): Docker {
	return new Docker(dockerOptions(resolveDockerHost()));
}

export function describeDockerHost(): string {
	return dockerHostLabel();
}

/** Resolves when the daemon answers, rejects with DOCKER_UNREACHABLE within `timeoutMs`. */
export async function pingDocker(docker: Docker, timeoutMs = 2500): Promise<void> {
	try {
		await withTimeout(docker.ping(), timeoutMs, `no answer within ${timeoutMs / 1000}s`);
	} catch (error) {
		throw new RedisLabError('DOCKER_UNREACHABLE', both(ENGINE.dockerUnreachable, {host: describeDockerHost(), reason: messageOf(error)}), {cause: error});
	}
}
