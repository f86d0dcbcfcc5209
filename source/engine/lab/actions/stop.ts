import {nodeOperation, stopNodes} from './node-operation.js';

export const stop = nodeOperation('stop', {
	summary: 'Shuts nodes down gracefully (SHUTDOWN / docker stop). Stopping the master marks the fault time.',
	verb: {en: 'stop', zh: '停止'},
	perform: (refs, context) => stopNodes(refs, 'shutdown', context),
});
