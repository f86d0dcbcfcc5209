import {test} from 'node:test';
import assert from 'node:assert/strict';
import {createHash} from 'node:crypto';
import {existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import Docker from 'dockerode';
import {RedisLabError} from '../../../source/engine/base/errors.js';
import {dockerHostLabel, dockerOptions, resolveDockerHost} from '../../../source/engine/runtime/docker/host.js';

/** A DOCKER_CONFIG folder with the given current context and context metas (name -> meta.json text). */
function dockerConfig(current: string | undefined, metas: Record<string, string>): string {
	const dir = mkdtempSync(join(tmpdir(), 'redis-lab-docker-config-'));
	if (current !== undefined) writeFileSync(join(dir, 'config.json'), JSON.stringify({auths: {}, currentContext: current}));
	for (const [name, text] of Object.entries(metas)) {
		const metaDir = join(dir, 'contexts', 'meta', createHash('sha256').update(name).digest('hex'));
		mkdirSync(metaDir, {recursive: true});
		writeFileSync(join(metaDir, 'meta.json'), text);
	}
	return dir;
}

const meta = (name: string, host: string) => JSON.stringify({Name: name, Metadata: {}, Endpoints: {docker: {Host: host, SkipTLSVerify: false}}});
const linux = {platform: 'linux' as const, home: '/home/nobody', exists: () => true};

test('DOCKER_HOST wins over every context', () => {
	const config = dockerConfig('colima', {colima: meta('colima', 'unix:///colima.sock')});
	const env = {DOCKER_HOST: 'tcp://10.0.0.1:2375', DOCKER_CONTEXT: 'colima', DOCKER_CONFIG: config};
	assert.deepEqual(resolveDockerHost({...linux, env}), {host: 'tcp://10.0.0.1:2375', source: 'DOCKER_HOST'});
	rmSync(config, {recursive: true});
});

test('DOCKER_CONTEXT wins over the current context, which wins over the default', () => {
	const config = dockerConfig('colima', {colima: meta('colima', 'unix:///colima.sock'), podman: meta('podman', 'unix:///podman.sock')});
	assert.deepEqual(resolveDockerHost({...linux, env: {DOCKER_CONFIG: config, DOCKER_CONTEXT: 'podman'}}), {host: 'unix:///podman.sock', source: 'context podman', tls: undefined});
	assert.deepEqual(resolveDockerHost({...linux, env: {DOCKER_CONFIG: config}}), {host: 'unix:///colima.sock', source: 'context colima', tls: undefined});
	assert.deepEqual(resolveDockerHost({...linux, env: {DOCKER_CONFIG: config, DOCKER_CONTEXT: 'default'}}), {host: '/var/run/docker.sock', source: 'default'});
	rmSync(config, {recursive: true});
});

test('platform defaults: the Windows pipe, the system socket, Docker Desktop\'s user socket when the system one is absent', () => {
	const config = dockerConfig(undefined, {});
	const env = {DOCKER_CONFIG: config};
	assert.equal(resolveDockerHost({env, platform: 'win32', home: 'C:\\Users\\a'}).host, '//./pipe/docker_engine');
	assert.equal(resolveDockerHost({...linux, env}).host, '/var/run/docker.sock');
	const onlyUser = (path: string) => path === '/Users/a/.docker/run/docker.sock';
	assert.deepEqual(resolveDockerHost({env, platform: 'darwin', home: '/Users/a', exists: onlyUser}), {host: '/Users/a/.docker/run/docker.sock', source: 'default'});
	rmSync(config, {recursive: true});
});

test('a broken context gives a one-line error naming the context', () => {
	const config = dockerConfig('gone', {bad: '{not json', empty: JSON.stringify({Name: 'empty', Endpoints: {}})});
	const cases: Array<[string | undefined, RegExp]> = [[undefined, /context "gone" is not defined/], ['bad', /context "bad" has an unreadable/], ['empty', /context "empty" names no Docker endpoint/]];
	for (const [name, message] of cases) {
		const env = {DOCKER_CONFIG: config, ...(name ? {DOCKER_CONTEXT: name} : {})};
		assert.throws(() => resolveDockerHost({...linux, env}), (error: unknown) => {
			assert.ok(error instanceof RedisLabError);
			assert.match(error.message, message);
			assert.ok(!error.message.includes('\n'), 'one line');
			return true;
		});
		assert.match(dockerHostLabel({...linux, env}), message, 'messages about the engine never throw');
	}
	rmSync(config, {recursive: true});
});

test('endpoints become dockerode options', () => {
	const socket = (host: string, source: 'default' | 'DOCKER_HOST' = 'DOCKER_HOST') => dockerOptions({host, source}, {}).socketPath;
	assert.equal(socket('/var/run/docker.sock', 'default'), '/var/run/docker.sock');
	assert.equal(socket('unix:///run/podman/podman.sock'), '/run/podman/podman.sock');
	assert.equal(socket('npipe:////./pipe/docker_engine'), '//./pipe/docker_engine');
	const tcp = dockerOptions({host: 'tcp://10.0.0.1:2375', source: 'DOCKER_HOST'}, {});
	assert.deepEqual([tcp.protocol, tcp.host, tcp.port], ['http', '10.0.0.1', '2375']);
	const verified = dockerOptions({host: 'tcp://docker.example:2376', source: 'DOCKER_HOST'}, {DOCKER_TLS_VERIFY: '1'});
	assert.equal(verified.protocol, 'https');
	const ssh = dockerOptions({host: 'ssh://me@build.example:2222', source: 'context remote'}, {SSH_AUTH_SOCK: '/tmp/agent'});
	assert.deepEqual([ssh.protocol, ssh.host, ssh.port, ssh.username, ssh.sshOptions?.agent], ['ssh', 'build.example', '2222', 'me', '/tmp/agent']);
	assert.throws(() => dockerOptions({host: 'ftp://x', source: 'context odd'}, {}), /context odd.*unsupported scheme/);
});

test('a context pointing at a live socket answers ping through dockerode', {skip: !existsSync('/var/run/docker.sock') && 'no Docker socket on this machine'}, async () => {
	const socketDir = mkdtempSync(join(tmpdir(), 'redis-lab-socket-'));
	const socket = join(socketDir, 'engine.sock');
	symlinkSync('/var/run/docker.sock', socket);
	const config = dockerConfig('lab-engine', {'lab-engine': meta('lab-engine', `unix://${socket}`)});
	try {
		const target = resolveDockerHost({env: {DOCKER_CONFIG: config}});
		assert.deepEqual([target.host, target.source], [`unix://${socket}`, 'context lab-engine']);
		const docker = new Docker(dockerOptions(target, {}));
		assert.equal(String(await docker.ping()), 'OK');
	} finally {
		rmSync(config, {recursive: true});
		rmSync(socketDir, {recursive: true});
	}
});

test('messages name the engine tried and how it was found', () => {
	const config = dockerConfig('colima', {colima: meta('colima', 'unix:///Users/a/.colima/default/docker.sock')});
	assert.equal(dockerHostLabel({...linux, env: {DOCKER_CONFIG: config}}), 'unix:///Users/a/.colima/default/docker.sock (context colima)');
	assert.equal(dockerHostLabel({...linux, env: {DOCKER_HOST: 'unix:///run/podman/podman.sock'}}), 'unix:///run/podman/podman.sock (DOCKER_HOST)');
	assert.equal(dockerHostLabel({...linux, env: {DOCKER_CONFIG: config, DOCKER_CONTEXT: 'default'}}), '/var/run/docker.sock (default)');
	rmSync(config, {recursive: true});
});
