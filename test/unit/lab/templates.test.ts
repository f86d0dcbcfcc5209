import {test} from 'node:test';
import assert from 'node:assert/strict';
import {fillTemplates, templateNodes} from '../../../source/engine/lab/define/templates.js';

test('address templates: the nodes they name, spaces allowed, and their filling', () => {
	const text = 'REPLICAOF {{ current-master.host }} {{current-master.port}} and {{replica1.port}}, not {{master}}';
	assert.deepEqual(templateNodes(text), ['current-master', 'current-master', 'replica1']);
	assert.deepEqual(templateNodes('PING'), []);
	assert.equal(fillTemplates(text, (node, part) => `${node}:${part}`), 'REPLICAOF current-master:host current-master:port and replica1:port, not {{master}}');
});
