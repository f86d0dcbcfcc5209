import {nodeOperation} from './node-operation.js';

export const resume = nodeOperation('resume', {
	summary: 'Wakes paused nodes (SIGCONT / docker unpause).',
	verb: {en: 'resume', zh: '恢复'},
	each: (session, node) => session.resumeNode(node),
});
