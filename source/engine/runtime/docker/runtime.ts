import type Docker from 'dockerode';
import {chmod, mkdir, readFile, writeFile} from 'node:fs/promises';
import {join} from 'node:path';
import {RedisLabError} from '../../base/errors.js';
import {dockerError, isDockerStatus} from '../../base/known-errors.js';
import {confFileName, portFor, renderConf, type NodeSpec} from '../../topology/topology.js';
import {createSessionDir, removeSessionDir} from '../session-dir.js';
import {withTimeout} from '../../base/wait.js';
import {DEFAULT_IMAGE} from '../image-name.js';
import {serverFromImageEnv, type ServerKind} from '../../redis/server-kind.js';
import {waitForPing} from '../ping.js';
import type {ExecResult, NodeRunState, PullProgress, Runtime, RuntimeOptions, ShellText, ThrowawayPlan} from '../types.js';
import {dockerClient} from './client.js';
import {removeManaged} from './cleanup.js';
import {watchDaemon} from './daemon-watch.js';
import {ensureImage} from './image.js';
import {containerName, managedLabels, networkName, SESSION_LABEL} from './names.js';
import {runThrowaway} from './throwaway.js';
import {containerOptions, macFor} from './container.js';
import {createLabNetwork, fixedIp} from './network.js';
import {dockerShell, extraHosts} from './shell-text.js';
import {execIn, followLogs, tailLogs} from './streams.js';
import {both} from '../../../i18n/index.js';
import {ENGINE} from '../../../i18n/engine.js';

export {DEFAULT_IMAGE};

interface NodeRecord {
	spec: NodeSpec;
	dir: string;
	containerId?: string;
	/** IP on the lab network: fixed at create, kept so `heal` reconnects with the same address. */
	ip?: string;
}

/** Containers on one user-defined bridge network, each publishing its port on 127.0.0.1 only. */
export class DockerRuntime implements Runtime {
	readonly kind = 'docker' as const;
	readonly sessionId: string;
	readonly label: string;
	readonly image: string;
	private readonly basePort: number;
	private readonly docker: Docker;
	readonly password?: string;
	private readonly records = new Map<string, NodeRecord>();
	private sessionDir?: string;
	private networkId?: string;
	private subnet?: string;
	readonly shell: ShellText;

	constructor(options: RuntimeOptions, docker: Docker = dockerClient()) {
		this.sessionId = options.sessionId;
		this.image = options.image ?? DEFAULT_IMAGE;
		this.label = this.image;
		this.password = options.password;
		this.basePort = options.basePort;
		this.docker = docker;
		this.shell = dockerShell({
			basePort: this.basePort,
			image: this.image,
			password: this.password,
			port: (node) => this.portOf(node),
			subnet: () => this.subnet,
			fixedIp: (node) => this.addressBeforeStart(node)?.host,
			healIp: (node) => this.records.get(node)?.ip,
			spec: (node) => this.records.get(node)?.spec,
			containerId: (node) => this.records.get(node)?.containerId,
		});
	}

	get networkName(): string {
		return networkName(this.basePort);
	}

	containerName(node: string): string {
		return containerName(this.basePort, node);
	}

	prepare(onProgress?: (progress: PullProgress) => void): Promise<void> {
		return this.track(this.prepareNow(onProgress));
	}

	private async prepareNow(onProgress?: (progress: PullProgress) => void): Promise<void> {
		await ensureImage(this.docker, this.image, onProgress);
		if (!this.networkId) {
			const network = await createLabNetwork(this.docker, this.networkName, managedLabels(this.sessionId));
			this.networkId = network.id;
			this.subnet = network.subnet;
		}
		this.sessionDir ??= await createSessionDir(this.sessionId, 'docker');
	}

	async identifyServer(): Promise<ServerKind | undefined> {
		try {
			return serverFromImageEnv((await this.docker.getImage(this.image).inspect()).Config?.Env ?? []);
		} catch (error) {
			// Not pulled yet: the first node's INFO server will say.
			if (isDockerStatus(error, 404)) return undefined;
			throw dockerError(error, {image: this.image});
		}
	}

	watchEngine(onLost: (error: Error) => void, everyMs = 2000): () => void {
		return watchDaemon(this.docker, onLost, everyMs);
	}

	renderConfig(node: NodeSpec): string {
		return renderConf(node, {peerAddress: (name) => this.peerAddress(name), password: this.password, addressBeforeStart: (name) => this.addressBeforeStart(name)});
	}

	/** Each node's fixed IP on the lab network (known once the network exists). */
	addressBeforeStart(name: string): {host: string; port: number} | undefined {
		const ip = this.subnet ? fixedIp(this.subnet, name) : undefined;
		return ip ? {host: ip, port: this.portOf(name)} : undefined;
	}

	/** Operations that create things, awaited by teardown so nothing appears after it has looked. */
	private readonly inFlight = new Set<Promise<unknown>>();
	private tornDown = false;

	private track<T>(operation: Promise<T>): Promise<T> {
		this.inFlight.add(operation);
		const forget = () => this.inFlight.delete(operation);
		operation.then(forget, forget);
		return operation;
	}

	create(node: NodeSpec): Promise<void> {
		if (this.tornDown) return Promise.reject(new RedisLabError('INTERNAL', 'The session is closing'));
		return this.track(this.createNow(node));
	}

	private async createNow(node: NodeSpec): Promise<void> {
		if (!this.sessionDir) await this.prepare();
		const dir = join(this.sessionDir!, node.name);
		await mkdir(dir, {recursive: true});
		// The official image runs redis-server as uid 999 and Sentinel rewrites its file by rename.
		await chmod(dir, 0o777);
		const record: NodeRecord = {spec: node, dir, ip: this.addressBeforeStart(node.name)?.host};
		this.records.set(node.name, record);
		await this.writeConfig(node.name, this.renderConfig(node));
		await this.removeStale(node.name);
		const hosts = extraHosts(this.basePort, node, (name) => this.addressBeforeStart(name)?.host);
		try {
			const container = await this.docker.createContainer(containerOptions({node, name: this.containerName(node.name), image: this.image, sessionId: this.sessionId, network: this.networkName, dir, ip: record.ip, extraHosts: hosts}));
			record.containerId = container.id;
		} catch (error) {
			throw dockerError(error, {name: this.containerName(node.name), image: this.image});
		}
	}

	/** A container of ours with this name from an older session is removed; anyone else's is left alone. */
	private async removeStale(name: string): Promise<void> {
		const containers = await this.docker.listContainers({all: true, filters: {name: [this.containerName(name)]}});
		for (const info of containers) {
			if (!info.Names.includes(`/${this.containerName(name)}`)) continue;
			if (info.Labels?.[SESSION_LABEL] === this.sessionId) await this.docker.getContainer(info.Id).remove({force: true});
		}
	}

	private record(name: string): NodeRecord {
		const record = this.records.get(name);
		if (!record) throw new RedisLabError('INTERNAL', `Node ${name} was not created in this session`);
		return record;
	}

	private container(name: string): Docker.Container {
		return this.docker.getContainer(this.record(name).containerId ?? this.containerName(name));
	}

	async writeConfig(name: string, text: string): Promise<void> {
		const record = this.record(name);
		const file = join(record.dir, confFileName(record.spec));
		await writeFile(file, text);
		await chmod(file, 0o666);
	}

	async readConfig(name: string): Promise<string> {
		const record = this.record(name);
		return readFile(join(record.dir, confFileName(record.spec)), 'utf8');
	}

	async start(name: string): Promise<void> {
		const record = this.record(name);
		try {
			await this.container(name).start();
		} catch (error) {
			// 304: already running.
			if (!isDockerStatus(error, 304)) throw dockerError(error, {port: record.spec.port});
		}
		await this.waitReady(name);
	}

	private async waitReady(name: string): Promise<void> {
		const {port} = this.hostAddress(name);
		const ok = await waitForPing(port, {timeoutMs: 10_000, password: this.password, alive: async () => (await this.state(name)) === 'running'});
		if (!ok) {
			const tail = await this.tailLogs(name, 5);
			throw new RedisLabError('NODE_FAILED', both(ENGINE.noPing, {name, port, tail: tail ? tail.split('\n').at(-1)! : ''}), {hint: both(ENGINE.seeLog, {where: `docker logs ${this.containerName(name)}`})});
		}
	}

	async stop(name: string, how: 'shutdown' | 'kill'): Promise<void> {
		try {
			if (how === 'kill') await this.container(name).kill();
			else await this.container(name).stop({t: 10});
		} catch (error) {
			// 304: already stopped; 409: not running.
			if (!isDockerStatus(error, 304, 409)) throw dockerError(error);
		}
	}

	async restart(name: string): Promise<void> {
		await this.container(name).restart({t: 10}).catch((error: unknown) => {
			throw dockerError(error);
		});
		await this.waitReady(name);
	}

	async pause(name: string): Promise<void> {
		await this.container(name).pause().catch((error: unknown) => {
			throw dockerError(error);
		});
	}

	async resume(name: string): Promise<void> {
		await this.container(name).unpause().catch((error: unknown) => {
			throw dockerError(error);
		});
	}

	async isolate(name: string): Promise<void> {
		const record = this.record(name);
		const info = await this.container(name).inspect();
		record.ip = info.NetworkSettings.Networks[this.networkName]?.IPAddress || record.ip;
		await this.docker.getNetwork(this.networkName).disconnect({Container: info.Id, Force: true});
	}

	async heal(name: string): Promise<void> {
		const record = this.record(name);
		const endpoint: Record<string, unknown> = {Aliases: [name]};
		if (record.ip && this.subnet) Object.assign(endpoint, {IPAMConfig: {IPv4Address: record.ip}, MacAddress: macFor(record.ip)});
		await this.docker.getNetwork(this.networkName).connect({Container: this.containerName(name), EndpointConfig: endpoint});
	}

	async exec(name: string, args: string[]): Promise<ExecResult> {
		const record = this.record(name);
		const auth = this.password ? ['-a', this.password, '--no-auth-warning'] : [];
		return this.execRaw(name, ['redis-cli', '-p', String(record.spec.port), ...auth, '--no-raw', ...args]);
	}

	execShell(name: string, script: string): Promise<ExecResult> {
		return this.execRaw(name, ['sh', '-c', script], 60_000);
	}

	/** Runs any command inside the node's container. */
	execRaw(name: string, cmd: string[], timeoutMs = 10_000): Promise<ExecResult> {
		return execIn(this.docker, this.container(name), cmd, {timeoutMs, what: name});
	}

	async *logs(name: string, options: {tail?: number; signal?: AbortSignal} = {}): AsyncIterable<string> {
		yield* followLogs(this.docker, this.container(name), options);
	}

	/** The last `lines` lines of a node's log, as text. */
	tailLogs(name: string, lines: number): Promise<string> {
		return this.records.has(name) ? tailLogs(this.container(name), lines) : Promise.resolve('');
	}

	async state(name: string): Promise<NodeRunState> {
		if (!this.records.has(name)) return 'missing';
		try {
			const info = await this.container(name).inspect();
			if (info.State.Paused) return 'paused';
			if (info.State.Running) return 'running';
			return info.State.Status === 'created' ? 'created' : 'exited';
		} catch (error) {
			if (isDockerStatus(error, 404)) return 'missing';
			throw dockerError(error);
		}
	}

	hostAddress(name: string): {host: string; port: number} {
		return {host: '127.0.0.1', port: this.portOf(name)};
	}

	peerAddress(name: string): {host: string; port: number} {
		return {host: this.containerName(name), port: this.portOf(name)};
	}

	private portOf(name: string): number {
		return this.records.get(name)?.spec.port ?? portFor(name, this.basePort);
	}

	resolve(_host: string, port: number): string | undefined {
		for (const [name, record] of this.records) if (record.spec.port === port) return name;
		return undefined;
	}

	/** A throw-away container of this session (a lab's demonstration), replaced if it exists. */
	async throwawayRunning(name: string): Promise<boolean> {
		try {
			return (await this.docker.getContainer(this.containerName(name)).inspect()).State.Running;
		} catch {
			return false;
		}
	}

	runThrowaway(name: string, plan: ThrowawayPlan): Promise<void> {
		if (this.tornDown) return Promise.reject(new RedisLabError('INTERNAL', 'The session is closing'));
		return this.track(this.removeStale(name).then(() => runThrowaway(this.docker, {...plan, name: this.containerName(name), node: name, image: this.image, sessionId: this.sessionId})));
	}

	async teardown(): Promise<void> {
		this.tornDown = true;
		await withTimeout(Promise.allSettled([...this.inFlight]), 3000, 'operations in flight').catch(() => undefined); // closing anyway: what is still in flight is removed with the containers
		await removeManaged(this.docker, `${SESSION_LABEL}=${this.sessionId}`);
		this.networkId = undefined;
		this.subnet = undefined;
		this.records.clear();
		if (this.sessionDir) await removeSessionDir(this.sessionDir);
		this.sessionDir = undefined;
		this.tornDown = false;
	}

	nodes(): NodeSpec[] {
		return [...this.records.values()].map((record) => record.spec);
	}
}
