import type {ServerKind} from '../redis/server-kind.js';
import type {NodeSpec} from '../topology/topology.js';

export type RuntimeKind = 'docker' | 'local';

/** Progress of an image pull (docker) or of finding binaries (local). */
export interface PullProgress {
	image: string;
	/** Bytes done and expected, summed over layers that report them. */
	current: number;
	total: number;
	/** Latest status line, e.g. "Downloading". */
	status: string;
}

export interface ExecResult {
	stdout: string;
	stderr: string;
	exitCode: number;
}

/** What a node's container or process is doing, as the runtime sees it. */
export type NodeRunState = 'missing' | 'created' | 'running' | 'paused' | 'exited';

/**
 * What a learner would type for each operation on one runtime: pure strings, no I/O.
 * A node argument is a node name, or in exported scripts a shell expression such as
 * `$(current_master)`; then ports and names are written as shell expressions too.
 */
export interface ShellText {
	/** Creates and starts the node (docker run; a local server started from its config). `spec` shows a node not created yet. */
	create(node: string, spec?: NodeSpec): string;
	start(node: string): string;
	stop(node: string): string;
	kill(node: string): string;
	pause(node: string): string;
	resume(node: string): string;
	restart(node: string): string;
	remove(node: string): string;
	isolate(node: string): string;
	heal(node: string): string;
	/** The node's log: followed (`tail -f` / `docker logs -f`) or its last `tail` lines. */
	logs(node: string, options?: {follow?: boolean; tail?: number}): string;
	cli(node: string, args: string[]): string;
	/** What the `cli` command prints (one line) when the node's container or process is not running. */
	notRunning(node: string, state: 'missing' | 'created' | 'exited'): string;
	/** A POSIX shell script run next to the node (inside its container for docker). */
	script(node: string, script: string): string;
	writeConfig(node: string, text: string): string;
	showConfig(node: string): string;
	/** The command that creates the lab network (docker), or undefined. */
	network(): string | undefined;
	/** Lines that remove everything a script created for these nodes. */
	cleanup(nodes: string[]): string[];
	/** Docker only: the `docker run` of a throw-away container outside the lab network (a lab's demonstration). */
	throwaway?(name: string, plan: ThrowawayPlan): string;
}

/** A throw-away container: `docker run -d -p 127.0.0.1:<hostPort>:<publish> <image> redis-server <args>`. */
export interface ThrowawayPlan {
	/** Port published on 127.0.0.1. */
	hostPort: number;
	/** Container port it forwards to. */
	publish: number;
	/** Port the server listens on inside (6379 unless `--port` says otherwise). */
	listen: number;
	/** Arguments of redis-server. */
	args: string[];
}

export interface RuntimeOptions {
	/** Identifies this session in labels, names and folders. */
	sessionId: string;
	/** Shifts every port (default 6379). */
	basePort: number;
	/** Docker image (docker runtime). */
	image?: string;
	/** Folder with redis-server / redis-sentinel / redis-cli (local runtime). */
	redisBin?: string;
	password?: string;
}

/** What a runtime does to nodes: create, start, stop, exec, logs... */
export interface NodeOperations {
	/**
	 * Calls `onLost` once if the engine behind the nodes goes away (the Docker daemon stops
	 * answering); returns a function that stops watching. Local processes need no watch.
	 */
	watchEngine?(onLost: (error: Error) => void): () => void;
	/** Image present (pulling if needed) or binaries found; network created. */
	prepare(onProgress?: (progress: PullProgress) => void): Promise<void>;
	/** Writes the node's config (from spec) and creates its container; does not start it. */
	create(node: NodeSpec): Promise<void>;
	/** Replaces a node's config text (applied at its next start). */
	writeConfig(name: string, text: string): Promise<void>;
	readConfig(name: string): Promise<string>;
	/** The config text the runtime would write for this spec (addresses resolved for this runtime). */
	renderConfig(node: NodeSpec): string;
	start(name: string): Promise<void>;
	/** `shutdown`: graceful (SIGTERM / docker stop); `kill`: SIGKILL. */
	stop(name: string, how: 'shutdown' | 'kill'): Promise<void>;
	restart(name: string): Promise<void>;
	pause(name: string): Promise<void>;
	resume(name: string): Promise<void>;
	/** Cuts the node off the lab network (docker only; local throws NEEDS_DOCKER). */
	isolate(name: string): Promise<void>;
	heal(name: string): Promise<void>;
	/** Runs `redis-cli -p <port> <args>` next to the node (inside its container for docker). */
	exec(name: string, args: string[]): Promise<ExecResult>;
	/** Runs a POSIX shell script next to the node (inside its container for docker), e.g. a redis-cli loop. */
	execShell(name: string, script: string): Promise<ExecResult>;
	/** Follows the node's log from `tail` lines back until the signal aborts. */
	logs(name: string, options?: {tail?: number; signal?: AbortSignal}): AsyncIterable<string>;
	/** The last `lines` lines of a node's log as text ('' when there is none). */
	tailLogs?(name: string, lines: number): Promise<string>;
	state(name: string): Promise<NodeRunState>;
	/**
	 * Docker only: (re)creates and starts a throw-away container `name` of this session (labelled
	 * like its nodes, named with its prefix, removed at teardown), not on the lab network.
	 */
	runThrowaway?(name: string, plan: ThrowawayPlan): Promise<void>;
	/** Docker only: whether that throw-away container exists and runs. */
	throwawayRunning?(name: string): Promise<boolean>;
	/** Removes every container, network, process and folder of this session. */
	teardown(): Promise<void>;
	/** Nodes this runtime has created. */
	nodes(): NodeSpec[];
}

/** Where nodes are reached, and which node an address reported by Redis or Sentinel is. */
export interface Addressing {
	/** Where the app connects: always 127.0.0.1. */
	hostAddress(name: string): {host: string; port: number};
	/** Where other nodes reach this node (container name, or 127.0.0.1). */
	peerAddress(name: string): {host: string; port: number};
	/** The numeric address other nodes will reach `name` at, when known before it starts (fixed IP, loopback). */
	addressBeforeStart(name: string): {host: string; port: number} | undefined;
	/** Maps an address reported by Redis or Sentinel back to a node name. */
	resolve(host: string, port: number): string | undefined;
}

/**
 * Where the nodes run: operations, addressing, and the shell text a learner would type. Both
 * implementations keep node-to-node traffic off the host's published ports and let the app
 * connect to 127.0.0.1 only.
 */
export interface Runtime extends NodeOperations, Addressing {
	readonly kind: RuntimeKind;
	readonly sessionId: string;
	/** The lab's password (--password), for redis-cli run by hand (`from:`). */
	readonly password?: string;
	/** e.g. "redis:7.2" or "redis-server 7.0.15". */
	readonly label: string;
	/** The server, when known before any node runs (the local binaries' --version); Docker learns it from INFO server. */
	readonly server?: ServerKind;
	/** The shell commands a learner would type, one method per operation. */
	readonly shell: ShellText;
	/** Which server the nodes will run, before any does (an image's REDIS_VERSION / VALKEY_VERSION, the binaries' --version); undefined when it cannot tell. */
	identifyServer?(): Promise<ServerKind | undefined>;
}
