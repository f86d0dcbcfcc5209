import {test} from 'node:test';
import assert from 'node:assert/strict';
import {EVENT_CATALOGUE} from '../../../source/engine/redis/sentinel/catalogue.js';
import {EVENT_SOURCES, sourcesOfEvent} from '../../../source/engine/redis/sentinel/event-sources.js';

test('every catalogue event says where Redis emits it, and every source names a catalogue event', () => {
	const catalogued = new Set(EVENT_CATALOGUE.map((entry) => entry.type));
	const sourced = EVENT_SOURCES.map((entry) => entry.type);
	assert.deepEqual([...catalogued].filter((type) => !sourced.includes(type)), [], 'catalogue events with no source');
	assert.deepEqual(sourced.filter((type) => !catalogued.has(type)), [], 'sources of events the catalogue does not list');
	assert.equal(new Set(sourced).size, sourced.length, 'an event is listed once (with every place it is emitted)');
});

test('each place names a file, a function and the condition in en and zh', () => {
	for (const {type, places} of EVENT_SOURCES) {
		assert.ok(places.length > 0, `${type}: no place`);
		for (const place of places) {
			assert.match(place.file, /^src\/[\w-]+\.c$/, `${type}: file`);
			assert.match(place.symbol, /^[a-z][A-Za-z]+$/, `${type}: a C function name`);
			assert.ok(place.backs.en.trim().length > 10, `${type}: en condition`);
			assert.match(place.backs.zh, /[\u4E00-\u9FFF]/, `${type}: zh condition`);
		}
	}
	assert.deepEqual(sourcesOfEvent('+try-failover').map((place) => place.symbol), ['sentinelStartFailover']);
	assert.match(sourcesOfEvent('+try-failover')[0]!.backs.en, /2 x failover-timeout/);
	assert.deepEqual(sourcesOfEvent('+switch-master').map((place) => place.symbol), ['sentinelFailoverSwitchToPromotedSlave', 'sentinelProcessHelloMessage']);
	assert.deepEqual(sourcesOfEvent('+no-such-event'), []);
});
