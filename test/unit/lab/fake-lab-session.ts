import type {ExecResult, Runtime} from '../../../source/engine/runtime/types.js';
import type {Session} from '../../../source/engine/session/session.js';
import type {NodeView, SessionState, TranscriptEntry} from '../../../source/engine/session/state.js';
import {kindOf, type NodeSpec} from '../../../source/engine/topology/topology.js';
import {stubShell} from './stub-shell.js';

/**
 * The part of a Session the lab runner uses, in memory: nodes start, REPLICAOF makes a replica,
 * SET on a master reaches its replicas, GET reads. Commands go to the transcript through a stub ShellText.
 */
export class FakeLabSession {
	state: SessionState = {id: 'fake', runtime: 'local', runtimeLabel: 'fake', phase: 'ready', nodes: [], events: [], logs: [], transcript: []};
	private readonly specs = new Map<string, NodeSpec>();
	private readonly data = new Map<string, Map<string, string>>();
	private readonly masterOf = new Map<string, string>();
	private seq = 0;

	readonly runtime = {
		kind: 'local',
		shell: stubShell,
		hostAddress: (name: string) => ({host: '127.0.0.1', port: this.specs.get(name)?.port ?? 0}),
		peerAddress: (name: string) => ({host: name, port: this.specs.get(name)?.port ?? 0}),
		exec: async (name: string, args: string[]): Promise<ExecResult> => this.exec(name, args),
	} as unknown as Runtime;

	get asSession(): Session {
		return this as unknown as Session;
	}

	getState = (): SessionState => this.state;

	/** The real one polls every node often meanwhile; here state changes are immediate. */
	pollingFast = <T>(wait: Promise<T>): Promise<T> => wait;

	/** The real one keeps quiet nodes at the full poll rate meanwhile; here there is no polling. */
	holdFullRate = (): (() => void) => () => undefined;

	update(change: (state: SessionState) => SessionState): void {
		this.state = change(this.state);
	}

	declare(specs: NodeSpec[]): void {
		for (const spec of specs) {
			this.specs.set(spec.name, spec);
			const view: NodeView = {name: spec.name, kind: spec.kind, address: `127.0.0.1:${spec.port}`, health: 'absent', changedAt: {}, names: {}};
			this.update((state) => ({...state, nodes: [...state.nodes, view]}));
		}
	}

	spec(name: string): NodeSpec {
		return this.specs.get(name)!;
	}

	nodeNames(): string[] {
		return [...this.specs.keys()];
	}

	record(kind: TranscriptEntry['kind'], text: string, extra: Partial<TranscriptEntry> = {}): void {
		this.update((state) => ({...state, transcript: [...state.transcript, {seq: ++this.seq, at: 0, kind, text, ...extra}]}));
	}

	/** The transcript's lines of one kind. */
	lines(kind: TranscriptEntry['kind']): string[] {
		return this.state.transcript.filter((entry) => entry.kind === kind).map((entry) => entry.text);
	}

	async refresh(): Promise<void> {}

	currentMaster(): string | undefined {
		return undefined;
	}

	async startNodes(names: string[]): Promise<void> {
		for (const name of names) {
			this.record('command', stubShell.create(name));
			this.data.set(name, new Map());
			this.setView(name, {health: 'up', replication: kindOf(name) === 'redis' ? {role: 'master'} : undefined} as Partial<NodeView>);
		}
	}

	async cli(name: string, args: string[]): Promise<ExecResult> {
		this.record('command', stubShell.cli(name, args));
		return this.exec(name, args);
	}

	private exec(name: string, args: string[]): ExecResult {
		const [command, ...rest] = args;
		const ok = (stdout: string): ExecResult => ({stdout, stderr: '', exitCode: 0});
		if (command === 'REPLICAOF') {
			const master = [...this.specs.values()].find((spec) => spec.name === rest[0])!.name;
			this.masterOf.set(name, master);
			for (const [key, value] of this.data.get(master) ?? []) this.data.get(name)?.set(key, value);
			this.setView(name, {replication: {role: 'slave'}} as Partial<NodeView>);
			return ok('OK');
		}
		if (command === 'SET') {
			for (const node of [name, ...[...this.masterOf].filter(([, master]) => master === name).map(([replica]) => replica)]) this.data.get(node)?.set(rest[0]!, rest[1]!);
			return ok('OK');
		}
		if (command === 'GET') {
			const value = this.data.get(name)?.get(rest[0]!);
			return ok(value === undefined ? '(nil)' : `"${value}"`);
		}
		return ok('');
	}

	private setView(name: string, change: Partial<NodeView>): void {
		this.update((state) => ({...state, nodes: state.nodes.map((node) => (node.name === name ? {...node, ...change} : node))}));
	}
}
