import type {Lab} from '../../source/engine/lab/format/types.js';
import type {NodeView} from '../../source/engine/session/state.js';
import type {LabSessionIntents, LabSessionState} from '../../source/engine/lab/run/state.js';
import type {SentinelEvent} from '../../source/engine/redis/sentinel/types.js';
import {parseReplicationInfo, parseSentinelInfo} from '../../source/engine/redis/probe/info.js';
import type {AppController, LabHandle} from '../../source/ui/controller.js';

/** A store fed by the test, recording the intents the UI calls. */
export class FakeSession implements LabHandle {
	calls: string[] = [];
	private listeners = new Set<() => void>();
	constructor(public state: LabSessionState) {}
	getState = () => this.state;
	subscribe = (listener: () => void) => {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	};
	set(change: Partial<LabSessionState>): void {
		this.state = {...this.state, ...change};
		for (const listener of this.listeners) listener();
	}
	runStep = async () => void this.calls.push('runStep');
	goToStep = (index: number) => void this.calls.push(`goToStep ${index}`);
	next = () => void this.calls.push('next');
	back = () => void this.calls.push('back');
	resetLab = async () => void this.calls.push('resetLab');
	console: LabSessionIntents['console'] = async (node, line) => {
		this.calls.push(`console ${node} ${line}`);
		return line.startsWith('SET') ? {reply: "(error) READONLY You can't write against a read only replica.", isError: true} : {reply: '"farb"', isError: false};
	};
	followLogs = (on: boolean) => void this.calls.push(`followLogs ${on}`);
	close = async (options?: {keep?: boolean}) => void this.calls.push(`close keep=${Boolean(options?.keep)}`);
}

export const NOW = 1_700_000_000_000;

export function node(name: string, kind: 'redis' | 'sentinel', info: string, extra: Partial<NodeView> = {}): NodeView {
	const view: NodeView = {name, kind, address: `127.0.0.1:${{master: 6379, replica1: 6380, replica2: 6381, sentinel1: 16379, sentinel2: 16380}[name]}`, health: 'up', lastSeenAt: NOW, changedAt: {}, names: {'172.18.0.2:6379': 'master', '172.18.0.3:6380': 'replica1', '172.18.0.4:6381': 'replica2', 'redis-lab-master:6379': 'master'}, ...extra};
	if (info) {
		if (kind === 'sentinel') view.sentinel = parseSentinelInfo(info);
		else view.replication = parseReplicationInfo(info);
	}
	return view;
}

export const MASTER = node('master', 'redis', 'role:master\nconnected_slaves:2\nslave0:ip=172.18.0.3,port=6380,state=online,offset=1427,lag=0\nslave1:ip=172.18.0.4,port=6381,state=online,offset=1427,lag=1\nmaster_replid:abc\nmaster_repl_offset:1427\n');
export const REPLICA = node('replica1', 'redis', 'role:slave\nmaster_host:redis-lab-master\nmaster_port:6379\nmaster_link_status:up\nslave_repl_offset:1427\nslave_read_only:1\n');
export const REPLICA_DOWN_LINK = node('replica2', 'redis', 'role:slave\nmaster_host:redis-lab-master\nmaster_port:6379\nmaster_link_status:down\nslave_repl_offset:900\nslave_read_only:1\n');
export const SENTINEL = node('sentinel1', 'sentinel', 'sentinel_masters:1\nmaster0:name=master,status=ok,address=172.18.0.2:6379,slaves=2,sentinels=2\n');
export const DOWN = node('master', 'redis', '', {health: 'down', lastSeenAt: NOW - 6100, error: 'connect ECONNREFUSED 127.0.0.1:6379'});

export function event(seq: number, type: string, source: string, at: number, extra: Partial<SentinelEvent> = {}): SentinelEvent {
	return {seq, type, source, receivedAt: at, payload: '', ...extra};
}

export const FAILOVER_EVENTS: SentinelEvent[] = [
	event(1, '+sdown', 'sentinel1', NOW + 5000, {instanceRole: 'master', instanceName: 'master', instanceNode: 'master'}),
	event(2, '+odown', 'sentinel2', NOW + 5070, {instanceRole: 'master', instanceNode: 'master', quorum: {count: 2, needed: 2}}),
	event(3, '+elected-leader', 'sentinel2', NOW + 5600, {instanceRole: 'master', instanceNode: 'master'}),
	event(4, '+switch-master', 'sentinel2', NOW + 5890, {switchMaster: {name: 'master', oldHost: '172.18.0.2', oldPort: 6379, newHost: '172.18.0.3', newPort: 6380}, oldMasterNode: 'master', newMasterNode: 'replica1'}),
];

export function labFixture(): Lab {
	return {
		formatVersion: 1, id: 'sentinel-failover', order: 8, title: {en: 'The master goes down', zh: '主服务器宕机'}, summary: {en: 's'}, minutes: 6, runtimes: ['docker', 'local'], file: 'x',
		nodes: {master: {}, replica1: {replicaof: 'master'}},
		steps: [
			{id: 'healthy', title: {en: 'Everything is healthy', zh: '一切正常'}, text: {en: 'Both sentinels agree.', zh: '两个哨兵意见一致。'}, do: [], expect: [{role: {node: 'master', is: 'master'}}]},
			{id: 'stop', title: {en: 'Shut the master down', zh: '关闭 master'}, text: {en: 'Watch the events.'}, hint: {en: 'Wait for down-after.'}, do: [{stop: 'master'}], expect: [{event: {type: '+switch-master'}}]},
		],
	};
}

export function sessionState(extra: Partial<LabSessionState> = {}): LabSessionState {
	const lab = labFixture();
	return {
		id: 's', runtime: 'docker', runtimeLabel: 'redis:7.2', phase: 'ready', nodes: [MASTER, REPLICA, SENTINEL], events: [], logs: [], transcript: [
			{seq: 1, at: NOW, kind: 'command', text: 'docker stop redis-lab-master'},
		],
		lab: {lab, current: 0, setup: 'done', steps: [
			{index: 0, status: 'passed', checks: [{label: 'master role is master', status: 'passed', detail: 'master is master'}], commands: ['docker exec redis-lab-sentinel1 redis-cli -p 16379 INFO sentinel']},
			{index: 1, status: 'pending', checks: [{label: '+switch-master seen', status: 'pending'}], commands: ['docker stop redis-lab-master']},
		]},
		...extra,
	};
}

export function controller(session: FakeSession, extra: Partial<AppController> = {}): AppController {
	const labs = [labFixture(), {...labFixture(), id: 'quorum', order: 11, title: {en: 'Quorum is not a majority'}}];
	return {
		labs, runtime: 'docker', runtimeLabel: 'redis:7.2', lang: 'en',
		progress: {get: (id) => (id === 'sentinel-failover' ? {doneSteps: ['healthy']} : {doneSteps: []}), setLast: () => undefined},
		openLab: async () => session,
		...extra,
	};
}
