import {test} from 'node:test';
import assert from 'node:assert/strict';
import {layout, type LayoutInput} from '../../source/ui/presentation/layout.js';

const FAILOVER_STEP: Omit<LayoutInput, 'columns' | 'rows'> = {nodes: 5, commands: 1, checks: 6, note: true, extras: 0, banner: 0};

/** Rows the lab screen draws for a layout: header, step, nodes, timeline, bottom, key bar. */
function height(input: LayoutInput): number {
	const fit = layout(input);
	const step = 1 + fit.textLines + (fit.note ? 1 : 0) + fit.commands + fit.checks + input.extras;
	return 1 + input.banner + step + fit.nodeHeight + 1 + fit.timelineRows + 1 + fit.bottomRows + 1;
}

test('the lab screen stays one row shorter than the terminal, from 80x24 up', () => {
	for (const [columns, rows] of [[80, 24], [100, 30], [120, 40], [200, 60], [80, 20]] as const) {
		for (const step of [FAILOVER_STEP, {...FAILOVER_STEP, commands: 9, checks: 9, extras: 2, banner: 2}, {...FAILOVER_STEP, nodes: 6, commands: 0, checks: 0, note: false}]) {
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

test('wide and tall terminals put the panes side by side and give the rest to events and commands', () => {
	const wide = layout({...FAILOVER_STEP, columns: 160, rows: 45});
	assert.equal(wide.nodeMode, 'panes');
	assert.ok(wide.paneRows >= 5);
	assert.equal(wide.checks, 6);
	assert.ok(wide.timelineRows >= 8);
	assert.ok(wide.bottomRows >= 5);
	assert.equal(layout({...FAILOVER_STEP, columns: 100, rows: 45}).nodeMode, 'lines', 'five panes need 120 columns');
});
