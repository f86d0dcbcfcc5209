import {RedisLabError} from '../base/errors.js';
import type {ExecResult, Runtime} from '../runtime/types.js';
import type {Observers} from './observers.js';
import type {StateStore} from './store.js';
import type {NodeSpec} from '../topology/topology.js';

/** What node operations need of the session. */
export interface NodeContext {
	runtime: Runtime;
	store: StateStore;
	observers: Observers;
	spec(name: string): NodeSpec;
	setSpec(spec: NodeSpec): void;
	closed(): boolean;
}

export interface ShowOptions {
	quiet?: boolean;
	byUser?: boolean;
}

/** Node operations: each shows its command as the learner would type it, then does it. */
export class NodeActions {
	constructor(private readonly context: NodeContext) {}

	private show(command: string, node: string | undefined, options: ShowOptions): void {
		if (!options.quiet) this.context.store.record('command', command, {node, byUser: options.byUser});
	}

	async start(name: string, options: ShowOptions = {}): Promise<void> {
		const {runtime, store, observers} = this.context;
		if (this.context.closed()) throw new RedisLabError('INTERNAL', 'The session is closing');
		const spec = this.context.spec(name);
		const state = await runtime.state(name);
		if (state === 'running') return;
		if (state === 'missing') {
			await runtime.create(spec);
			this.show(runtime.shell.create(name, spec), name, options);
		} else if (state === 'paused') {
			this.show(runtime.shell.resume(name), name, options);
			await runtime.resume(name);
			return;
		} else {
			this.show(runtime.shell.start(name), name, options);
		}
		store.setHealth(name, 'starting');
		await runtime.start(name);
		observers.watch(spec);
		await observers.poll(name);
	}

	async stop(name: string, how: 'shutdown' | 'kill', options: ShowOptions = {}): Promise<void> {
		const {runtime, observers} = this.context;
		this.show(how === 'kill' ? runtime.shell.kill(name) : runtime.shell.stop(name), name, options);
		await runtime.stop(name, how);
		await observers.poll(name);
	}

	async pause(name: string, options: ShowOptions = {}): Promise<void> {
		this.show(this.context.runtime.shell.pause(name), name, options);
		await this.context.runtime.pause(name);
		this.context.store.setHealth(name, 'paused');
	}

	async resume(name: string, options: ShowOptions = {}): Promise<void> {
		this.show(this.context.runtime.shell.resume(name), name, options);
		await this.context.runtime.resume(name);
		await this.context.observers.poll(name);
	}

	async restart(name: string, options: ShowOptions = {}): Promise<void> {
		const {runtime, observers} = this.context;
		this.show(runtime.shell.restart(name), name, options);
		await runtime.restart(name);
		observers.watch(this.context.spec(name));
		await observers.poll(name);
	}

	async isolate(name: string, options: ShowOptions = {}): Promise<void> {
		await this.context.runtime.isolate(name);
		this.show(this.context.runtime.shell.isolate(name), name, options);
	}

	async heal(name: string, options: ShowOptions = {}): Promise<void> {
		this.show(this.context.runtime.shell.heal(name), name, options);
		await this.context.runtime.heal(name);
	}

	/**
	 * Runs redis-cli next to a node, recording the command and its real output. A node that is not
	 * running answers at once with what the shown command would print (connection refused, or
	 * Docker's "is not running").
	 */
	async cli(name: string, args: string[], options: ShowOptions = {}): Promise<ExecResult> {
		const {runtime, store, observers} = this.context;
		this.show(runtime.shell.cli(name, args), name, options);
		const state = await runtime.state(name);
		const result = state === 'missing' || state === 'created' || state === 'exited'
			? {stdout: '', stderr: runtime.shell.notRunning(name, state), exitCode: 1}
			: await runtime.exec(name, args);
		if (!options.quiet) {
			const output = (result.stdout + result.stderr).trimEnd();
			if (output) store.record('output', output, {node: name, byUser: options.byUser});
		}
		void observers.poll(name);
		return result;
	}

	/** Merges directives into a node's config and rewrites its file. */
	async writeConfig(name: string, set: Record<string, string | number>, options: ShowOptions = {}): Promise<string> {
		const {runtime} = this.context;
		const spec = this.context.spec(name);
		const extra = [...(spec.extra ?? [])];
		for (const [key, value] of Object.entries(set)) {
			const index = extra.findIndex(([existing]) => existing === key);
			if (index === -1) extra.push([key, String(value)]);
			else extra[index] = [key, String(value)];
		}
		const next: NodeSpec = {...spec, extra};
		this.context.setSpec(next);
		const text = runtime.renderConfig(next);
		if ((await runtime.state(name)) !== 'missing') await runtime.writeConfig(name, text);
		this.show(runtime.shell.writeConfig(name, text), name, options);
		return text;
	}

	/** The node's config file as it is now (or as it will be written). */
	async showConfig(name: string, options: ShowOptions = {}): Promise<string> {
		const {runtime, store} = this.context;
		const state = await runtime.state(name);
		const text = state === 'missing' ? runtime.renderConfig(this.context.spec(name)) : await runtime.readConfig(name);
		this.show(runtime.shell.showConfig(name), name, options);
		if (!options.quiet) store.record('output', text.trimEnd(), {node: name});
		return text;
	}
}
