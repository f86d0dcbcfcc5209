import {test} from 'node:test';
import assert from 'node:assert/strict';
import {freeSubnet, PODMAN_POOLS, routeSubnets} from '../../../source/engine/runtime/docker/subnet.js';

test('freeSubnet skips every /24 inside a taken range, whatever its size', () => {
	assert.equal(freeSubnet([]), '172.18.0.0/24');
	assert.equal(freeSubnet(['172.17.0.0/16', '172.18.0.0/16', '172.19.0.0/24', '172.19.1.0/24']), '172.19.2.0/24');
	assert.equal(freeSubnet(['172.16.0.0/12']), '192.168.0.0/24');
	assert.equal(freeSubnet(['172.16.0.0/12', '192.168.0.0/20', 'fd00::/64']), '192.168.16.0/24');
	assert.equal(freeSubnet(['172.16.0.0/12', '192.168.0.0/16']), undefined);
});

test('routeSubnets reads /proc/net/route and leaves out the default route', () => {
	const text = `Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT
eth0\t00000000\t010200C0\t0003\t0\t0\t0\t00000000\t0\t0\t0
docker0\t000011AC\t00000000\t0001\t0\t0\t0\t0000FFFF\t0\t0\t0
tun0\t000014AC\t00000000\t0001\t0\t0\t0\t0000FFFF\t0\t0\t0
br-1\t0020A8C0\t00000000\t0001\t0\t0\t0\t00F0FFFF\t0\t0\t0
`;
	assert.deepEqual(routeSubnets(text), ['172.17.0.0/16', '172.20.0.0/16', '192.168.32.0/20']);
	// A VPN's route keeps the pick off its range.
	assert.equal(freeSubnet(['172.17.0.0/16', '172.18.0.0/15', ...routeSubnets(text)]), '172.21.0.0/24');
});

test('freeSubnet can pass over free subnets, so sessions racing for one spread out', () => {
	assert.equal(freeSubnet([], 2), '172.18.2.0/24');
	assert.equal(freeSubnet(['172.18.0.0/24', '172.18.1.0/24'], 1), '172.18.3.0/24');
});

test('Podman networks come from Podman\'s own pool, apart from Docker\'s', () => {
	assert.equal(freeSubnet([], 0, PODMAN_POOLS), '10.89.0.0/24');
	assert.equal(freeSubnet(['10.89.0.0/24', '172.18.0.0/16'], 0, PODMAN_POOLS), '10.89.1.0/24');
	const podman = new Set(Array.from({length: 300}, (_, skip) => freeSubnet([], skip, PODMAN_POOLS)));
	assert.ok([...podman].every((subnet) => subnet?.startsWith('10.')), 'never one of Docker\'s');
});
