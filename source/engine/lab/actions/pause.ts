import {nodeOperation} from './node-operation.js';

export const pause = nodeOperation('pause', {
	summary: 'Freezes nodes (SIGSTOP / docker pause): alive but silent.',
	verb: {en: 'pause', zh: '暂停'},
	each: (session, node) => session.pauseNode(node),
});
