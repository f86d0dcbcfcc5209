import type {ActionContext, NodeUse} from '../define.js';
import {CURRENT_MASTER, listOf} from '../fields.js';

/** Stops or kills nodes one by one; stopping whichever node is master marks the fault time. */
export async function stopNodes(refs: string[], how: 'shutdown' | 'kill', context: ActionContext): Promise<void> {
	const {session} = context;
	for (const ref of refs) {
		const node = context.resolveNode(ref);
		if (node === session.currentMaster() || ref === CURRENT_MASTER) session.markFault();
		await session.stopNode(node, how);
	}
}

/** The nodes of a one-or-many value, with their paths, for the cross-reference pass. */
export const nodeUses = (refs: string | string[]): NodeUse[] => listOf(refs).map((ref, index) => ({path: Array.isArray(refs) ? [index] : [], ref}));
