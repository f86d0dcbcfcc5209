import {test} from 'node:test';
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {mkdtempSync, rmSync} from 'node:fs';
import {createConnection, createServer, type Server, type Socket} from 'node:net';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {CLI, TEST_IMAGE, labelledContainers, needDocker} from '../../helpers/env.js';
import {CliProcess} from '../../helpers/spawn-cli.js';
import {Terminal, tmuxAvailable} from '../../helpers/terminal.js';
import {basePort} from '../../helpers/lane.js';

/** A socket that forwards to the real Docker daemon until `close()`: the daemon "goes away" for the app alone. */
class DockerProxy {
	readonly path: string;
	private readonly server: Server;
	private readonly sockets = new Set<Socket>();
	private readonly dir = mkdtempSync(join(tmpdir(), 'redis-lab-proxy-'));

	constructor(target = '/var/run/docker.sock') {
		this.path = join(this.dir, 'docker.sock');
		this.server = createServer((client) => {
			const upstream = createConnection(target);
			for (const socket of [client, upstream]) {
				this.sockets.add(socket);
				socket.on('error', () => socket.destroy());
				socket.on('close', () => this.sockets.delete(socket));
			}
			client.pipe(upstream).pipe(client);
		});
	}

	listen(): Promise<void> {
		return new Promise((resolve) => this.server.listen(this.path, resolve));
	}

	close(): void {
		this.server.close();
		for (const socket of this.sockets) socket.destroy();
		rmSync(this.dir, {recursive: true, force: true});
	}
}

function down(): void {
	spawnSync(process.execPath, [CLI, 'down'], {stdio: 'ignore', env: {...process.env, DOCKER_HOST: ''}});
}

test('headless: the daemon goes away mid-lab: one clear message, non-zero exit, no stack trace', {timeout: 120_000}, async (t) => {
	if (!needDocker(t)) return;
	const proxy = new DockerProxy();
	await proxy.listen();
	try {
		const cli = new CliProcess(['run', 'sentinel-failover', '--runtime', 'docker', '--base-port', String(basePort(0))], {REDIS_LAB_IMAGE: TEST_IMAGE, DOCKER_HOST: `unix://${proxy.path}`});
		await cli.waitFor(/Step 1\/\d+/, 60_000);
		const closedAt = Date.now();
		proxy.close();
		const {code} = await cli.exit(30_000);
		assert.notEqual(code, 0);
		assert.ok(Date.now() - closedAt < 20_000, `exit took ${Date.now() - closedAt} ms`);
		assert.match(cli.stderr, /^redis-lab: Lost the Docker daemon/m);
		assert.match(cli.stderr, /redis-lab down/);
		assert.doesNotMatch(cli.stderr + cli.stdout, /\n\s+at /, 'no stack trace');
	} finally {
		proxy.close();
		down();
	}
	assert.deepEqual(labelledContainers(), []);
});

test('interactive: the daemon goes away mid-lab: the screen says so, probing stops, q quits with what to do', {timeout: 120_000}, async (t) => {
	if (!needDocker(t)) return;
	if (!tmuxAvailable()) throw new Error('tmux is required for this test');
	const proxy = new DockerProxy();
	await proxy.listen();
	const config = mkdtempSync(join(tmpdir(), 'redis-lab-e2e-config-'));
	const terminal = new Terminal(`${process.execPath} ${CLI} start sentinel-failover --runtime docker --base-port ${basePort(1)}`, {
		env: {REDIS_LAB_IMAGE: TEST_IMAGE, DOCKER_HOST: `unix://${proxy.path}`, REDIS_LAB_CONFIG_DIR: config},
	});
	try {
		await terminal.waitFor(/Step 1\/\d+: .* · passed/, 60_000);
		proxy.close();
		const screen = await terminal.waitFor(/Lost the Docker daemon/, 15_000);
		assert.match(screen, /redis-lab down/);
		terminal.keys('q');
		await terminal.waitFor(/Remove the lab's containers/);
		terminal.keys('y');
		const last = await terminal.waitFor(/\[exit \d+\]/, 20_000);
		assert.match(last, /could not remove the lab's nodes/);
		assert.match(last, /\[exit 1\]/);
		assert.doesNotMatch(last, /\n\s+at /, 'no stack trace');
	} finally {
		terminal.close();
		proxy.close();
		rmSync(config, {recursive: true, force: true});
		down();
	}
	assert.deepEqual(labelledContainers(), []);
});
