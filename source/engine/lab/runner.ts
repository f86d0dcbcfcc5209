import {RedisLabError, messageOf} from '../errors.js';
import {ClientLoad} from '../client-load.js';
import {monitorSpec, portFor, kindOf, type NodeSpec} from '../topology.js';
import {shellQuote, splitCommandLine} from '../shell.js';
import type {Session} from '../session.js';
import type {CheckState, LabRunState, StepState} from '../session-state.js';
import {evaluate, readNumber, type CheckContext, type WriteRecord} from './checks.js';
import {fillTemplates} from './templates.js';
import {describeCheck, parseDuration} from './schema.js';
import type {Action, Check, Lab, Lang, Step} from './types.js';

const DEFAULT_WITHIN_MS = 10_000;
const RETRY_MS = 300;

export interface RunnerOptions {
	lang?: Lang;
	basePort?: number;
	/** Overrides every sentinel's down-after-milliseconds. */
	downAfterMs?: number;
}

/** The nodes a lab declares, as specs with ports and boot config. */
export function labNodeSpecs(lab: Lab, options: RunnerOptions = {}): NodeSpec[] {
	return Object.entries(lab.nodes).map(([name, node]) => {
		const spec: NodeSpec = {name, kind: kindOf(name), port: portFor(name, options.basePort)};
		if (node.replicaof) spec.replicaOf = node.replicaof;
		if (spec.kind === 'sentinel') {
			spec.monitor = {
				...monitorSpec({quorum: node.quorum, downAfterMs: options.downAfterMs ?? node.downAfterMs, failoverTimeoutMs: node.failoverTimeoutMs}),
				node: node.monitor ?? 'master',
			};
		}
		if (node.config) spec.extra = Object.entries(node.config).map(([key, value]) => [key, String(value)]);
		return spec;
	});
}

function checkWithin(check: Check): number {
	const body = Object.values(check)[0] as {within?: string | number};
	return body.within === undefined ? DEFAULT_WITHIN_MS : parseDuration(body.within);
}

function targets(value: string | string[]): string[] {
	return Array.isArray(value) ? value : [value];
}

/** Runs a lab's steps on a session and keeps `state.lab` up to date. */
export class LabRunner {
	readonly lab: Lab;
	private readonly session: Session;
	private readonly options: RunnerOptions;
	private readonly writes = new Map<string, WriteRecord>();
	private readonly clients = new Map<string, ClientLoad>();
	private readonly figures = new Map<string, () => import('../client-load.js').ClientFigures>();
	/** Index of the next action to run, per step (for "solve"). */
	private readonly actionsDone = new Map<number, number>();
	private watchToken = 0;

	constructor(session: Session, lab: Lab, options: RunnerOptions = {}) {
		this.session = session;
		this.lab = lab;
		this.options = options;
		session.declare(labNodeSpecs(lab, options));
		const steps: StepState[] = lab.steps.map((step, index) => ({index, status: 'pending', checks: this.pendingChecks(step), commands: this.commandsOf(step)}));
		const run: LabRunState = {lab, current: 0, steps, setup: lab.setup?.length ? 'pending' : 'done'};
		session.update((state) => ({...state, lab: run}));
	}

	private get lang(): Lang {
		return this.options.lang ?? 'en';
	}

	private pendingChecks(step: Step): CheckState[] {
		return step.expect.map((check) => ({label: describeCheck(check, this.lang), status: 'pending'}));
	}

	private patch(change: (run: LabRunState) => LabRunState): void {
		this.session.update((state) => (state.lab ? {...state, lab: change(state.lab)} : state));
	}

	private patchStep(index: number, change: (step: StepState) => StepState): void {
		this.patch((run) => ({...run, steps: run.steps.map((step) => (step.index === index ? change(step) : step))}));
	}

	/** Moves the cursor (the UI's current step). */
	goTo(index: number): void {
		const bounded = Math.max(0, Math.min(this.lab.steps.length - 1, index));
		this.patch((run) => ({...run, current: bounded}));
	}

	get current(): number {
		return this.session.getState().lab?.current ?? 0;
	}

	/** Node name for a reference; `current-master` asks the sentinels' view. */
	resolveNode = (ref: string): string => {
		if (ref !== 'current-master') return ref;
		const master = this.session.currentMaster();
		if (!master) throw new RedisLabError('CHECK_FAILED', 'The sentinels do not agree on a master yet');
		return master;
	};

	/** Expands `{{node.host}}` and `{{node.port}}` to the address nodes use for each other. */
	expand(text: string): string {
		return fillTemplates(text, (node, part) => String(this.session.runtime.peerAddress(this.resolveNode(node))[part]));
	}

	/** The shell commands of a step's actions, as a learner would type them on this runtime. */
	commandsOf(step: Step): string[] {
		return step.do.flatMap((action) => {
			try {
				return this.commandOf(action);
			} catch {
				return [];
			}
		});
	}

	commandOf(action: Action): string[] {
		const runtime = this.session.runtime;
		const nodeOr = (ref: string) => (ref === 'current-master' ? this.session.currentMaster() ?? ref : ref);
		if ('start' in action) return targets(action.start).map((ref) => runtime.shell.create(nodeOr(ref), this.session.spec(nodeOr(ref))));
		for (const op of ['stop', 'kill', 'pause', 'resume', 'restart'] as const) {
			if (op in action) return targets((action as Record<string, string | string[]>)[op]!).map((ref) => runtime.shell[op](nodeOr(ref)));
		}
		if ('isolate' in action) return [runtime.shell.isolate(nodeOr(action.isolate))];
		if ('heal' in action) return [runtime.shell.heal(nodeOr(action.heal))];
		if ('cli' in action) return [runtime.shell.cli(nodeOr(action.cli.node), splitCommandLine(this.expandSafe(action.cli.command)))];
		if ('write-config' in action) return [`# set ${Object.entries(action['write-config'].set).map(([key, value]) => `${key} ${value}`).join(', ')} in ${nodeOr(action['write-config'].node)}'s config file`];
		if ('show-config' in action) return [runtime.shell.showConfig(nodeOr(action['show-config']))];
		if ('write' in action) return [this.writeCommand(nodeOr(action.write.node), action.write.count, action.write.prefix)];
		if ('logs' in action) return [this.logsCommand(nodeOr(action.logs.node), action.logs.lines ?? 40, action.logs.grep)];
		if ('client-start' in action) return [`# start an application client that finds the master through the sentinels and writes every ${action['client-start'].intervalMs ?? 50} ms`];
		if ('client-stop' in action) return ['# stop the client and check every acknowledged write on the current master'];
		return [];
	}

	private expandSafe(text: string): string {
		try {
			return this.expand(text);
		} catch {
			return text;
		}
	}

	private writeScript(node: string, count: number, prefix: string): string {
		const port = this.session.runtime.hostAddress(node).port;
		return `for i in $(seq 1 ${count}); do redis-cli -p ${port} SET ${prefix}:$i $i; done`;
	}

	writeCommand(node: string, count: number, prefix: string): string {
		return this.session.runtime.shell.script(node, this.writeScript(node, count, prefix));
	}

	logsCommand(node: string, lines: number, grep?: string): string {
		const base = this.session.runtime.shell.logs(node, {tail: lines});
		return grep ? `${base} | grep -E ${shellQuote(grep)}` : base;
	}

	// --- running ---

	/** Runs the setup blocks (the state this lab starts from). */
	async setup(): Promise<void> {
		// The runtime is prepared now and knows more (Docker: the network, so fixed addresses): show commands as they will run.
		this.patch((run) => ({...run, steps: run.steps.map((state) => ({...state, commands: this.commandsOf(this.lab.steps[state.index]!)}))}));
		if (!this.lab.setup?.length) return;
		this.patch((run) => ({...run, setup: 'running'}));
		this.session.record('step', 'Setup: building the starting state');
		try {
			for (const block of this.lab.setup) {
				for (const action of block.do) await this.perform(action);
				const since = Date.now();
				const results = await Promise.all((block.expect ?? []).map((check) => this.settle(check, since, new Map())));
				const failed = results.find((result) => !result.ok);
				if (failed) throw new RedisLabError('CHECK_FAILED', `Setup of ${this.lab.id} did not reach its starting state: ${failed.detail}`);
			}
			this.patch((run) => ({...run, setup: 'done'}));
		} catch (error) {
			this.patch((run) => ({...run, setup: 'failed'}));
			throw error;
		}
	}

	/** Runs the step's remaining actions, then waits for its checks. Resolves true when all pass. */
	async runStep(index = this.current): Promise<boolean> {
		const step = this.lab.steps[index];
		if (!step) throw new RedisLabError('BAD_INPUT', `No step ${index + 1} in ${this.lab.id}`);
		const token = ++this.watchToken;
		this.session.record('step', `Step ${index + 1}/${this.lab.steps.length}: ${step.title[this.lang] ?? step.title.en}`);
		this.patchStep(index, (state) => ({...state, status: 'running', error: undefined, checks: this.pendingChecks(step), commands: this.commandsOf(step)}));
		await this.session.refresh();
		const since = Date.now();
		const baseline = this.baselineOf(step);
		try {
			for (let done = this.actionsDone.get(index) ?? 0; done < step.do.length; done++) {
				await this.perform(step.do[done]!);
				this.actionsDone.set(index, done + 1);
			}
		} catch (error) {
			const message = messageOf(error);
			this.session.record('error', message);
			this.patchStep(index, (state) => ({...state, status: 'failed', error: message}));
			return false;
		}
		return this.settleStep(index, step, since, baseline, token);
	}

	/** Watches a step's checks without running its actions (the learner does them by hand). */
	async watchStep(index = this.current): Promise<boolean> {
		const step = this.lab.steps[index];
		if (!step) return false;
		const token = ++this.watchToken;
		this.patchStep(index, (state) => ({...state, status: 'watching', checks: this.pendingChecks(step)}));
		await this.session.refresh();
		return this.settleStep(index, step, Date.now(), this.baselineOf(step), token, 10 * 60_000);
	}

	/** Stops watching (the learner moved away). */
	stopWatching(): void {
		this.watchToken++;
	}

	private baselineOf(step: Step): Map<string, number> {
		const baseline = new Map<string, number>();
		for (const check of step.expect) {
			if ('info' in check && check.info.grows) {
				try {
					const node = this.resolveNode(check.info.node);
					const value = readNumber(this.session.getState(), node, check.info.field);
					if (value !== undefined) baseline.set(`${node} ${check.info.field}`, value);
				} catch {
					// No master agreed yet: the check fails with its own reason.
				}
			}
		}
		return baseline;
	}

	private async settleStep(index: number, step: Step, since: number, baseline: Map<string, number>, token: number, withinOverride?: number): Promise<boolean> {
		const results = await Promise.all(step.expect.map(async (check, checkIndex) => {
			const verdict = await this.settle(check, since, baseline, withinOverride, () => token !== this.watchToken);
			if (token === this.watchToken) {
				this.patchStep(index, (state) => ({...state, checks: state.checks.map((entry, i) => (i === checkIndex ? {...entry, status: verdict.ok ? 'passed' : 'failed', detail: verdict.detail} : entry))}));
				this.session.record('check', `${verdict.ok ? '✓' : '✗'} ${describeCheck(check, this.lang)}${verdict.detail ? ` (${verdict.detail})` : ''}`, {ok: verdict.ok});
			}
			return verdict;
		}));
		const ok = results.every((result) => result.ok);
		if (token === this.watchToken) this.patchStep(index, (state) => ({...state, status: ok ? 'passed' : 'failed'}));
		return ok;
	}

	/** Re-evaluates a check until it passes or its time runs out. */
	private async settle(check: Check, since: number, baseline: Map<string, number>, withinOverride?: number, cancelled?: () => boolean): Promise<{ok: boolean; detail: string}> {
		const within = withinOverride ?? checkWithin(check);
		const deadline = Date.now() + within;
		const absent = 'event' in check && check.event.absent;
		const context: CheckContext = {session: this.session, since, baseline, writes: this.writes, clients: this.figures, resolveNode: this.resolveNode, expand: (text) => this.expand(text)};
		let last = {ok: false, detail: 'not evaluated'};
		for (;;) {
			try {
				last = await evaluate(check, context);
			} catch (error) {
				last = {ok: false, detail: messageOf(error)};
			}
			if (absent && !last.ok) return last;
			if (!absent && last.ok) return last;
			if (Date.now() >= deadline || cancelled?.()) return absent ? last : {ok: false, detail: `${last.detail} after ${Math.round(within / 1000)}s`};
			await new Promise((resolve) => setTimeout(resolve, Math.min(RETRY_MS, Math.max(10, deadline - Date.now()))));
		}
	}

	/** Performs one action, recording the commands as the learner would type them. */
	async perform(action: Action): Promise<void> {
		const session = this.session;
		if ('start' in action) return session.startNodes(targets(action.start).map(this.resolveNode));
		if ('stop' in action || 'kill' in action) {
			const how = 'stop' in action ? 'shutdown' : 'kill';
			for (const ref of targets('stop' in action ? action.stop : action.kill)) {
				const node = this.resolveNode(ref);
				if (node === session.currentMaster() || ref === 'current-master') session.markFault();
				await session.stopNode(node, how);
			}
			return;
		}
		if ('pause' in action) {
			for (const ref of targets(action.pause)) await session.pauseNode(this.resolveNode(ref));
			return;
		}
		if ('resume' in action) {
			for (const ref of targets(action.resume)) await session.resumeNode(this.resolveNode(ref));
			return;
		}
		if ('restart' in action) {
			for (const ref of targets(action.restart)) await session.restartNode(this.resolveNode(ref));
			return;
		}
		if ('isolate' in action) {
			const node = this.resolveNode(action.isolate);
			if (node === session.currentMaster()) session.markFault();
			return session.isolateNode(node);
		}
		if ('heal' in action) return session.healNode(this.resolveNode(action.heal));
		if ('cli' in action) {
			await session.cli(this.resolveNode(action.cli.node), splitCommandLine(this.expand(action.cli.command)));
			return;
		}
		if ('write-config' in action) {
			await session.writeConfig(this.resolveNode(action['write-config'].node), action['write-config'].set);
			return;
		}
		if ('show-config' in action) {
			await session.showConfig(this.resolveNode(action['show-config']));
			return;
		}
		if ('write' in action) return this.write(this.resolveNode(action.write.node), action.write.count, action.write.prefix, action.write.id);
		if ('logs' in action) return this.logs(this.resolveNode(action.logs.node), action.logs.lines ?? 40, action.logs.grep);
		if ('client-start' in action) return this.startClient(action['client-start'].id, action['client-start'].intervalMs);
		if ('client-stop' in action) return this.stopClient(action['client-stop'].id);
		if ('mark' in action) {
			session.markFault();
			return;
		}
	}

	private async write(node: string, count: number, prefix: string, id?: string): Promise<void> {
		const session = this.session;
		session.record('command', this.writeCommand(node, count, prefix), {node});
		const result = await session.runtime.execShell(node, this.writeScript(node, count, prefix));
		const lines = result.stdout.split('\n').map((line) => line.trim()).filter(Boolean);
		const record: WriteRecord = {prefix, acknowledged: [], refused: 0};
		lines.slice(0, count).forEach((line, index) => {
			if (line === 'OK') record.acknowledged.push(`${prefix}:${index + 1}`);
			else record.refused++;
		});
		record.refused += Math.max(0, count - lines.length);
		this.writes.set(id ?? prefix, record);
		const errors = [...new Set(lines.filter((line) => line !== 'OK'))];
		session.record('output', `${record.acknowledged.length} acknowledged, ${record.refused} refused${errors.length > 0 ? `: ${errors.slice(0, 2).join(' | ')}` : ''}`, {node});
		await session.refresh();
	}

	private async logs(node: string, lines: number, grep?: string): Promise<void> {
		const session = this.session;
		session.record('command', this.logsCommand(node, lines, grep), {node});
		session.followLogs(node);
		const text = session.runtime.tailLogs ? await session.runtime.tailLogs(node, 500) : '';
		const pattern = grep ? new RegExp(grep) : undefined;
		const selected = text.split('\n').filter((line) => !pattern || pattern.test(line)).slice(-lines);
		session.record('output', selected.join('\n') || '(no matching lines)', {node});
	}

	private async startClient(id: string, intervalMs?: number): Promise<void> {
		const session = this.session;
		const runtime = session.runtime;
		const sentinelPorts = session.getState().nodes.filter((node) => node.kind === 'sentinel' && node.health === 'up').map((node) => runtime.hostAddress(node.name).port);
		session.record('command', this.commandOf({'client-start': {id, intervalMs}})[0]!);
		const client = new ClientLoad({
			sentinelPorts,
			translate: (host, port) => {
				const node = runtime.resolve(host, port);
				return node ? runtime.hostAddress(node) : undefined;
			},
			nameOf: (_host, port) => session.nodeNames().find((name) => runtime.hostAddress(name).port === port),
			prefix: `${id}`,
			intervalMs,
		});
		this.clients.set(id, client);
		this.figures.set(id, () => client.current);
		await client.start();
	}

	private async stopClient(id: string): Promise<void> {
		const client = this.clients.get(id);
		if (!client) throw new RedisLabError('CHECK_FAILED', `Client ${id} was not started`);
		this.session.record('command', this.commandOf({'client-stop': {id}})[0]!);
		const figures = await client.stop();
		this.clients.delete(id);
		this.figures.set(id, () => figures);
		this.session.record('output', `acknowledged ${figures.acknowledged}, errors ${figures.errors}, longest gap ${(figures.longestGapMs / 1000).toFixed(2)}s, lost ${figures.lost ?? 0}${figures.lastError ? `; last error: ${figures.lastError}` : ''}`);
	}

	/** Runs setup and every step in order; resolves true when every check passed. */
	async runAll(onStep?: (index: number, ok: boolean) => void): Promise<boolean> {
		await this.setup();
		let ok = true;
		for (let index = 0; index < this.lab.steps.length; index++) {
			this.goTo(index);
			const passed = await this.runStep(index);
			onStep?.(index, passed);
			if (!passed) {
				ok = false;
				break;
			}
		}
		this.patch((run) => ({...run, finished: true}));
		return ok;
	}

	/** Stops clients and watchers (the session itself is closed by its owner). */
	dispose(): void {
		this.watchToken++;
		for (const client of this.clients.values()) client.close();
		this.clients.clear();
	}
}
