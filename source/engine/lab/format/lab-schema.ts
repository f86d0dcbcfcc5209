import {z} from 'zod';
import {ActionItem} from '../actions/registry.js';
import {CheckItem} from '../checks/registry.js';
import {AboveZero, Bilingual, Directives, fieldsOf, list, NODE_NAMES, Source, Text, WholeAboveZero} from '../define/fields.js';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const RUNTIMES = ['docker', 'local'] as const;

const slug = (example: string) => Text.regex(SLUG, {error: (issue) => `must be a slug like ${example}, not "${String(issue.input)}"`});

/** Boot configuration of one node. */
const NodeFields = fieldsOf({
	replicaof: Text.optional().meta({description: 'Node this server replicates from at boot (writes replicaof)'}),
	monitor: Text.optional().meta({description: 'Sentinels only: the node they monitor at boot (default master)'}),
	quorum: WholeAboveZero.optional().meta({description: 'Sentinels only (default 2)'}),
	downAfterMs: WholeAboveZero.optional().meta({description: 'Sentinels only (default 5000)'}),
	failoverTimeoutMs: WholeAboveZero.optional().meta({description: 'Sentinels only (default 15000)'}),
	config: Directives.optional().meta({description: 'Extra config directives, e.g. {min-replicas-to-write: 2}'}),
});
export const NodeDeclaration = NodeFields.nullable().transform((node): z.output<typeof NodeFields> => node ?? {});

const Nodes = z.partialRecord(z.enum(NODE_NAMES), NodeDeclaration, {
	error: (issue) => {
		if ((issue.code as string) === 'unrecognized_keys' || issue.code === 'invalid_key') return `unknown node name (known: ${list(NODE_NAMES)})`;
		return issue.input === undefined ? 'required' : 'must be a map of node names, e.g. {master: {}, replica1: {replicaof: master}}';
	},
}).refine((nodes) => Object.keys(nodes).length > 0, 'must declare at least one node');

const Runtimes = z.array(
	z.enum(RUNTIMES, {error: (issue) => `unknown runtime "${String(issue.input)}" (known: ${list(RUNTIMES)})`}),
	{error: (issue) => (issue.input === undefined ? 'required ([docker, local] or [docker])' : 'must be a list: [docker, local] or [docker]')},
).min(1, 'must be a list: [docker, local] or [docker]');

const Actions = z.array(ActionItem, {error: (issue) => (issue.input === undefined ? 'required (use [] for none)' : 'must be a list of actions')});
const checks = () => z.array(CheckItem, {error: (issue) => (issue.input === undefined ? 'required' : 'must be a list of checks')});

/** Steps run quietly before step 1 so a lab can start from a clean slate. */
export const SetupBlock = fieldsOf({do: Actions, expect: checks().optional()}, 'a map like {do: [...], expect: [...]}').meta({id: 'SetupBlock'});

export const Step = fieldsOf({
	id: slug('stop-master').meta({description: 'Short slug, unique in the lab'}),
	title: Bilingual,
	text: Bilingual,
	note: Bilingual.optional().meta({description: 'Where this lab corrects the article, or a caution'}),
	hint: Bilingual.optional().meta({description: 'Shown when a check fails'}),
	runtimes: Runtimes.optional().meta({description: 'Only on these runtimes, e.g. [docker]; skipped with a note on the others'}),
	sources: z.array(Source, {error: 'must be a list of sources'}).optional().meta({description: 'Where in the server\'s source the lesson of this step is backed'}),
	do: Actions,
	expect: checks().min(1, 'must list at least one check'),
}, 'a map of step fields (id, title, text, do, expect)').meta({id: 'Step'});

/** A lab file. */
export const LabFile = fieldsOf({
	formatVersion: z.literal(1, {error: (issue) => (issue.input === undefined ? 'required (formatVersion: 1)' : `must be 1, not ${JSON.stringify(issue.input)}`)}),
	id: slug('sentinel-failover'),
	order: WholeAboveZero.meta({description: 'Position in the catalogue (1-based)'}),
	title: Bilingual,
	section: Bilingual.optional().meta({description: 'The article section this lab follows, when it follows one'}),
	summary: Bilingual,
	minutes: AboveZero,
	runtimes: Runtimes,
	nodes: Nodes,
	setup: z.array(SetupBlock, {error: 'must be a list of {do: [...], expect: [...]} blocks'}).optional(),
	steps: z.array(Step, {error: (issue) => (issue.input === undefined ? 'required' : 'must be a list of at least one step')}).min(1, 'must be a list of at least one step'),
}, 'a map of lab fields (formatVersion, id, title, ...)').meta({title: 'redis-lab lab file', description: 'One lab of redis-lab: nodes, setup and steps. See labs/README.md.'});
