import type {z} from 'zod';
import type {Bilingual} from '../define/fields.js';
import type {LabFile, NodeDeclaration, SetupBlock, Step as StepSchema} from './lab-schema.js';

export type {Action, ActionKind} from '../actions/registry.js';
export type {Check, CheckKind} from '../checks/registry.js';
export type {Lang} from '../define/define.js';
export type {Comparison, Duration} from '../define/fields.js';

/** Text in English, with an optional Simplified Chinese translation. */
export type Text = z.output<typeof Bilingual>;

/** A node name (`master`, `replica1`, `sentinel2`...) or `current-master`. */
export type NodeRef = string;

export type LabNode = z.output<typeof NodeDeclaration>;
export type Step = z.output<typeof StepSchema>;
export type Source = NonNullable<Step["sources"]>[number];
export type SetupBlock = z.output<typeof SetupBlock>;

/** A lab, as loaded: the file's fields and the file it came from. */
export type Lab = Omit<z.output<typeof LabFile>, 'nodes'> & {nodes: Record<string, LabNode>; file: string};
