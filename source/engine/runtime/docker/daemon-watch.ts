import type Docker from 'dockerode';
import {RedisLabError} from '../../base/errors.js';
import {describeDockerHost, pingDocker} from './client.js';
import {both} from '../../../i18n/index.js';
import {ENGINE} from '../../../i18n/engine.js';

/** How long a daemon may stay silent (pings time out) before it counts as lost: a busy one answers late. */
export const SILENT_PATIENCE_MS = 30_000;

/** A ping that got no answer in time, as opposed to one refused (no socket, connection refused). */
const timedOut = (error: unknown): boolean => error instanceof RedisLabError && error.cause instanceof RedisLabError && error.cause.code === 'TIMEOUT';

/**
 * Pings the daemon every `everyMs`, one ping at a time, and calls `onLost` once when it is gone:
 * two refused pings in a row, or no answer at all for `patienceMs` (a daemon busy on a loaded
 * machine answers late; one that went away refuses at once). Returns a function that stops watching.
 */
export function watchDaemon(docker: Docker, onLost: (error: Error) => void, everyMs = 2000, patienceMs = SILENT_PATIENCE_MS): () => void {
	let refusals = 0;
	let silentSince: number | undefined;
	let pinging = false;
	let stopped = false;
	const stop = () => {
		stopped = true;
		clearInterval(timer);
	};
	const failed = (error: unknown) => {
		if (stopped) return;
		if (timedOut(error)) {
			refusals = 0;
			silentSince ??= Date.now() - everyMs;
		} else {
			refusals++;
			silentSince = undefined;
		}
		if (refusals < 2 && (silentSince === undefined || Date.now() - silentSince < patienceMs)) return;
		stop();
		onLost(new RedisLabError('DOCKER_LOST', both(ENGINE.dockerLost, {host: describeDockerHost()}), {hint: both(ENGINE.dockerLostDown), cause: error}));
	};
	const timer = setInterval(() => {
		if (pinging) return;
		pinging = true;
		pingDocker(docker, everyMs).then(
			() => {
				refusals = 0;
				silentSince = undefined;
			},
			failed,
		).finally(() => (pinging = false));
	}, everyMs);
	timer.unref();
	return stop;
}
