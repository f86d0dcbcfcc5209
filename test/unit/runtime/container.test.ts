import {test} from 'node:test';
import assert from 'node:assert/strict';
import {containerOptions} from '../../../source/engine/runtime/docker/container.js';
import {monitorSpec} from '../../../source/engine/topology/topology.js';

test('a node\'s container: labelled as ours, its port published on 127.0.0.1 only, its folder mounted, fixed IP and hosts when known', () => {
	const options = containerOptions({
		node: {name: 'sentinel1', kind: 'sentinel', port: 41000, monitor: monitorSpec()},
		name: 'redis-lab-31000-sentinel1',
		image: 'redis:7.2',
		sessionId: 's1',
		owner: 'alice',
		network: 'redis-lab-31000',
		dir: '/tmp/x/sentinel1',
		ip: '172.20.0.5',
		extraHosts: ['redis-lab-31000-master:172.20.0.2'],
	});
	assert.deepEqual(options, {
		name: 'redis-lab-31000-sentinel1',
		Image: 'redis:7.2',
		Cmd: ['redis-server', '/usr/local/etc/redis/sentinel.conf', '--sentinel'],
		Labels: {'redis-lab.managed': 'true', 'redis-lab.session': 's1', 'redis-lab.owner': 'alice', 'redis-lab.node': 'sentinel1'},
		ExposedPorts: {'41000/tcp': {}},
		HostConfig: {
			PortBindings: {'41000/tcp': [{HostIp: '127.0.0.1', HostPort: '41000'}]},
			Binds: ['/tmp/x/sentinel1:/usr/local/etc/redis'],
			NetworkMode: 'redis-lab-31000',
			ExtraHosts: ['redis-lab-31000-master:172.20.0.2'],
		},
		NetworkingConfig: {EndpointsConfig: {'redis-lab-31000': {Aliases: ['sentinel1'], IPAMConfig: {IPv4Address: '172.20.0.5'}, MacAddress: '02:42:ac:14:00:05'}}},
	});
	const plain = containerOptions({node: {name: 'master', kind: 'redis', port: 6379}, name: 'redis-lab-master', image: 'redis:7.2', sessionId: 's1', network: 'redis-lab', dir: '/d', extraHosts: []});
	assert.deepEqual(plain.Cmd, ['redis-server', '/usr/local/etc/redis/redis.conf']);
	assert.equal(plain.HostConfig?.ExtraHosts, undefined);
	assert.deepEqual(plain.NetworkingConfig?.EndpointsConfig?.['redis-lab'], {Aliases: ['master']});
});
