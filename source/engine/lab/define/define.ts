import type {z} from 'zod';
import type {ClientFigures, ClientLoad} from '../../redis/client-load.js';
import type {NodeSpec} from '../../topology/topology.js';
import type {RuntimeKind, ShellText} from '../../runtime/types.js';
import type {Session} from '../../session/session.js';
import type {Verdict} from './verdict.js';

export type {Lang} from '../../../i18n/index.js';
import type {Lang} from '../../../i18n/index.js';

/** A field path inside an action or check body, e.g. `['node']` or `[1]`. */
export type FieldPath = Array<string | number>;

/** A node named in a body, for the cross-reference pass. */
export interface NodeUse {
	path: FieldPath;
	ref: string;
	/** `server`: a Redis server, not a sentinel; `sentinel`: a sentinel. */
	must?: 'server' | 'sentinel';
}

/** Ids that tie actions and checks together: `write` actions, `client-start` clients, `docker-run` containers. */
export type IdKind = 'write' | 'client' | 'container';

export interface IdUse {
	kind: IdKind;
	id: string;
	path: FieldPath;
}

/** What a step remembers while it runs: writes made and clients started. */
export interface WriteRecord {
	prefix: string;
	acknowledged: string[];
	refused: number;
}

export interface LabMemory {
	writes: Map<string, WriteRecord>;
	clients: Map<string, ClientLoad>;
	/** Figures of every client started, live or final. */
	figures: Map<string, () => ClientFigures>;
}

/** What an action may use while it runs. */
export interface ActionContext {
	session: Session;
	shell: ShellText;
	lang: Lang;
	memory: LabMemory;
	/** Node name for a reference (`current-master` asks the sentinels). */
	resolveNode: (ref: string) => string;
	/** Expands `{{node.host}}` / `{{node.port}}` to the addresses nodes use for each other. */
	expand(text: string): string;
}

/** What a preview (the commands on screen) may use: never fails, never waits. */
export interface PreviewContext {
	shell: ShellText;
	/** The node a reference names now, or the reference itself when nobody knows yet. */
	node(ref: string): string;
	/** The node's spec, to show a node not created yet. */
	spec(name: string): NodeSpec | undefined;
	/** Templates filled where they can be. */
	expand(text: string): string;
	/** The port the app (and a learner on the host) reaches the node at. */
	hostPort(name: string): number;
	/** The learner's language, for the comment lines that stand for what the app does itself. */
	lang?: Lang;
}

/** What an exported script line may use. Nodes are shell words: `$(current_master)` for the current master. */
export interface ScriptContext {
	shell: ShellText;
	kind: RuntimeKind;
	/** A node reference as a shell word inside a longer word: `replica1`, `$(current_master)`. */
	node(ref: string): string;
	/** A node reference as a separate argument: `replica1`, `"$(current_master)"`. */
	arg: (ref: string) => string;
	/** A command's words, templates filled (the current master's address asked when the script runs), quoted for bash. */
	words(command: string): string[];
	/** Template-filled text quoted as one bash word. */
	word: (text: string) => string;
	/** Lines that start a node: its config file, create and a PING wait the first time, a plain start after. */
	start(name: string): string[];
	/** Lines that merge directives into the node's config file. */
	writeConfig(name: string, set: Record<string, string | number>): string[];
	/** Lines that print the node's config file (writing it first if not written yet). */
	showConfig(name: string): string[];
	/** The port a node is published at on 127.0.0.1. */
	hostPort(name: string): number;
	/** A container the script creates besides the nodes (`docker-run`): listed in the clean-up lines. */
	removeAtEnd: (name: string) => void;
}

/** One kind of action: `- stop: master`. */
export interface ActionDefinition<Key extends string = string, Schema extends z.ZodType = z.ZodType> {
	key: Key;
	schema: Schema;
	/** One line for the authoring guide and editors. */
	summary: string;
	/** How the action reads to the learner. */
	label(body: z.output<Schema>, lang: Lang): string;
	perform(body: z.output<Schema>, context: ActionContext): Promise<void>;
	/** The commands shown on screen for this action (on this runtime, now). */
	preview(body: z.output<Schema>, context: PreviewContext): string[];
	/** Its lines in the exported bash script. */
	script(body: z.output<Schema>, context: ScriptContext): string[];
	/**
	 * Whether performing it changes the lab's state (servers, data, config, network, clients).
	 * Read-only actions only show things; the mutation test removes the others and expects the
	 * step's checks to fail. A function decides per body (`cli`: per command).
	 */
	changesState: boolean | ((body: z.output<Schema>) => boolean);
	/** Needs the docker runtime (cuts the network). */
	dockerOnly?: boolean;
	nodes?(body: z.output<Schema>): NodeUse[];
	/** Texts that may hold `{{node.host}}` / `{{node.port}}`. */
	templates?(body: z.output<Schema>): Array<{path: FieldPath; text: string}>;
	/** An id this action makes known to later actions and checks. */
	declares?(body: z.output<Schema>): {kind: IdKind; id: string};
	needs?(body: z.output<Schema>): IdUse[];
}

/** What a check may read while it is evaluated. */
export interface CheckContext {
	session: Session;
	/** Date.now() when the step began. */
	since: number;
	/** INFO values when the step began, for `grows`: "node field" -> value. */
	baseline: Map<string, number>;
	writes: Map<string, WriteRecord>;
	clients: Map<string, () => ClientFigures>;
	resolveNode: (ref: string) => string;
	/** Expands `{{node.port}}` / `{{node.host}}` in a check's expected text. */
	expand?(text: string): string;
	/** Language of the verdict's detail (default en). */
	lang?: Lang;
}

/** What a check's script line may use. */
export interface CheckScriptContext extends Pick<ScriptContext, 'arg' | 'word'> {
	/** The check's label, quoted for bash. */
	label: string;
	/** The check's label as text. */
	describe: string;
	/** Seconds the check may take (at least 1). */
	seconds: number;
	lang: Lang;
	/** Template-filled text (the current master's address as a stand-in for `word`). */
	fill(text: string): string;
}

/** One kind of check: `- role: {node: replica1, is: slave}`. Every check has `within`. */
export interface CheckDefinition<Key extends string = string, Schema extends z.ZodType = z.ZodType> {
	key: Key;
	schema: Schema;
	summary: string;
	/** A short label in the learner's language, e.g. `replica1 role is slave`. */
	describe(body: z.output<Schema>, lang: Lang): string;
	/** Evaluates once. Checks that run commands do so quietly (not in the transcript). */
	evaluate(body: z.output<Schema>, context: CheckContext): Verdict | Promise<Verdict>;
	/** Its `wait_for` line(s) in the exported script, or a comment when a shell cannot observe it. */
	script(body: z.output<Schema>, context: CheckScriptContext): string[];
	/** Script lines before the step's actions (a starting value to compare with). */
	scriptBefore?(body: z.output<Schema>, context: CheckScriptContext): string[];
	/** Records what the step starts from (into `context.baseline`, or its own map per context) before its actions run; the actions wait for it. */
	baseline?(body: z.output<Schema>, context: CheckContext): void | Promise<void>;
	/** Passes by never passing: settles as soon as it fails (`absent` events). */
	inverted?(body: z.output<Schema>): boolean;
	/** Needs the docker runtime (only in a docker lab or a step with `runtimes: [docker]`). */
	dockerOnly?: boolean;
	nodes?(body: z.output<Schema>): NodeUse[];
	templates?(body: z.output<Schema>): Array<{path: FieldPath; text: string}>;
	needs?(body: z.output<Schema>): IdUse[];
}

/** Declares an action kind (the identity function, for inference). */
export function defineAction<const Key extends string, Schema extends z.ZodType>(definition: ActionDefinition<Key, Schema>): ActionDefinition<Key, Schema> {
	return definition;
}

/** Declares a check kind (the identity function, for inference). */
export function defineCheck<const Key extends string, Schema extends z.ZodType>(definition: CheckDefinition<Key, Schema>): CheckDefinition<Key, Schema> {
	return definition;
}

