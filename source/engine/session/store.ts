import {supportWarning, type ServerKind} from '../redis/server-kind.js';
import type {Runtime} from '../runtime/types.js';
import type {NodeView, SessionState, TranscriptEntry, TranscriptKind} from './state.js';

const MAX_TRANSCRIPT = 2000;

/** The session's immutable snapshot, replaced on change; listeners hear once per tick. */
export class StateStore {
	private state: SessionState;
	private readonly listeners = new Set<() => void>();
	private notifyScheduled = false;
	private seq = 0;

	/** Applied to every transcript entry and log line (`--demo` masks what changes between runs). */
	mask: (text: string) => string = (text) => text;

	constructor(runtime: Pick<Runtime, 'sessionId' | 'kind' | 'label'>) {
		this.state = {id: runtime.sessionId, runtime: runtime.kind, runtimeLabel: runtime.label, phase: 'idle', nodes: [], events: [], logs: [], transcript: []};
	}

	getState = (): SessionState => this.state;

	subscribe = (listener: () => void): (() => void) => {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	};

	/** Replaces the snapshot now; listeners hear of it once per tick. */
	update(change: (state: SessionState) => SessionState): void {
		this.state = change(this.state);
		if (this.notifyScheduled) return;
		this.notifyScheduled = true;
		setImmediate(() => {
			this.notifyScheduled = false;
			for (const listener of [...this.listeners]) listener();
		});
	}

	/** The next number of the session's shared sequence (transcript entries and log lines). */
	nextSeq(): number {
		return ++this.seq;
	}

	record(kind: TranscriptKind, text: string, extra: Partial<TranscriptEntry> = {}): void {
		const entry: TranscriptEntry = {seq: this.nextSeq(), at: Date.now(), kind, text: this.mask(text), ...extra};
		this.update((state) => ({...state, transcript: [...state.transcript, entry].slice(-MAX_TRANSCRIPT)}));
	}

	/**
	 * The first to say which server runs (the local binaries, else the first node's INFO server)
	 * names the session's server; one outside the support table gets its warning, once.
	 */
	learnServer(server: ServerKind | undefined): void {
		if (!server || this.state.server) return;
		this.update((state) => ({...state, server, serverWarning: supportWarning(server)}));
	}

	/** Replaces one node's view. */
	setNode(view: NodeView): void {
		this.learnServer(view.server);
		this.update((state) => ({...state, nodes: state.nodes.map((node) => (node.name === view.name ? view : node))}));
	}

	setHealth(name: string, health: NodeView['health']): void {
		this.update((state) => ({...state, nodes: state.nodes.map((node) => (node.name === name ? {...node, health, changedAt: {...node.changedAt, health: Date.now()}} : node))}));
	}
}
