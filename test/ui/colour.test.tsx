import {test} from 'node:test';
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';

// Foreground and background colours (30-37, 39, 40-47, 49, 90-97, 100-107, 38;5/38;2 forms); bold and inverse are not colours.
const COLOUR = /\u001B\[(3[0-9]|4[0-9]|9[0-7]|10[0-7])(;[\d;]*)?m/;

test('NO_COLOR turns colour off in the app; bold and inverse stay', () => {
	const result = spawnSync(process.execPath, ['--import', 'tsx', 'test/ui/colour-probe.tsx'], {encoding: 'utf8', env: {...process.env, FORCE_COLOR: '1'}, timeout: 120_000});
	assert.equal(result.status, 0, result.stderr);
	const [coloured = '', plain = '', empty = ''] = result.stdout.split('\0');
	assert.match(coloured, COLOUR, 'colours without NO_COLOR');
	assert.match(coloured, /replica1/);
	assert.doesNotMatch(plain, COLOUR, 'no colour with NO_COLOR');
	assert.match(plain, /\u001B\[1m/, 'bold stays');
	assert.match(plain, /replica1/);
	assert.match(empty, COLOUR, 'an empty NO_COLOR is not set (no-color.org)');
});
