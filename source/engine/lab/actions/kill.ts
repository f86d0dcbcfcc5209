import {nodeOperation, stopNodes} from './node-operation.js';

export const kill = nodeOperation('kill', {
	summary: 'Kills nodes at once (SIGKILL / docker kill). Killing the master marks the fault time.',
	verb: {en: 'kill', zh: '强行终止'},
	perform: (refs, context) => stopNodes(refs, 'kill', context),
});
