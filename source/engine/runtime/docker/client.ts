import Docker from 'dockerode';
import {existsSync} from 'node:fs';
import http from 'node:http';
import {homedir} from 'node:os';
import {join} from 'node:path';
import {RedisLabError, messageOf} from '../../errors.js';
import {withTimeout} from '../../wait.js';

/**
 * Where the daemon is: DOCKER_HOST, else Docker Desktop's user socket when the system one is absent.
 * Node 20's default agent keeps sockets alive, and reused Docker API sockets can stall a request
 * forever: plain (socket or http) connections get an agent without keep-alive.
 */
export function dockerClient(): Docker {
	const host = process.env.DOCKER_HOST;
	const plain = !host || /^(unix|npipe):/.test(host) || (/^(tcp|http):/.test(host) && !process.env.DOCKER_CERT_PATH && process.env.DOCKER_TLS_VERIFY !== '1');
	const agent = (plain ? {agent: new http.Agent({keepAlive: false})} : {}) as Docker.DockerOptions;
	if (host || process.platform === 'win32') return new Docker(agent);
	const userSocket = join(homedir(), '.docker', 'run', 'docker.sock');
	if (!existsSync('/var/run/docker.sock') && existsSync(userSocket)) return new Docker({socketPath: userSocket, ...agent});
	return new Docker(agent);
}

export function describeDockerHost(): string {
	return process.env.DOCKER_HOST ?? (process.platform === 'win32' ? '//./pipe/docker_engine' : '/var/run/docker.sock');
}

/** Resolves when the daemon answers, rejects with DOCKER_UNREACHABLE within `timeoutMs`. */
export async function pingDocker(docker: Docker, timeoutMs = 2500): Promise<void> {
	try {
		await withTimeout(docker.ping(), timeoutMs, `no answer within ${timeoutMs / 1000}s`);
	} catch (error) {
		throw new RedisLabError('DOCKER_UNREACHABLE', `Docker is not reachable at ${describeDockerHost()} (${messageOf(error)})`, {cause: error});
	}
}
