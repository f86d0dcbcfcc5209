import {createHash} from 'node:crypto';
import {existsSync, readFileSync} from 'node:fs';
import http from 'node:http';
import {homedir} from 'node:os';
import {join} from 'node:path';
import type Docker from 'dockerode';
import {RedisLabError, messageOf} from '../../base/errors.js';
import {both} from '../../../i18n/index.js';
import {ENGINE} from '../../../i18n/engine.js';

/** Where the Docker engine is, and how we learned it. */
export interface DockerHost {
	/** An endpoint (unix://, npipe://, tcp://, ssh://) or a bare socket path. */
	host: string;
	source: 'DOCKER_HOST' | `context ${string}` | 'default';
	/** TLS files a context keeps for its endpoint. */
	tls?: {ca?: Buffer; cert?: Buffer; key?: Buffer};
}

/** What the lookup reads; tests pass their own. */
export interface HostLookup {
	env?: NodeJS.ProcessEnv;
	platform?: NodeJS.Platform;
	home?: string;
	exists?: (path: string) => boolean;
}

const WINDOWS_PIPE = '//./pipe/docker_engine';
const SYSTEM_SOCKET = '/var/run/docker.sock';

/** The Docker CLI's order: DOCKER_HOST, DOCKER_CONTEXT, the config's currentContext, the platform default. */
export function resolveDockerHost(lookup: HostLookup = {}): DockerHost {
	const env = lookup.env ?? process.env;
	const home = lookup.home ?? homedir();
	if (env.DOCKER_HOST) return {host: env.DOCKER_HOST, source: 'DOCKER_HOST'};
	const configDir = env.DOCKER_CONFIG || join(home, '.docker');
	const context = env.DOCKER_CONTEXT || currentContext(configDir);
	if (context && context !== 'default') return contextHost(configDir, context);
	return {host: defaultSocket(lookup.platform ?? process.platform, home, lookup.exists ?? existsSync), source: 'default'};
}

function defaultSocket(platform: NodeJS.Platform, home: string, exists: (path: string) => boolean): string {
	if (platform === 'win32') return WINDOWS_PIPE;
	const userSocket = join(home, '.docker', 'run', 'docker.sock');
	return !exists(SYSTEM_SOCKET) && exists(userSocket) ? userSocket : SYSTEM_SOCKET;
}

/** The CLI warns and goes on when config.json is unreadable: so do we. */
function currentContext(configDir: string): string | undefined {
	try {
		const config = JSON.parse(readFileSync(join(configDir, 'config.json'), 'utf8')) as {currentContext?: unknown};
		return typeof config.currentContext === 'string' ? config.currentContext : undefined;
	} catch {
		return undefined;
	}
}

function contextHost(configDir: string, name: string): DockerHost {
	const id = createHash('sha256').update(name).digest('hex');
	const metaFile = join(configDir, 'contexts', 'meta', id, 'meta.json');
	const broken = (why: string, cause?: unknown) =>
		new RedisLabError('DOCKER_UNREACHABLE', both(ENGINE.contextBroken, {name, why}), {
			hint: both(ENGINE.context),
			cause,
		});
	let text: string;
	try {
		text = readFileSync(metaFile, 'utf8');
	} catch (error) {
		throw broken(`is not defined (no ${metaFile})`, error);
	}
	let meta: {Endpoints?: {docker?: {Host?: unknown}}};
	try {
		meta = JSON.parse(text) as typeof meta;
	} catch (error) {
		throw broken(`has an unreadable ${metaFile} (${messageOf(error)})`, error);
	}
	const host = meta?.Endpoints?.docker?.Host;
	if (typeof host !== 'string' || host === '') throw broken(`names no Docker endpoint in ${metaFile}`);
	return {host, source: `context ${name}`, tls: contextTls(join(configDir, 'contexts', 'tls', id, 'docker'))};
}

function contextTls(dir: string): DockerHost['tls'] {
	const read = (file: string) => (existsSync(join(dir, file)) ? readFileSync(join(dir, file)) : undefined);
	const tls = {ca: read('ca.pem'), cert: read('cert.pem'), key: read('key.pem')};
	return tls.ca || tls.cert || tls.key ? tls : undefined;
}

/**
 * dockerode options for an endpoint. Node 20's default agent keeps sockets alive, and reused Docker
 * API sockets can stall a request forever: plain (socket or http) connections get an agent without keep-alive.
 */
export function dockerOptions(target: DockerHost, env: NodeJS.ProcessEnv = process.env): Docker.DockerOptions {
	const plainAgent = () => ({agent: new http.Agent({keepAlive: false})}) as Docker.DockerOptions;
	const {host} = target;
	if (!/^[a-z]+:\/\//i.test(host)) return {socketPath: host, ...plainAgent()};
	if (host.startsWith('unix://')) return {socketPath: host.slice('unix://'.length) || SYSTEM_SOCKET, ...plainAgent()};
	if (host.startsWith('npipe://')) return {socketPath: host.slice('npipe://'.length) || WINDOWS_PIPE, ...plainAgent()};
	let url: URL;
	try {
		url = new URL(host);
	} catch (error) {
		throw new RedisLabError('BAD_INPUT', both(ENGINE.badDockerHost, {host, source: target.source}), {cause: error});
	}
	if (url.protocol === 'ssh:') {
		return {protocol: 'ssh', host: url.hostname, port: url.port || 22, username: decodeURIComponent(url.username) || undefined, sshOptions: {agent: env.SSH_AUTH_SOCK}};
	}
	if (url.protocol !== 'tcp:' && url.protocol !== 'http:' && url.protocol !== 'https:') {
		throw new RedisLabError('BAD_INPUT', both(ENGINE.badDockerScheme, {host, source: target.source, scheme: url.protocol}), {hint: both(ENGINE.schemes)});
	}
	const fromEnv = target.source === 'DOCKER_HOST' && (env.DOCKER_TLS_VERIFY === '1' || Boolean(env.DOCKER_CERT_PATH));
	const tls = url.protocol === 'https:' || fromEnv || Boolean(target.tls) || url.port === '2376';
	const port = url.port || (tls ? 2376 : 2375);
	if (!tls) return {protocol: 'http', host: url.hostname, port, ...plainAgent()};
	return {protocol: 'https', host: url.hostname, port, ...target.tls};
}

/** How messages name the engine tried and how it was found: `/var/run/docker.sock (default)`, `unix:///... (context colima)`. */
export function describeHost(target: DockerHost): string {
	return `${target.host} (${target.source})`;
}

/** The resolved engine for messages; never throws (a broken context names itself). */
export function dockerHostLabel(lookup?: HostLookup): string {
	try {
		return describeHost(resolveDockerHost(lookup));
	} catch (error) {
		return messageOf(error);
	}
}
