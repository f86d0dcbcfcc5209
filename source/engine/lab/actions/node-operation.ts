import type {ShellText} from '../../runtime/types.js';
import type {Session} from '../../session/session.js';
import {defineAction, type ActionContext, type NodeUse} from '../define/define.js';
import {CURRENT_MASTER, listOf, NodeRefs} from '../define/fields.js';
import {t} from '../../../i18n/index.js';

/** The nodes of a one-or-many value, with their paths, for the cross-reference pass. */
export const nodeUses = (refs: string | string[]): NodeUse[] => listOf(refs).map((ref, index) => ({path: Array.isArray(refs) ? [index] : [], ref}));

/** Stops or kills nodes one by one; stopping whichever node is master marks the fault time. */
export async function stopNodes(refs: string[], how: 'shutdown' | 'kill', context: ActionContext): Promise<void> {
	const {session} = context;
	for (const ref of refs) {
		const node = context.resolveNode(ref);
		if (node === session.currentMaster() || ref === CURRENT_MASTER) session.markFault();
		await session.stopNode(node, how);
	}
}

type Operation = 'stop' | 'kill' | 'pause' | 'resume' | 'restart';

/**
 * An action on one node or a list of nodes, one after the other: `- pause: [replica1, replica2]`.
 * `shell` picks its command from the runtime's ShellText; `verb` reads it to the learner.
 */
export function nodeOperation<const Key extends Operation>(key: Key, options: {summary: string; verb: {en: string; zh: string}; perform?: (refs: string[], context: ActionContext) => Promise<void>; each?: (session: Session, node: string) => Promise<void>}) {
	const command = (shell: ShellText, node: string): string => shell[key](node);
	return defineAction({
		key,
		schema: NodeRefs,
		summary: options.summary,
		changesState: true,
		label: (refs, lang) => t(lang, {en: `${options.verb.en} ${listOf(refs).join(', ')}`, zh: `${options.verb.zh} ${listOf(refs).join('、')}`}),
		async perform(refs, context) {
			if (options.perform) return options.perform(listOf(refs), context);
			for (const ref of listOf(refs)) await options.each?.(context.session, context.resolveNode(ref));
		},
		preview: (refs, context) => listOf(refs).map((ref) => command(context.shell, context.node(ref))),
		script: (refs, context) => listOf(refs).map((ref) => command(context.shell, context.node(ref))),
		nodes: nodeUses,
	});
}
