import {test} from 'node:test';
import assert from 'node:assert/strict';
import {layout, paneGroups, PANE_MIN_WIDTH, type LayoutInput} from '../../source/ui/presentation/layout.js';

const FAILOVER_STEP: Omit<LayoutInput, 'columns' | 'rows'> = {nodes: 5, kinds: ['redis', 'redis', 'redis', 'sentinel', 'sentinel'], commands: 1, checks: 6, note: true, extras: 0, banner: 0};

/** Rows the lab screen draws for a layout: header, step, nodes, timeline, bottom, key bar. */
function height(input: LayoutInput): number {
	const fit = layout(input);
	const step = 1 + fit.textLines + (fit.note ? 1 : 0) + fit.commands + fit.checks + input.extras;
	return 1 + input.banner + step + fit.nodeHeight + 1 + fit.timelineRows + 1 + fit.bottomRows + 1;
}

test('the lab screen stays one row shorter than the terminal, from 80x24 up', () => {
	for (const [columns, rows] of [[80, 24], [100, 30], [120, 40], [200, 60], [80, 20]] as const) {
		for (const step of [FAILOVER_STEP, {...FAILOVER_STEP, commands: 9, checks: 9, extras: 2, banner: 2}, {...FAILOVER_STEP, nodes: 6, kinds: undefined, commands: 0, checks: 0, note: false}]) {
			const input = {...step, columns, rows};
			assert.ok(height(input) <= Math.max(16, rows - 1), `${columns}x${rows} ${JSON.stringify(step)}: ${height(input)} rows`);
		}
	}
});

test('at 80x24 every region still shows: a line of narrative, checks, nodes one per line, events, commands', () => {
	const fit = layout({...FAILOVER_STEP, columns: 80, rows: 24});
	assert.equal(fit.nodeMode, 'lines');
	assert.equal(fit.nodeHeight, 6);
	assert.ok(fit.textLines >= 1);
	assert.ok(fit.checks >= 2);
	assert.equal(fit.commands, 1);
	assert.ok(fit.timelineRows >= 2);
	assert.ok(fit.bottomRows >= 2);
});

test('wide and tall terminals put the panes in rows and give the rest to events and commands', () => {
	const wide = layout({...FAILOVER_STEP, columns: 200, rows: 45});
	assert.equal(wide.nodeMode, 'panes');
	assert.deepEqual(wide.paneGroups, [[0, 1, 2, 3, 4]]);
	assert.ok(Math.min(...wide.paneRows) >= 5);
	assert.equal(wide.checks, 6);
	assert.ok(wide.timelineRows >= 8);
	assert.ok(wide.bottomRows >= 5);
});

test('from 100 columns five panes get two rows, Redis servers above sentinels, each pane wide enough for its fields', () => {
	for (const [columns, rows] of [[100, 30], [120, 40]] as const) {
		const fit = layout({...FAILOVER_STEP, columns, rows});
		assert.equal(fit.nodeMode, 'panes', `${columns}x${rows}`);
		assert.deepEqual(fit.paneGroups, [[0, 1, 2], [3, 4]]);
		for (const row of fit.paneGroups) assert.ok(Math.floor(columns / row.length) >= PANE_MIN_WIDTH);
		assert.ok(fit.paneRows[0]! >= 5, 'title, connected_slaves, two replicas, offset');
		assert.ok(fit.paneRows[1]! >= 3, 'title and the two lines of a monitored master');
		assert.ok(fit.textLines >= 2, `${columns}x${rows}: ${fit.textLines} lines of narrative`);
	}
	assert.equal(layout({...FAILOVER_STEP, columns: 98, rows: 40}).nodeMode, 'lines', 'narrower than three panes of 33 columns');
	assert.equal(paneGroups(['redis', 'redis', 'redis', 'redis', 'redis', 'redis'], 100)?.length, 2);
	assert.equal(paneGroups(['redis', 'redis', 'redis', 'redis', 'redis', 'redis', 'redis', 'redis'], 100), undefined);
	assert.ok(PANE_MIN_WIDTH - 2 >= 'replica1 online off=1427 lag=0'.length, 'a replica row fits inside the border');
});

test('the step panel gets no more narrative lines than the text takes; panes grow for rows that wrap', () => {
	const short = layout({...FAILOVER_STEP, columns: 120, rows: 40, narrative: 2});
	assert.equal(short.textLines, 2);
	const long = layout({...FAILOVER_STEP, columns: 120, rows: 40, narrative: 9});
	assert.ok(long.textLines >= 4);
	assert.ok(short.timelineRows + short.bottomRows > long.timelineRows + long.bottomRows, 'the rows the text does not need go to events and commands');
	assert.equal(layout({...FAILOVER_STEP, columns: 120, rows: 40, paneContent: 4}).paneRows[0], 5);
	assert.equal(layout({...FAILOVER_STEP, columns: 120, rows: 40, paneContent: 7}).paneRows[0], 7);
	assert.equal(layout({...FAILOVER_STEP, columns: 120, rows: 40, paneContent: 7}).paneRows[1], 3, 'the sentinel row keeps its size');
});
