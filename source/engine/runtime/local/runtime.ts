import {checkRedisBinaries, type LocalBinaries} from './binaries.js';
import {basename} from 'node:path';
import type {ServerKind} from '../../redis/server-kind.js';
import {spawn, type ChildProcess} from 'node:child_process';
import {existsSync} from 'node:fs';
import {mkdir, readFile, writeFile} from 'node:fs/promises';
import {once} from 'node:events';
import {createServer} from 'node:net';
import {join} from 'node:path';
import {RedisLabError, messageOf} from '../../base/errors.js';
import {confFileName, portFor, type NodeSpec} from '../../topology/topology.js';
import {createSessionDir, removeSessionDir, sessionDirPath} from '../session-dir.js';
import {withTimeout} from '../../base/wait.js';
import {waitForPing} from '../ping.js';
import type {ExecResult, NodeRunState, PullProgress, Runtime, RuntimeOptions, ShellText} from '../types.js';
import {followFile, tailFile} from './log-file.js';
import {renderLocalConf} from './config.js';
import {DEFAULT_PROGRAMS, localShell, type LocalPrograms} from './shell-text.js';
import {both} from '../../../i18n/index.js';
import {ENGINE} from '../../../i18n/engine.js';

interface LocalNode {
	spec: NodeSpec;
	dir: string;
	child?: ChildProcess;
	paused?: boolean;
}

function portFree(port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const server = createServer();
		server.once('error', () => resolve(false));
		server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
	});
}

/** redis-server and redis-sentinel processes on 127.0.0.1, files in one marked session folder (under the user's cache folder) per session. */
export class LocalRuntime implements Runtime {
	readonly kind = 'local' as const;
	readonly sessionId: string;
	/** The server program found at prepare (`redis-server`, `valkey-server`); empty until then. */
	label = '';
	private readonly basePort: number;
	readonly password?: string;
	private readonly binDir?: string;
	private readonly records = new Map<string, LocalNode>();
	private sessionDir?: string;
	/** Found at prepare: redis-* or valkey-* programs, and how a sentinel starts. */
	private binaries?: LocalBinaries;
	private tornDown = false;
	readonly shell: ShellText;

	constructor(options: RuntimeOptions) {
		this.sessionId = options.sessionId;
		this.basePort = options.basePort;
		this.password = options.password;
		this.binDir = options.redisBin;
		this.shell = localShell({password: this.password, port: (node) => this.hostAddress(node).port, programs: () => this.programs()});
	}

	/** The program names as a learner types them (`valkey-server`, `redis-server ... --sentinel`). */
	private programs(): LocalPrograms {
		const found = this.binaries;
		if (!found) return DEFAULT_PROGRAMS;
		return {server: basename(found.server.path), sentinel: [basename(found.sentinel.path), ...found.sentinel.args], cli: basename(found.cli.path)};
	}

	async identifyServer(): Promise<ServerKind | undefined> {
		return (await checkRedisBinaries({binDir: this.binDir})).server.kind;
	}

	/** What the server's --version said, once prepared. */
	get server(): ServerKind | undefined {
		return this.binaries?.server.kind;
	}

	private bin(role: 'server' | 'cli'): string {
		return this.binaries?.[role].path ?? (this.binDir ? join(this.binDir, DEFAULT_PROGRAMS[role]) : DEFAULT_PROGRAMS[role]);
	}

	async prepare(onProgress?: (progress: PullProgress) => void): Promise<void> {
		onProgress?.({image: 'redis-server', current: 0, total: 0, status: 'looking for redis-server'});
		this.binaries = await checkRedisBinaries({binDir: this.binDir});
		this.label = basename(this.binaries.server.path);
		this.sessionDir ??= await createSessionDir(this.sessionId, 'local');
	}

	renderConfig(node: NodeSpec): string {
		return renderLocalConf(node, {sessionDir: this.sessionDir ?? sessionDirPath(this.sessionId), password: this.password, address: (name) => this.addressBeforeStart(name)});
	}

	async create(node: NodeSpec): Promise<void> {
		if (this.tornDown) throw new RedisLabError('INTERNAL', 'The session is closing');
		if (!this.sessionDir) await this.prepare();
		const dir = join(this.sessionDir!, node.name);
		await mkdir(dir, {recursive: true});
		this.records.set(node.name, {spec: node, dir});
		await this.writeConfig(node.name, this.renderConfig(node));
	}

	private record(name: string): LocalNode {
		const record = this.records.get(name);
		if (!record) throw new RedisLabError('INTERNAL', `Node ${name} was not created in this session`);
		return record;
	}

	private confPath(name: string): string {
		const record = this.record(name);
		return join(record.dir, confFileName(record.spec));
	}

	async writeConfig(name: string, text: string): Promise<void> {
		await writeFile(this.confPath(name), text);
	}

	readConfig(name: string): Promise<string> {
		return readFile(this.confPath(name), 'utf8');
	}

	async start(name: string): Promise<void> {
		const record = this.record(name);
		if (record.child && record.child.exitCode === null && record.child.signalCode === null) return;
		const {port} = record.spec;
		if (!(await portFree(port))) {
			throw new RedisLabError('PORT_TAKEN', both(ENGINE.portInUse, {port}));
		}
		// A teardown that began meanwhile has already stopped what it knew: start nothing more.
		if (this.tornDown || this.records.get(name) !== record) throw new RedisLabError('INTERNAL', 'The session is closing');
		const sentinel = record.spec.kind === 'sentinel';
		const command = sentinel && this.binaries ? this.binaries.sentinel.path : this.bin('server');
		const extra = sentinel ? this.binaries?.sentinel.args ?? ['--sentinel'] : [];
		// Detached: a node started by `redis-lab up` outlives the CLI; teardown and `down` stop it.
		const child = spawn(command, [this.confPath(name), ...extra], {detached: true, stdio: 'ignore'});
		child.on('error', () => undefined);
		child.unref();
		record.child = child;
		record.paused = false;
		const ok = await waitForPing(port, {timeoutMs: 10_000, password: this.password, alive: async () => child.exitCode === null && child.signalCode === null});
		if (!ok) {
			const tail = await this.tailLogs(name, 3);
			throw new RedisLabError('NODE_FAILED', both(ENGINE.noPing, {name, port, tail: tail ? tail.split('\n').at(-1)! : ''}), {hint: both(ENGINE.seeLog, {where: this.logPath(name)})});
		}
	}

	private async waitExit(child: ChildProcess, timeoutMs: number): Promise<boolean> {
		if (child.exitCode !== null || child.signalCode !== null) return true;
		return withTimeout(once(child, 'exit'), timeoutMs, 'exit').then(() => true, () => false);
	}

	async stop(name: string, how: 'shutdown' | 'kill'): Promise<void> {
		const child = this.record(name).child;
		if (!child?.pid || child.exitCode !== null || child.signalCode !== null) return;
		if (this.record(name).paused) process.kill(child.pid, 'SIGCONT');
		process.kill(child.pid, how === 'kill' ? 'SIGKILL' : 'SIGTERM');
		if (!(await this.waitExit(child, 5000))) {
			process.kill(child.pid, 'SIGKILL');
			await this.waitExit(child, 2000);
		}
	}

	async restart(name: string): Promise<void> {
		await this.stop(name, 'shutdown');
		await this.start(name);
	}

	async pause(name: string): Promise<void> {
		const record = this.record(name);
		if (record.child?.pid) process.kill(record.child.pid, 'SIGSTOP');
		record.paused = true;
	}

	async resume(name: string): Promise<void> {
		const record = this.record(name);
		if (record.child?.pid) process.kill(record.child.pid, 'SIGCONT');
		record.paused = false;
	}

	async isolate(): Promise<void> {
		throw new RedisLabError('NEEDS_DOCKER', both(ENGINE.isolationNeedsDocker));
	}

	async heal(): Promise<void> {
		throw new RedisLabError('NEEDS_DOCKER', both(ENGINE.isolationNeedsDocker));
	}

	private authArgs(): string[] {
		return this.password ? ['-a', this.password, '--no-auth-warning'] : [];
	}

	async exec(name: string, args: string[]): Promise<ExecResult> {
		const port = this.record(name).spec.port;
		const {execa} = await import('execa'); // loaded on first use: the docker runtime never needs it
		const result = await execa(this.bin('cli'), ['-p', String(port), ...this.authArgs(), '--no-raw', ...args], {timeout: 5000, reject: false, stdin: 'ignore'});
		return {stdout: result.stdout ?? '', stderr: result.stderr ?? (result.timedOut ? 'timed out after 5s' : ''), exitCode: result.exitCode ?? 1};
	}

	async execShell(_name: string, script: string): Promise<ExecResult> {
		const {execa} = await import('execa');
		const result = await execa('sh', ['-c', script], {timeout: 60_000, reject: false, stdin: 'ignore', env: this.binDir ? {PATH: `${this.binDir}:${process.env.PATH}`} : undefined});
		return {stdout: result.stdout ?? '', stderr: result.stderr ?? '', exitCode: result.exitCode ?? 1};
	}

	private logPath(name: string): string {
		return join(this.record(name).dir, `${name}.log`);
	}

	async tailLogs(name: string, lines: number): Promise<string> {
		return this.records.has(name) ? tailFile(this.logPath(name), lines) : '';
	}

	async *logs(name: string, options: {tail?: number; signal?: AbortSignal} = {}): AsyncIterable<string> {
		yield* followFile(this.logPath(name), options);
	}

	async state(name: string): Promise<NodeRunState> {
		const record = this.records.get(name);
		if (!record) return 'missing';
		const child = record.child;
		if (!child) return 'created';
		if (child.exitCode !== null || child.signalCode !== null) return 'exited';
		return record.paused ? 'paused' : 'running';
	}

	hostAddress(name: string): {host: string; port: number} {
		return {host: '127.0.0.1', port: this.records.get(name)?.spec.port ?? portFor(name, this.basePort)};
	}

	peerAddress(name: string): {host: string; port: number} {
		return this.hostAddress(name);
	}

	addressBeforeStart(name: string): {host: string; port: number} {
		return this.hostAddress(name);
	}

	resolve(host: string, port: number): string | undefined {
		if (!/^(127\.|::1$|localhost$)/.test(host)) return undefined;
		for (const [name, record] of this.records) if (record.spec.port === port) return name;
		return undefined;
	}

	async teardown(): Promise<void> {
		this.tornDown = true;
		await Promise.all([...this.records.keys()].map(async (name) => {
			const child = this.records.get(name)?.child;
			if (!child?.pid || child.exitCode !== null || child.signalCode !== null) return;
			try {
				process.kill(child.pid, 'SIGCONT');
				process.kill(child.pid, 'SIGKILL');
			} catch (error) {
				if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw new RedisLabError('INTERNAL', `Could not stop ${name}: ${messageOf(error)}`);
			}
			await this.waitExit(child, 3000);
		}));
		this.records.clear();
		const dir = this.sessionDir ?? sessionDirPath(this.sessionId);
		if (existsSync(dir)) await removeSessionDir(dir);
		this.sessionDir = undefined;
		this.tornDown = false;
	}

	nodes(): NodeSpec[] {
		return [...this.records.values()].map((record) => record.spec);
	}
}
