import type Docker from 'dockerode';
import {RedisLabError} from '../../errors.js';
import {describeDockerHost, pingDocker} from './client.js';
import {said} from '../../../i18n/engine.js';

/**
 * Pings the daemon every `everyMs`; calls `onLost` once after two misses in a row (one slow
 * answer from a busy daemon is not a lost daemon). Returns a function that stops watching.
 */
export function watchDaemon(docker: Docker, onLost: (error: Error) => void, everyMs = 2000): () => void {
	let failures = 0;
	let stopped = false;
	const timer = setInterval(() => {
		pingDocker(docker, everyMs).then(
			() => (failures = 0),
			(error: unknown) => {
				if (stopped || ++failures < 2) return;
				stopped = true;
				clearInterval(timer);
				onLost(new RedisLabError('DOCKER_LOST', said('dockerLost', {host: describeDockerHost()}), {hint: said('dockerLostDown'), cause: error}));
			},
		);
	}, everyMs);
	timer.unref();
	return () => {
		stopped = true;
		clearInterval(timer);
	};
}
