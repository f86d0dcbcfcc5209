import {shellFromOps} from './shell-adapter.js';
import Docker from 'dockerode';
import {chmod, mkdir, readFile, writeFile} from 'node:fs/promises';
import {join} from 'node:path';
import {PassThrough, type Readable} from 'node:stream';
import {createInterface} from 'node:readline';
import {RedisLabError, messageOf} from '../errors.js';
import {confFileName, DEFAULT_PORTS, kindOf, portFor, renderConf, type NodeSpec} from '../topology.js';
import {createSessionDir, removeSessionDir} from '../session-dir.js';
import {heredoc, shellJoin, shellQuote} from '../shell.js';
import {waitForPing} from './ping.js';
import {describeDockerHost, dockerClient, dockerError, managedLabels, namePrefix, pingDocker, MANAGED_LABEL, NODE_LABEL, SESSION_LABEL} from './docker-common.js';
import type {ExecResult, NodeRunState, PullProgress, Runtime, RuntimeOp, RuntimeOptions} from './types.js';

export const DEFAULT_IMAGE = 'redis:7.2';
const CONF_DIR = '/usr/local/etc/redis';

/** Folder shown in commands, relative to where the learner stands. */
const SHOWN_DIR = './redis-lab';

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
	/** Prefix of container and network names: `redis-lab`, or `redis-lab-<basePort>` when ports are shifted. */
	readonly prefix: string;
	private readonly basePort: number;
	private readonly docker: Docker;
	private readonly password?: string;
	private readonly records = new Map<string, NodeRecord>();
	private sessionDir?: string;
	private networkId?: string;
	private subnet?: string;

	constructor(options: RuntimeOptions, docker: Docker = dockerClient()) {
		this.sessionId = options.sessionId;
		this.image = options.image ?? DEFAULT_IMAGE;
		this.label = this.image;
		this.prefix = namePrefix(options.basePort);
		this.password = options.password;
		this.basePort = options.basePort;
		this.docker = docker;
	}

	get networkName(): string {
		return this.prefix;
	}

	containerName(node: string): string {
		return `${this.prefix}-${node}`;
	}

	prepare(onProgress?: (progress: PullProgress) => void): Promise<void> {
		return this.track(this.prepareNow(onProgress));
	}

	private async prepareNow(onProgress?: (progress: PullProgress) => void): Promise<void> {
		await this.ensureImage(onProgress);
		await this.ensureNetwork();
		this.sessionDir ??= await createSessionDir(this.sessionId, 'docker');
	}

	private async ensureImage(onProgress?: (progress: PullProgress) => void): Promise<void> {
		try {
			await this.docker.getImage(this.image).inspect();
			return;
		} catch (error) {
			if ((error as {statusCode?: number}).statusCode !== 404) throw dockerError(error);
		}
		try {
			await pullImage(this.docker, this.image, onProgress);
		} catch (error) {
			throw new RedisLabError('IMAGE_MISSING', `Image ${this.image} is not here and could not be pulled: ${messageOf(error)}`, {
				hint: 'Check the network, or pass --image (or REDIS_LAB_IMAGE) naming an image you have (docker images).',
				cause: error,
			});
		}
	}

	private async ensureNetwork(): Promise<void> {
		if (this.networkId) return;
		const existing = await this.docker.listNetworks({filters: {name: [this.networkName]}});
		const clash = existing.find((network) => network.Name === this.networkName);
		if (clash) {
			const ours = clash.Labels?.[MANAGED_LABEL] === 'true';
			throw new RedisLabError(ours ? 'LEFTOVERS' : 'NAME_CONFLICT', ours
				? `A redis-lab network (${this.networkName}) from an earlier session is still there`
				: `A Docker network named ${this.networkName} exists and is not redis-lab's`, {
				hint: ours ? 'Remove the leftovers with: redis-lab down (or pass --clean).' : 'Pick other names and ports with --base-port (e.g. --base-port 7379).',
			});
		}
		// Docker only lets a container rejoin with the same IP on a network whose subnet was given
		// explicitly: let Docker pick a free subnet, then recreate the network with it.
		const labels = managedLabels(this.sessionId);
		const probe = await this.docker.createNetwork({Name: this.networkName, Driver: 'bridge', Labels: labels});
		const config = (await probe.inspect()).IPAM?.Config?.[0] as {Subnet?: string; Gateway?: string} | undefined;
		if (!config?.Subnet) {
			this.networkId = probe.id;
			return;
		}
		await probe.remove();
		const network = await this.docker.createNetwork({
			Name: this.networkName,
			Driver: 'bridge',
			Labels: labels,
			IPAM: {Driver: 'default', Config: [{Subnet: config.Subnet, ...(config.Gateway ? {Gateway: config.Gateway} : {})}]},
		});
		this.networkId = network.id;
		this.subnet = config.Subnet;
	}

	watchEngine(onLost: (error: Error) => void, everyMs = 2000): () => void {
		let failures = 0;
		let stopped = false;
		const timer = setInterval(() => {
			pingDocker(this.docker, everyMs).then(
				() => (failures = 0),
				(error: unknown) => {
					// Two misses in a row: one slow answer from a busy daemon is not a lost daemon.
					if (stopped || ++failures < 2) return;
					stopped = true;
					clearInterval(timer);
					onLost(new RedisLabError('DOCKER_LOST', `Lost the Docker daemon: ${describeDockerHost()} stopped answering`, {hint: 'Start Docker again, then remove what is left with: redis-lab down', cause: error}));
				},
			);
		}, everyMs);
		timer.unref();
		return () => {
			stopped = true;
			clearInterval(timer);
		};
	}

	renderConfig(node: NodeSpec): string {
		return renderConf(node, {peerAddress: (name) => this.peerAddress(name), password: this.password, addressBeforeStart: (name) => this.addressBeforeStart(name)});
	}

	/**
	 * A sentinel resolves its master's name once, at boot: an /etc/hosts entry lets it start before
	 * the master runs, and still resolve the name while the master's container is stopped.
	 */
	private extraHosts(node: Pick<NodeSpec, 'kind' | 'monitor'>): string[] {
		const master = node.kind === 'sentinel' ? node.monitor?.node : undefined;
		const address = master ? this.addressBeforeStart(master) : undefined;
		return master && address ? [`${this.containerName(master)}:${address.host}`] : [];
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
		const port = `${node.port}/tcp`;
		const file = `${CONF_DIR}/${confFileName(node)}`;
		const extraHosts = this.extraHosts(node);
		try {
			const container = await this.docker.createContainer({
				name: this.containerName(node.name),
				Image: this.image,
				Cmd: node.kind === 'sentinel' ? ['redis-sentinel', file] : ['redis-server', file],
				Labels: {...managedLabels(this.sessionId), [NODE_LABEL]: node.name},
				ExposedPorts: {[port]: {}},
				HostConfig: {
					PortBindings: {[port]: [{HostIp: '127.0.0.1', HostPort: String(node.port)}]},
					Binds: [`${dir}:${CONF_DIR}`],
					NetworkMode: this.networkName,
					...(extraHosts.length > 0 ? {ExtraHosts: extraHosts} : {}),
				},
				NetworkingConfig: {EndpointsConfig: {[this.networkName]: {Aliases: [node.name], ...(record.ip ? {IPAMConfig: {IPv4Address: record.ip}} : {})}}},
			});
			record.containerId = container.id;
		} catch (error) {
			if ((error as {statusCode?: number}).statusCode === 409) {
				throw new RedisLabError('NAME_CONFLICT', `A container named ${this.containerName(node.name)} already exists and is not part of this lab`, {
					hint: 'If redis-lab left it, run: redis-lab down. Otherwise pick other names and ports with --base-port (e.g. --base-port 7379).',
					cause: error,
				});
			}
			throw dockerError(error);
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
			const text = messageOf(error);
			if (/port is already allocated|address already in use/i.test(text)) {
				throw new RedisLabError('PORT_TAKEN', `Port ${record.spec.port} is already in use on 127.0.0.1`, {
					hint: 'Stop what uses it, or pick other ports with --base-port (e.g. --base-port 7379).',
					cause: error,
				});
			}
			if ((error as {statusCode?: number}).statusCode !== 304) throw dockerError(error);
		}
		await this.waitReady(name);
	}

	private async waitReady(name: string): Promise<void> {
		const {port} = this.hostAddress(name);
		const ok = await waitForPing(port, {timeoutMs: 10_000, password: this.password, alive: async () => (await this.state(name)) === 'running'});
		if (!ok) {
			const tail = await this.tailLogs(name, 5);
			throw new RedisLabError('NODE_FAILED', `${name} did not answer PING on 127.0.0.1:${port}${tail ? `: ${tail.split('\n').at(-1)}` : ''}`, {hint: `See its log: docker logs ${this.containerName(name)}`});
		}
	}

	async stop(name: string, how: 'shutdown' | 'kill'): Promise<void> {
		try {
			if (how === 'kill') await this.container(name).kill();
			else await this.container(name).stop({t: 10});
		} catch (error) {
			// 304: already stopped; 409: not running.
			const status = (error as {statusCode?: number}).statusCode;
			if (status !== 304 && status !== 409) throw dockerError(error);
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
		if (record.ip && this.subnet) endpoint.IPAMConfig = {IPv4Address: record.ip};
		await this.docker.getNetwork(this.networkName).connect({Container: this.containerName(name), EndpointConfig: endpoint});
	}

	async exec(name: string, args: string[]): Promise<ExecResult> {
		const record = this.record(name);
		return this.execRaw(name, ['redis-cli', '-p', String(record.spec.port), ...this.authArgs(), '--no-raw', ...args]);
	}

	execShell(name: string, script: string): Promise<ExecResult> {
		return this.execRaw(name, ['sh', '-c', script], 60_000);
	}

	/** Runs any command inside the node's container. */
	async execRaw(name: string, cmd: string[], timeoutMs = 10_000): Promise<ExecResult> {
		try {
			const exec = await this.container(name).exec({Cmd: cmd, AttachStdout: true, AttachStderr: true});
			const stream = await exec.start({hijack: true, stdin: false});
			const stdout = new PassThrough();
			const stderr = new PassThrough();
			const out: Buffer[] = [];
			const err: Buffer[] = [];
			stdout.on('data', (chunk: Buffer) => out.push(chunk));
			stderr.on('data', (chunk: Buffer) => err.push(chunk));
			this.docker.modem.demuxStream(stream, stdout, stderr);
			await new Promise<void>((resolve, reject) => {
				const timer = setTimeout(() => {
					stream.destroy();
					reject(new RedisLabError('TIMEOUT', `${cmd.join(' ')} on ${name} did not finish within ${timeoutMs / 1000}s`));
				}, timeoutMs);
				stream.on('end', () => {
					clearTimeout(timer);
					resolve();
				});
				stream.on('close', () => {
					clearTimeout(timer);
					resolve();
				});
				stream.on('error', (error) => {
					clearTimeout(timer);
					reject(error);
				});
			});
			const {ExitCode} = await exec.inspect();
			return {stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), exitCode: ExitCode ?? 0};
		} catch (error) {
			if (error instanceof RedisLabError) throw error;
			return {stdout: '', stderr: messageOf(dockerError(error)), exitCode: 125};
		}
	}

	private authArgs(): string[] {
		return this.password ? ['-a', this.password, '--no-auth-warning'] : [];
	}

	async *logs(name: string, options: {tail?: number; signal?: AbortSignal} = {}): AsyncIterable<string> {
		const stream = (await this.container(name).logs({follow: true, stdout: true, stderr: true, tail: options.tail ?? 100})) as unknown as Readable;
		const merged = new PassThrough();
		this.docker.modem.demuxStream(stream, merged, merged);
		stream.on('end', () => merged.end());
		stream.on('error', () => merged.end());
		const abort = () => {
			stream.destroy();
			merged.end();
		};
		options.signal?.addEventListener('abort', abort, {once: true});
		try {
			for await (const line of createInterface({input: merged, crlfDelay: Infinity})) yield line.replace(/\r$/, '');
		} finally {
			options.signal?.removeEventListener('abort', abort);
			stream.destroy();
		}
	}

	/** The last `lines` lines of a node's log, as text. */
	async tailLogs(name: string, lines: number): Promise<string> {
		try {
			const buffer = (await this.container(name).logs({follow: false, stdout: true, stderr: true, tail: lines})) as unknown as Buffer;
			return demuxBuffer(buffer).trimEnd();
		} catch {
			return '';
		}
	}

	async state(name: string): Promise<NodeRunState> {
		if (!this.records.has(name)) return 'missing';
		try {
			const info = await this.container(name).inspect();
			if (info.State.Paused) return 'paused';
			if (info.State.Running) return 'running';
			return info.State.Status === 'created' ? 'created' : 'exited';
		} catch (error) {
			if ((error as {statusCode?: number}).statusCode === 404) return 'missing';
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
		const record = this.records.get(name);
		if (record) return record.spec.port;
		return portFor(name, this.basePort);
	}

	resolve(host: string, port: number): string | undefined {
		for (const [name, record] of this.records) if (record.spec.port === port) return name;
		void host;
		return undefined;
	}

	readonly shell = shellFromOps('docker', (op) => this.commandFor(op), (node) => this.containerName(node), () => this.networkName);

	commandFor(op: RuntimeOp): string {
		if (op.op === 'network') return `docker network create${this.subnet ? ` --subnet ${this.subnet}` : ''} ${this.networkName}`;
		if (op.op === 'teardown') return `docker rm -f $(docker ps -aq --filter label=${SESSION_LABEL}=${this.sessionId}) && docker network rm ${this.networkName}`;
		const container = this.containerName(op.node);
		const shownDir = `${SHOWN_DIR}/${op.node}`;
		switch (op.op) {
			case 'create': {
				const kind = kindOf(op.node);
				const port = this.portOf(op.node);
				const file = `${CONF_DIR}/${confFileName({kind})}`;
				const server = kind === 'sentinel' ? 'redis-sentinel' : 'redis-server';
				const ip = this.addressBeforeStart(op.node)?.host;
				const spec = op.spec ?? this.records.get(op.node)?.spec;
				const hosts = spec ? this.extraHosts(spec).map((entry) => ` --add-host ${entry}`).join('') : '';
				return `docker run -d --name ${container} --network ${this.networkName}${ip ? ` --ip ${ip}` : ''}${hosts} -p 127.0.0.1:${port}:${port} -v "$PWD/${shownDir.slice(2)}:${CONF_DIR}" ${this.image} ${server} ${file}`;
			}
			case 'start':
				return `docker start ${container}`;
			case 'stop':
				return `docker stop ${container}`;
			case 'kill':
				return `docker kill ${container}`;
			case 'pause':
				return `docker pause ${container}`;
			case 'resume':
				return `docker unpause ${container}`;
			case 'restart':
				return `docker restart ${container}`;
			case 'remove':
				return `docker rm -f ${container}`;
			case 'isolate':
				return `docker network disconnect ${this.networkName} ${container}`;
			case 'heal': {
				const ip = this.records.get(op.node)?.ip;
				return `docker network connect${ip && this.subnet ? ` --ip ${ip}` : ''} ${this.networkName} ${container}`;
			}
			case 'logs':
				return `docker logs -f ${container}`;
			case 'cli': {
				const auth = this.password ? ` -a ${shellQuote(this.password)} --no-auth-warning` : '';
				return `docker exec ${container} redis-cli -p ${this.portOf(op.node)}${auth}${op.args.length > 0 ? ' ' + shellJoin(op.args) : ''}`;
			}
			case 'write-config':
				return heredoc(`${shownDir}/${confFileName({kind: kindOf(op.node)})}`, op.text);
			case 'show-config':
				return `cat ${shownDir}/${confFileName({kind: kindOf(op.node)})}`;
		}
	}

	async teardown(): Promise<void> {
		this.tornDown = true;
		await Promise.race([Promise.allSettled([...this.inFlight]), new Promise((resolve) => setTimeout(resolve, 3000))]);
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

/** Removes containers, then networks, carrying `label`; never anything else. */
export async function removeManaged(docker: Docker, label: string): Promise<{containers: string[]; networks: string[]}> {
	const removed = {containers: [] as string[], networks: [] as string[]};
	try {
		const containers = await docker.listContainers({all: true, filters: {label: [label]}});
		await Promise.all(containers.map(async (info) => {
			if (info.Labels?.[MANAGED_LABEL] !== 'true') return;
			await docker.getContainer(info.Id).remove({force: true}).catch((error: unknown) => {
				if ((error as {statusCode?: number}).statusCode !== 404) throw error;
			});
			removed.containers.push(info.Names[0]?.replace(/^\//, '') ?? info.Id);
		}));
		const networks = await docker.listNetworks({filters: {label: [label]}});
		for (const network of networks) {
			if (network.Labels?.[MANAGED_LABEL] !== 'true') continue;
			await docker.getNetwork(network.Id).remove().catch((error: unknown) => {
				if ((error as {statusCode?: number}).statusCode !== 404) throw error;
			});
			removed.networks.push(network.Name);
		}
	} catch (error) {
		throw dockerError(error);
	}
	return removed;
}

/** Pulls an image, reporting summed layer progress; rejects on an error line in the stream. */
async function pullImage(docker: Docker, image: string, onProgress?: (progress: PullProgress) => void): Promise<void> {
	const stream = await docker.pull(image);
	const layers = new Map<string, {current: number; total: number}>();
	let failure: string | undefined;
	await new Promise<void>((resolve, reject) => {
		docker.modem.followProgress(stream, (error: Error | null) => (error ? reject(error) : resolve()), (event: {id?: string; status?: string; error?: string; progressDetail?: {current?: number; total?: number}}) => {
			if (event.error) failure = event.error;
			if (event.id && event.progressDetail?.total) layers.set(event.id, {current: event.progressDetail.current ?? 0, total: event.progressDetail.total});
			let current = 0;
			let total = 0;
			for (const layer of layers.values()) {
				current += layer.current;
				total += layer.total;
			}
			onProgress?.({image, current, total, status: event.status ?? ''});
		});
	});
	if (failure) throw new Error(failure);
}

/** The address of a node on a subnet: .2 for the master, then one per known node name (the gateway is .1). */
export function fixedIp(subnet: string, name: string): string | undefined {
	const match = /^(\d+)\.(\d+)\.(\d+)\.(\d+)\/(\d+)$/.exec(subnet);
	const index = Object.keys(DEFAULT_PORTS).indexOf(name);
	if (!match || index === -1) return undefined;
	const [a, b, c, d, bits] = match.slice(1).map(Number) as [number, number, number, number, number];
	const size = 2 ** (32 - bits);
	if (size < Object.keys(DEFAULT_PORTS).length + 3) return undefined;
	const network = (((a << 24) >>> 0) + (b << 16) + (c << 8) + d) & ~(size - 1);
	const ip = (network >>> 0) + 2 + index;
	return [ip >>> 24, (ip >>> 16) & 255, (ip >>> 8) & 255, ip & 255].join('.');
}

/** Splits Docker's multiplexed log buffer (8-byte frame headers) into text. */
function demuxBuffer(buffer: Buffer | string): string {
	if (typeof buffer === 'string') return buffer;
	const parts: string[] = [];
	let offset = 0;
	while (offset + 8 <= buffer.length) {
		const size = buffer.readUInt32BE(offset + 4);
		parts.push(buffer.subarray(offset + 8, offset + 8 + size).toString('utf8'));
		offset += 8 + size;
	}
	return offset === 0 ? buffer.toString('utf8') : parts.join('');
}
