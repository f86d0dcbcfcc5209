import Docker from 'dockerode';
import {RedisLabError, messageOf} from '../errors.js';
import {dockerHostLabel, dockerOptions, resolveDockerHost} from './docker-host.js';

export const MANAGED_LABEL = 'redis-lab.managed';
export const SESSION_LABEL = 'redis-lab.session';
export const NODE_LABEL = 'redis-lab.node';

export function managedLabels(sessionId: string): Record<string, string> {
	return {[MANAGED_LABEL]: 'true', [SESSION_LABEL]: sessionId};
}

/** A client for the engine DOCKER_HOST, the Docker context or the platform default names (see docker-host.ts). */
export function dockerClient(): Docker {
	return new Docker(dockerOptions(resolveDockerHost()));
}

export function describeDockerHost(): string {
	return dockerHostLabel();
}

/** Resolves when the daemon answers, rejects with DOCKER_UNREACHABLE within `timeoutMs`. */
export async function pingDocker(docker: Docker, timeoutMs = 2500): Promise<void> {
	let timer: NodeJS.Timeout | undefined;
	try {
		await Promise.race([
			docker.ping(),
			new Promise((_, reject) => {
				timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs / 1000}s`)), timeoutMs);
			}),
		]);
	} catch (error) {
		throw unreachable(error);
	} finally {
		clearTimeout(timer);
	}
}

function unreachable(error: unknown): RedisLabError {
	return new RedisLabError('DOCKER_UNREACHABLE', `Docker is not reachable at ${describeDockerHost()} (${messageOf(error)})`, {
		hint: 'Start Docker (Docker Desktop, or dockerd), set DOCKER_HOST to its socket, or use --runtime local with redis-server installed.',
		cause: error,
	});
}

const CONNECTION_CODES = new Set(['ENOENT', 'ECONNREFUSED', 'EACCES', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH']);

/** Prefix of a session's container and network names: `redis-lab`, or `redis-lab-<basePort>` when ports are shifted. */
export function namePrefix(basePort: number): string {
	return basePort === 6379 ? 'redis-lab' : `redis-lab-${basePort}`;
}

/** Turns a raw dockerode error into a RedisLabError a user can act on. */
export function dockerError(error: unknown): RedisLabError {
	if (error instanceof RedisLabError) return error;
	const code = (error as NodeJS.ErrnoException | undefined)?.code;
	if (code && CONNECTION_CODES.has(code)) {
		if (code === 'EACCES') {
			return new RedisLabError('DOCKER_UNREACHABLE', `Permission denied on the Docker socket ${describeDockerHost()}`, {
				hint: 'Add your user to the docker group (then log in again), or use --runtime local.',
				cause: error,
			});
		}
		return new RedisLabError('DOCKER_LOST', `Lost the Docker daemon (${messageOf(error)})`, {hint: 'Is Docker still running? Restart it, then run: redis-lab down', cause: error});
	}
	const json = (error as {json?: {message?: string}} | undefined)?.json;
	const text = json?.message ?? messageOf(error);
	return new RedisLabError('INTERNAL', `Docker: ${text.replace(/^\(HTTP code \d+\)\s*/, '')}`, {cause: error});
}
