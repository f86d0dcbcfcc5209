import {test} from 'node:test';
import assert from 'node:assert/strict';
import {dockerShell, type DockerShellContext} from '../../../source/engine/runtime/docker/shell-text.js';
import {localShell} from '../../../source/engine/runtime/local/shell-text.js';
import {containerName, networkName} from '../../../source/engine/runtime/docker/names.js';
import {monitorSpec, portFor} from '../../../source/engine/topology/topology.js';

const CURRENT = '$(current_master)';

function docker(overrides: Partial<DockerShellContext> = {}) {
	return dockerShell({
		basePort: 6379,
		image: 'redis:7.2',
		port: (node) => portFor(node, overrides.basePort ?? 6379),
		subnet: () => undefined,
		fixedIp: () => undefined,
		healIp: () => undefined,
		spec: () => undefined,
		...overrides,
	});
}

test('names: one function each for containers and networks, with the base-port prefix', () => {
	assert.equal(containerName(6379, 'master'), 'redis-lab-master');
	assert.equal(containerName(31000, 'replica1'), 'redis-lab-31000-replica1');
	assert.equal(containerName(31000, CURRENT), 'redis-lab-31000-$(current_master)');
	assert.equal(networkName(6379), 'redis-lab');
	assert.equal(networkName(7379), 'redis-lab-7379');
});

test('docker shell text: every operation on a named node', () => {
	const shell = docker();
	assert.equal(shell.create('replica1'), 'docker run -d --name redis-lab-replica1 --network redis-lab -p 127.0.0.1:6380:6380 -v "$PWD/redis-lab/replica1:/usr/local/etc/redis" redis:7.2 redis-server /usr/local/etc/redis/redis.conf');
	assert.equal(shell.create('sentinel1'), 'docker run -d --name redis-lab-sentinel1 --network redis-lab -p 127.0.0.1:16379:16379 -v "$PWD/redis-lab/sentinel1:/usr/local/etc/redis" redis:7.2 redis-server /usr/local/etc/redis/sentinel.conf --sentinel');
	assert.equal(shell.start('master'), 'docker start redis-lab-master');
	assert.equal(shell.stop('master'), 'docker stop redis-lab-master');
	assert.equal(shell.kill('master'), 'docker kill redis-lab-master');
	assert.equal(shell.pause('master'), 'docker pause redis-lab-master');
	assert.equal(shell.resume('master'), 'docker unpause redis-lab-master');
	assert.equal(shell.restart('master'), 'docker restart redis-lab-master');
	assert.equal(shell.remove('master'), 'docker rm -f redis-lab-master');
	assert.equal(shell.isolate('master'), 'docker network disconnect redis-lab redis-lab-master');
	assert.equal(shell.heal('master'), 'docker network connect redis-lab redis-lab-master');
	assert.equal(shell.logs('sentinel1', {follow: true}), 'docker logs -f redis-lab-sentinel1');
	assert.equal(shell.logs('sentinel1', {tail: 20}), 'docker logs --tail 20 redis-lab-sentinel1 2>&1');
	assert.equal(shell.logs('sentinel1'), 'docker logs --tail 40 redis-lab-sentinel1 2>&1');
	assert.equal(shell.cli('replica1', ['SET', 'a b', 'x']), "docker exec redis-lab-replica1 redis-cli -p 6380 SET 'a b' x");
	assert.equal(shell.cli('replica1', []), 'docker exec redis-lab-replica1 redis-cli -p 6380');
	assert.equal(shell.script('master', 'for i in 1 2; do redis-cli SET k $i; done'), "docker exec redis-lab-master sh -c 'for i in 1 2; do redis-cli SET k $i; done'");
	assert.equal(shell.writeConfig('replica1', 'port 6380'), "cat > ./redis-lab/replica1/redis.conf <<'EOF'\nport 6380\nEOF");
	assert.equal(shell.showConfig('sentinel2'), 'cat ./redis-lab/sentinel2/sentinel.conf');
	assert.equal(shell.network(), 'docker network create redis-lab');
	assert.deepEqual(shell.cleanup(['master', 'replica1']), ['docker rm -f redis-lab-master redis-lab-replica1', 'docker network rm redis-lab']);
	assert.equal(shell.notRunning('master', 'missing'), 'Error response from daemon: No such container: redis-lab-master');
	assert.equal(shell.notRunning('master', 'exited'), 'Error response from daemon: Container redis-lab-master is not running');
});

test('docker shell text: fixed addresses, a sentinel\'s --add-host, heal with the old IP, a password, shifted ports', () => {
	const ips: Record<string, string> = {master: '172.20.0.2', sentinel1: '172.20.0.5'};
	const shell = docker({
		basePort: 7379,
		password: 's3cret pw',
		subnet: () => '172.20.0.0/16',
		fixedIp: (node) => ips[node],
		healIp: (node) => (node === 'master' ? '172.20.0.2' : undefined),
		containerId: (node) => (node === 'master' ? 'abc123' : undefined),
	});
	assert.equal(shell.create('sentinel1', {name: 'sentinel1', kind: 'sentinel', port: 17379, monitor: monitorSpec()}), 'docker run -d --name redis-lab-7379-sentinel1 --network redis-lab-7379 --ip 172.20.0.5 --add-host redis-lab-7379-master:172.20.0.2 -p 127.0.0.1:17379:17379 -v "$PWD/redis-lab/sentinel1:/usr/local/etc/redis" redis:7.2 redis-server /usr/local/etc/redis/sentinel.conf --sentinel');
	assert.equal(shell.heal('master'), 'docker network connect --ip 172.20.0.2 redis-lab-7379 redis-lab-7379-master');
	assert.equal(shell.network(), 'docker network create --subnet 172.20.0.0/16 redis-lab-7379');
	assert.equal(shell.cli('master', ['PING']), "docker exec redis-lab-7379-master redis-cli -p 7379 -a 's3cret pw' --no-auth-warning PING");
	assert.equal(shell.notRunning('master', 'created'), 'Error response from daemon: Container abc123 is not running');
});

test('docker shell text: a node given as a shell expression keeps it in names and asks node_port for its port', () => {
	const shell = docker({basePort: 31000});
	assert.equal(shell.stop(CURRENT), 'docker stop redis-lab-31000-$(current_master)');
	assert.equal(shell.isolate(CURRENT), 'docker network disconnect redis-lab-31000 redis-lab-31000-$(current_master)');
	assert.equal(shell.cli(CURRENT, ['ROLE']), 'docker exec redis-lab-31000-$(current_master) redis-cli -p $(node_port "$(current_master)") ROLE');
	assert.equal(shell.showConfig(CURRENT), 'cat ./redis-lab/$(current_master)/redis.conf');
});

test('local shell text: the programs found (a Valkey install, no valkey-sentinel) are the ones shown', () => {
	const programs = {server: 'valkey-server', sentinel: ['valkey-server', '--sentinel'], cli: 'valkey-cli'};
	const shell = localShell({port: (node) => portFor(node, 7379), programs: () => programs});
	assert.equal(shell.create('master'), 'valkey-server ./redis-lab/master/redis.conf --daemonize yes');
	assert.equal(shell.start('sentinel1'), 'valkey-server ./redis-lab/sentinel1/sentinel.conf --sentinel --daemonize yes');
	assert.equal(shell.cli('replica1', ['ROLE']), 'valkey-cli -p 7380 ROLE');
	assert.equal(shell.notRunning('replica1', 'exited'), 'Could not connect to Valkey at 127.0.0.1:7380: Connection refused', 'as valkey-cli says it');
	programs.sentinel = ['valkey-sentinel'];
	assert.equal(shell.start('sentinel1'), 'valkey-sentinel ./redis-lab/sentinel1/sentinel.conf --daemonize yes');
});

test('local shell text: every operation, a password, and a node given as a shell expression', () => {
	const shell = localShell({port: (node) => portFor(node, 7379)});
	assert.equal(shell.create('master'), 'redis-server ./redis-lab/master/redis.conf --daemonize yes');
	assert.equal(shell.start('sentinel1'), 'redis-sentinel ./redis-lab/sentinel1/sentinel.conf --daemonize yes');
	assert.equal(shell.stop('replica1'), 'redis-cli -p 7380 shutdown');
	assert.equal(shell.kill('master'), 'kill -9 $(cat ./redis-lab/master/master.pid)');
	assert.equal(shell.pause('master'), 'kill -STOP $(cat ./redis-lab/master/master.pid)');
	assert.equal(shell.resume('master'), 'kill -CONT $(cat ./redis-lab/master/master.pid)');
	assert.equal(shell.restart('master'), 'redis-cli -p 7379 shutdown && redis-server ./redis-lab/master/redis.conf --daemonize yes');
	assert.equal(shell.remove('master'), 'kill -9 $(cat ./redis-lab/master/master.pid); rm -rf ./redis-lab/master');
	assert.equal(shell.isolate('master'), '# network isolation needs the docker runtime');
	assert.equal(shell.heal('master'), '# network isolation needs the docker runtime');
	assert.equal(shell.logs('master', {follow: true}), 'tail -f ./redis-lab/master/master.log');
	assert.equal(shell.logs('master', {tail: 5}), 'tail -n 5 ./redis-lab/master/master.log');
	assert.equal(shell.cli('master', ['GET', 'k']), 'redis-cli -p 7379 GET k');
	assert.equal(shell.script('master', 'echo hi'), 'echo hi');
	assert.equal(shell.showConfig('master'), 'cat ./redis-lab/master/redis.conf');
	assert.equal(shell.network(), undefined);
	assert.deepEqual(shell.cleanup(['master', 'replica1']), ['for n in master replica1; do cli_$n SHUTDOWN NOSAVE; done; rm -rf ./redis-lab']);
	assert.equal(shell.notRunning('replica2', 'exited'), 'Could not connect to Redis at 127.0.0.1:7381: Connection refused');
	assert.equal(shell.stop(CURRENT), 'redis-cli -p $(node_port "$(current_master)") shutdown');
	assert.equal(shell.kill(CURRENT), 'kill -9 $(cat ./redis-lab/$(current_master)/$(current_master).pid)');
	assert.equal(shell.restart(CURRENT), 'redis-cli -p $(node_port "$(current_master)") shutdown && redis-server ./redis-lab/$(current_master)/redis.conf --daemonize yes');
	const secured = localShell({password: "it's", port: () => 6379});
	assert.equal(secured.cli('master', ['PING']), "redis-cli -p 6379 -a 'it'\\''s' --no-auth-warning PING");
});
