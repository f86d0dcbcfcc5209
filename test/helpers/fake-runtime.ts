import {RedisLabError} from '../../source/engine/base/errors.js';
import {localShell} from '../../source/engine/runtime/local/shell-text.js';
import {portFor, renderConf, type NodeSpec} from '../../source/engine/topology/topology.js';
import type {ExecResult, NodeRunState, Runtime, ShellText} from '../../source/engine/runtime/types.js';
import type {EventSourceFactory, Probe, ProbeFactory} from '../../source/engine/session/observers.js';
import type {NodeView} from '../../source/engine/session/state.js';
import type {ReplicationInfo, SentinelInfo} from '../../source/engine/redis/probe/types.js';

export interface FakeRuntimeOptions {
	basePort?: number;
	/** Whether every node's address is known before it starts (docker's fixed IPs). */
	addressesKnown?: boolean;
}

/**
 * A runtime with in-memory nodes: operations change a state per node and are logged in `log`
 * ("create master", "start master"...); fake probes report what a real INFO would show of this
 * little world (replicas linked to the running master, sentinels naming `master`).
 */
export class FakeRuntime implements Runtime {
	readonly kind = 'local' as const;
	readonly sessionId = 'fake';
	readonly label = 'fake redis';
	readonly log: string[] = [];
	readonly shell: ShellText;
	/** The node the sentinels name as master (set it to fake a failover). */
	master = 'master';
	/** Whether replicas of a running master report their link up. */
	linkReplicas = true;
	/** Per-node changes to what the probes report, applied last. */
	readonly overrides = new Map<string, Partial<NodeView>>();
	private readonly basePort: number;
	private readonly addressesKnown: boolean;
	private readonly created = new Map<string, NodeSpec>();
	private readonly states = new Map<string, NodeRunState>();
	private readonly configs = new Map<string, string>();

	constructor(options: FakeRuntimeOptions = {}) {
		this.basePort = options.basePort ?? 6379;
		this.addressesKnown = options.addressesKnown ?? false;
		this.shell = localShell({port: (node) => this.portOf(node)});
	}

	private portOf(name: string): number {
		return this.created.get(name)?.port ?? portFor(name, this.basePort);
	}

	private must(name: string): NodeSpec {
		const spec = this.created.get(name);
		if (!spec) throw new RedisLabError('INTERNAL', `Node ${name} was not created in this session`);
		return spec;
	}

	private act(what: string, name: string, state?: NodeRunState): void {
		this.must(name);
		this.log.push(`${what} ${name}`);
		if (state) this.states.set(name, state);
	}

	async prepare(): Promise<void> {
		this.log.push('prepare');
	}

	async create(node: NodeSpec): Promise<void> {
		this.created.set(node.name, node);
		this.states.set(node.name, 'created');
		this.configs.set(node.name, this.renderConfig(node));
		this.log.push(`create ${node.name}`);
	}

	async writeConfig(name: string, text: string): Promise<void> {
		this.act('write-config', name);
		this.configs.set(name, text);
	}

	async readConfig(name: string): Promise<string> {
		this.must(name);
		return this.configs.get(name) ?? '';
	}

	renderConfig(node: NodeSpec): string {
		return renderConf(node, {peerAddress: (name) => this.peerAddress(name), addressBeforeStart: (name) => this.addressBeforeStart(name)});
	}

	async start(name: string): Promise<void> {
		this.act('start', name, 'running');
	}

	async stop(name: string, how: 'shutdown' | 'kill'): Promise<void> {
		this.act(how === 'kill' ? 'kill' : 'stop', name, 'exited');
	}

	async restart(name: string): Promise<void> {
		this.act('restart', name, 'running');
	}

	async pause(name: string): Promise<void> {
		this.act('pause', name, 'paused');
	}

	async resume(name: string): Promise<void> {
		this.act('resume', name, 'running');
	}

	async isolate(name: string): Promise<void> {
		this.act('isolate', name);
	}

	async heal(name: string): Promise<void> {
		this.act('heal', name);
	}

	async exec(name: string, args: string[]): Promise<ExecResult> {
		this.act(`exec ${args.join(' ')} on`, name);
		return args[0]?.toUpperCase() === 'PING' ? {stdout: 'PONG\n', stderr: '', exitCode: 0} : {stdout: 'OK\n', stderr: '', exitCode: 0};
	}

	async execShell(name: string): Promise<ExecResult> {
		this.act('exec-shell', name);
		return {stdout: '', stderr: '', exitCode: 0};
	}

	async *logs(): AsyncIterable<string> {}

	async tailLogs(): Promise<string> {
		return '';
	}

	async state(name: string): Promise<NodeRunState> {
		return this.states.get(name) ?? 'missing';
	}

	async teardown(): Promise<void> {
		this.log.push('teardown');
		this.created.clear();
		this.states.clear();
	}

	nodes(): NodeSpec[] {
		return [...this.created.values()];
	}

	hostAddress(name: string): {host: string; port: number} {
		return {host: '127.0.0.1', port: this.portOf(name)};
	}

	peerAddress(name: string): {host: string; port: number} {
		return this.hostAddress(name);
	}

	addressBeforeStart(name: string): {host: string; port: number} | undefined {
		return this.addressesKnown ? this.hostAddress(name) : undefined;
	}

	resolve(_host: string, port: number): string | undefined {
		return [...this.created.values()].find((spec) => spec.port === port)?.name;
	}

	private running(name: string): boolean {
		return this.states.get(name) === 'running';
	}

	/** What INFO would show of a node now (health down when it is not running). */
	observe(name: string): Partial<NodeView> {
		const spec = this.created.get(name);
		if (!spec || !this.running(name)) return {health: this.states.get(name) === 'paused' ? 'paused' : 'down', error: 'connect ECONNREFUSED'};
		const servers = [...this.created.values()].filter((node) => node.kind === 'redis');
		const replicas = servers.filter((node) => node.name !== this.master && this.running(node.name) && this.linkReplicas && this.running(this.master));
		let view: Partial<NodeView>;
		if (spec.kind === 'sentinel') {
			const sentinels = [...this.created.values()].filter((node) => node.kind === 'sentinel' && this.running(node.name)).length;
			const sentinel: SentinelInfo = {masters: [{index: 0, name: 'master', status: this.running(this.master) ? 'ok' : 'odown', host: '127.0.0.1', port: this.portOf(this.master), slaves: replicas.length, sentinels}], tilt: false, runningScripts: 0, scriptsQueueLength: 0, simulateFailureFlags: 0, raw: {}};
			view = {health: 'up', sentinel};
		} else {
			const isMaster = name === this.master;
			const linked = !isMaster && replicas.some((node) => node.name === name);
			const replication: ReplicationInfo = isMaster
				? {role: 'master', connectedSlaves: replicas.length, replicas: [], masterReplid: 'x', masterReplOffset: 0, raw: {}}
				: {role: 'slave', connectedSlaves: 0, replicas: [], masterReplid: 'x', masterReplOffset: 0, masterHost: '127.0.0.1', masterPort: this.portOf(this.master), masterLinkStatus: linked ? 'up' : 'down', raw: {}};
			view = {health: 'up', replication};
		}
		return {...view, error: undefined, ...this.overrides.get(name)};
	}

	/** Probes that report `observe(name)` on every poll (no timer: tests poll through the session). */
	readonly probes: ProbeFactory = (target, _hooks, onChange): Probe => {
		let view: NodeView = {name: target.name, kind: target.kind, address: `127.0.0.1:${target.port}`, health: 'starting', changedAt: {}, names: {}};
		const poll = async () => {
			view = {...view, ...this.observe(target.name)};
			onChange(view);
			return view;
		};
		return {start: () => void poll(), poll, stop: () => undefined};
	};

	/** A sentinel event stream that never hears anything. */
	readonly events: EventSourceFactory = () => ({add: async () => undefined, close: () => undefined});
}
