import type {Lab} from '../../source/engine/lab/format/types.js';
import type {NodeView} from '../../source/engine/session/state.js';
import type {LabSessionState, StepState} from '../../source/engine/lab/run/state.js';
import {EVENT_CATALOGUE} from '../../source/engine/redis/sentinel/catalogue.js';
import type {SentinelEvent} from '../../source/engine/redis/sentinel/types.js';
import {NOW, event, node} from './fake-session.js';

/** The five nodes of the failover labs after a failover: the old master down, replica1 promoted. */
export function failoverNodes(): NodeView[] {
	return [
		node('master', 'redis', '', {health: 'down', lastSeenAt: NOW - 6100, error: 'connect ECONNREFUSED 127.0.0.1:6379', lastLogs: ['1:M 25 Nov 2026 13:30:00.120 # User requested shutdown...', '1:M 25 Nov 2026 13:30:00.123 # Redis is now ready to exit, bye bye...']}),
		node('replica1', 'redis', 'role:master\nconnected_slaves:1\nslave0:ip=172.18.0.4,port=6381,state=online,offset=1234567,lag=0\nmaster_replid:abc\nmaster_repl_offset:1234567\n'),
		node('replica2', 'redis', 'role:slave\nmaster_host:172.18.0.3\nmaster_port:6380\nmaster_link_status:up\nslave_repl_offset:1234567\nslave_read_only:1\n'),
		node('sentinel1', 'sentinel', 'sentinel_masters:1\nmaster0:name=master,status=ok,address=172.18.0.3:6380,slaves=2,sentinels=2\n'),
		node('sentinel2', 'sentinel', 'sentinel_masters:1\nmaster0:name=master,status=ok,address=172.18.0.3:6380,slaves=2,sentinels=2\n'),
	];
}

/** `count` events, every type of the catalogue in turn (the long names included); the first is unique. */
export function manyEvents(count: number): SentinelEvent[] {
	return Array.from({length: count}, (_, index) => {
		const type = index === 0 ? '+monitor' : EVENT_CATALOGUE[index % EVENT_CATALOGUE.length]!.type;
		return event(index + 1, type, index % 2 ? 'sentinel2' : 'sentinel1', NOW + index * 100, {instanceRole: 'master', instanceNode: index === 0 ? 'first-event' : 'master'});
	});
}

/** Step states of a real lab, with the commands and checks as the engine would list them. */
export function stepStates(lab: Lab, current: number): StepState[] {
	return lab.steps.map((step, index) => ({
		index,
		status: index < current ? 'passed' : index === current ? 'watching' : 'pending',
		commands: step.do.map((_, i) => `docker exec redis-lab-sentinel1 redis-cli -p 26379 SENTINEL GET-MASTER-ADDR-BY-NAME master # command ${i + 1} of step ${index + 1}`),
		checks: step.expect.map((_, i) => ({label: `check ${i + 1}: replica1 role is master`, status: i === 0 ? 'passed' : 'pending', detail: i === 0 ? 'replica1 is master' : undefined})),
	}));
}

/** A session on a real lab at step `current`, after a failover, with many events and long commands. */
export function labState(lab: Lab, current: number, extra: Partial<LabSessionState> = {}): LabSessionState {
	return {
		id: 's', runtime: 'docker', runtimeLabel: 'redis-lab/redis:offline', phase: 'ready', nodes: failoverNodes(), events: manyEvents(40), faultAt: NOW, logs: [],
		transcript: Array.from({length: 12}, (_, i) => ({seq: i + 1, at: NOW, kind: 'command' as const, text: `docker exec redis-lab-replica${(i % 2) + 1} redis-cli -h 127.0.0.1 -p 6380 CONFIG SET replica-announce-ip redis-lab-replica${(i % 2) + 1} # a long command ${i}`})),
		lab: {lab, current, setup: 'done', steps: stepStates(lab, current)},
		...extra,
	};
}
