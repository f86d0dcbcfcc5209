import {nodeOperation} from './node-operation.js';

export const restart = nodeOperation('restart', {
	summary: 'Shuts nodes down and starts them again (they read their config file anew).',
	verb: {en: 'restart', zh: '重启'},
	each: (session, node) => session.restartNode(node),
});
