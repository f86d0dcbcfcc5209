import {test} from 'node:test';
import assert from 'node:assert/strict';
import {portFor, renderRedisConf, renderSentinelConf, standardTopology, validateBasePort, type RenderContext} from '../../source/engine/topology/topology.js';
import {RedisLabError} from '../../source/engine/base/errors.js';
import {fixedIp} from '../../source/engine/runtime/docker/network.js';
import {renderLocalConf} from '../../source/engine/runtime/local/config.js';

const docker: RenderContext = {peerAddress: (name) => ({host: `redis-lab-${name}`, port: portFor(name)})};

test('the article topology: ports, replicas, sentinels', () => {
	const nodes = standardTopology({sentinels: 3});
	assert.deepEqual(nodes.map((node) => [node.name, node.port]), [['master', 6379], ['replica1', 6380], ['replica2', 6381], ['sentinel1', 16379], ['sentinel2', 16380], ['sentinel3', 16381]]);
	assert.equal(nodes[1]!.replicaOf, 'master');
	assert.equal(nodes[3]!.monitor?.quorum, 2);
	assert.equal(nodes[3]!.monitor?.downAfterMs, 5000);
});

test('--base-port shifts every port, and bad values are refused in one line', () => {
	assert.equal(portFor('sentinel2', 7379), 17380);
	assert.equal(validateBasePort('7379'), 7379);
	for (const bad of ['abc', '80', '60000', '7379.5']) {
		assert.throws(() => validateBasePort(bad), (error: unknown) => error instanceof RedisLabError && error.code === 'BAD_INPUT' && !error.message.includes('\n'));
	}
});

test('a replica config listens on its own port, turns protected mode off, and follows the master by name', () => {
	const [, replica] = standardTopology();
	const text = renderRedisConf(replica!, docker);
	assert.match(text, /^port 6380$/m);
	assert.match(text, /^protected-mode no$/m);
	assert.match(text, /^replicaof redis-lab-master 6379$/m);
	assert.doesNotMatch(text, /^bind /m);
});

test('a local config binds loopback and writes its files in the node folder', () => {
	const [master] = standardTopology();
	const text = renderRedisConf(master!, {peerAddress: (name) => ({host: '127.0.0.1', port: portFor(name)}), bind: '127.0.0.1 -::1', dir: '/tmp/x/master', logfile: '/tmp/x/master/master.log', pidfile: '/tmp/x/master/master.pid'});
	assert.match(text, /^bind 127\.0\.0\.1 -::1$/m);
	assert.match(text, /^dir \/tmp\/x\/master$/m);
	assert.match(text, /^pidfile \/tmp\/x\/master\/master\.pid$/m);
	assert.doesNotMatch(text, /replicaof/);
});

test('a sentinel config resolves hostnames before monitoring, and never carries a myid', () => {
	const sentinel = standardTopology().find((node) => node.name === 'sentinel1')!;
	const text = renderSentinelConf(sentinel, docker);
	const lines = text.split('\n');
	assert.ok(lines.indexOf('sentinel resolve-hostnames yes') < lines.indexOf('sentinel monitor master redis-lab-master 6379 2'));
	assert.match(text, /^sentinel down-after-milliseconds master 5000$/m);
	assert.match(text, /^sentinel failover-timeout master 15000$/m);
	assert.doesNotMatch(text, /myid/);
});

test('a password turns on requirepass, masterauth and sentinel auth-pass', () => {
	const [master, , , sentinel] = standardTopology();
	const context = {...docker, password: 's3cret'};
	assert.match(renderRedisConf(master!, context), /^requirepass s3cret$/m);
	assert.match(renderRedisConf(master!, context), /^masterauth s3cret$/m);
	assert.match(renderSentinelConf(sentinel!, context), /^sentinel auth-pass master s3cret$/m);
});

test('extra directives are written last, in order', () => {
	const [master] = standardTopology();
	const text = renderRedisConf({...master!, extra: [['min-replicas-to-write', '2'], ['min-replicas-max-lag', '15']]}, docker);
	assert.match(text, /min-replicas-to-write 2\nmin-replicas-max-lag 15\n$/);
});

test('a sentinel told to expect replicas lists them as known-replica lines, by the addresses the runtime knows in advance', () => {
	const sentinel = standardTopology().find((node) => node.name === 'sentinel1')!;
	const expecting = {...sentinel, monitor: {...sentinel.monitor!, knownReplicas: ['replica1', 'replica2']}};
	const ips: Record<string, string> = {replica1: '172.20.0.3', replica2: '172.20.0.4'};
	const text = renderSentinelConf(expecting, {...docker, addressBeforeStart: (name) => ({host: ips[name]!, port: portFor(name)})});
	assert.match(text, /^sentinel known-replica master 172\.20\.0\.3 6380\nsentinel known-replica master 172\.20\.0\.4 6381$/m);
	assert.ok(text.indexOf('sentinel monitor') < text.indexOf('known-replica'));
	// Without addresses known in advance (a name would not resolve at boot), no line is written.
	assert.doesNotMatch(renderSentinelConf(expecting, docker), /known-replica/);
	assert.doesNotMatch(renderSentinelConf(sentinel, {...docker, addressBeforeStart: (name) => ({host: ips[name]!, port: portFor(name)})}), /known-replica/);
});

test('fixed IPs: one per node name from .2 up, inside the subnet Docker picked', () => {
	assert.equal(fixedIp('172.20.0.0/16', 'master'), '172.20.0.2');
	assert.equal(fixedIp('172.20.0.0/16', 'sentinel3'), '172.20.0.7');
	assert.equal(fixedIp('192.168.32.0/20', 'replica1'), '192.168.32.3');
	assert.equal(fixedIp('10.1.2.128/25', 'replica2'), '10.1.2.132');
	assert.equal(fixedIp('10.1.2.0/30', 'master'), undefined, 'too small for every node');
	assert.equal(fixedIp('fd00::/64', 'master'), undefined);
	assert.equal(fixedIp('172.20.0.0/16', 'app'), undefined);
});

test('a local config for an exported script names its files from the script\'s folder; a live one by absolute path', () => {
	const master = standardTopology({}).find((node) => node.name === 'master')!;
	const address = (name: string) => ({host: '127.0.0.1', port: portFor(name)});
	const exported = renderLocalConf(master, {sessionDir: 'redis-lab', address});
	assert.match(exported, /^dir \.\/redis-lab\/master$/m);
	assert.match(exported, /^logfile master\.log$/m);
	assert.match(exported, /^pidfile master\.pid$/m);
	const live = renderLocalConf(master, {sessionDir: '/home/u/.cache/redis-lab/sessions/s', address});
	assert.match(live, /^logfile \/home\/u\/\.cache\/redis-lab\/sessions\/s\/master\/master\.log$/m);
});
