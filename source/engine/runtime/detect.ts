import {execa} from 'execa';
import {RedisLabError} from '../errors.js';
import {DockerRuntime, DEFAULT_IMAGE} from './docker.js';
import {dockerClient, pingDocker} from './docker-common.js';
import {LocalRuntime} from './local.js';
import type {Runtime, RuntimeKind, RuntimeOptions} from './types.js';

export interface DetectOptions extends Omit<RuntimeOptions, 'image'> {
	/** Forced runtime; otherwise docker when the daemon answers, else local when redis-server exists. */
	runtime?: RuntimeKind;
	image?: string;
}

export function parseRuntimeKind(value: string | undefined): RuntimeKind | undefined {
	if (value === undefined) return undefined;
	if (value === 'docker' || value === 'local') return value;
	throw new RedisLabError('BAD_INPUT', `Unknown runtime "${value}"`, {hint: 'Use --runtime docker or --runtime local.'});
}

/** The image users get: --image, else REDIS_LAB_IMAGE, else redis:7.2. */
export function imageFrom(option?: string): string {
	return option || process.env.REDIS_LAB_IMAGE || DEFAULT_IMAGE;
}

async function hasRedisServer(redisBin?: string): Promise<boolean> {
	try {
		await execa(redisBin ? `${redisBin}/redis-server` : 'redis-server', ['--version'], {timeout: 3000});
		return true;
	} catch {
		return false;
	}
}

/** Picks and builds the runtime for a session. Docker down with --runtime docker fails within ~3 s. */
export async function createRuntime(options: DetectOptions): Promise<Runtime> {
	const base: RuntimeOptions = {...options, image: imageFrom(options.image)};
	if (options.runtime === 'local') return new LocalRuntime(base);
	const docker = dockerClient();
	if (options.runtime === 'docker') {
		await pingDocker(docker);
		return new DockerRuntime(base, docker);
	}
	try {
		await pingDocker(docker, 1500);
		return new DockerRuntime(base, docker);
	} catch (dockerFailure) {
		if (await hasRedisServer(options.redisBin)) return new LocalRuntime(base);
		throw new RedisLabError('NO_RUNTIME', 'Neither Docker nor redis-server is available', {
			hint: 'Start Docker (or set DOCKER_HOST), or install Redis 7 (apt-get install redis-server redis-sentinel redis-tools) and use --runtime local.',
			cause: dockerFailure,
		});
	}
}
