import {test} from 'node:test';
import assert from 'node:assert/strict';
import {heredoc, shellJoin, shellQuote, splitCommandLine} from '../../source/engine/base/shell.js';
import {RedisLabError} from '../../source/engine/base/errors.js';

test('shellQuote leaves plain words alone and quotes the rest safely', () => {
	assert.equal(shellQuote('REPLICAOF'), 'REPLICAOF');
	assert.equal(shellQuote('redis-lab-master'), 'redis-lab-master');
	assert.equal(shellQuote('hello world'), "'hello world'");
	assert.equal(shellQuote("it's"), `'it'\\''s'`);
	assert.equal(shellQuote(''), "''");
	assert.equal(shellJoin(['SET', 'name', 'two words']), "SET name 'two words'");
});

test('splitCommandLine reads redis-cli style lines', () => {
	assert.deepEqual(splitCommandLine('SET name farb'), ['SET', 'name', 'farb']);
	assert.deepEqual(splitCommandLine('  SET  "my key"  \'v 1\' '), ['SET', 'my key', 'v 1']);
	assert.deepEqual(splitCommandLine('SET k "a\\"b\\n"'), ['SET', 'k', 'a"b\n']);
	assert.deepEqual(splitCommandLine('SET k ""'), ['SET', 'k', '']);
	assert.throws(() => splitCommandLine('SET k "open'), (error: unknown) => error instanceof RedisLabError && /Unbalanced/.test(error.message));
});

test('heredoc writes text verbatim', () => {
	assert.equal(heredoc('./redis-lab/replica1/redis.conf', 'port 6380\n'), "cat > ./redis-lab/replica1/redis.conf <<'EOF'\nport 6380\nEOF");
});
