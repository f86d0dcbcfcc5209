/** What the lab screen has to show, as counts. */
export interface LayoutInput {
	columns: number;
	rows: number;
	nodes: number;
	/** Each node's kind, in screen order (default: every node a Redis server). */
	kinds?: ReadonlyArray<'redis' | 'sentinel'>;
	commands: number;
	checks: number;
	note: boolean;
	/** Lines that must show under the checks (hint, step error). */
	extras: number;
	/** Lines above the step (start-up progress, session error). */
	banner: number;
	/** Lines the bottom region needs at least (the console: a few replies and its prompt). */
	bottom?: number;
	/** Lines the whole narrative takes at this width (more are never given). */
	narrative?: number;
	/** Content rows the tallest Redis pane needs, title included. */
	paneContent?: number;
}

/** Rows given to each region of the lab screen. */
export interface Layout {
	width: number;
	textLines: number;
	commands: number;
	checks: number;
	note: boolean;
	/** Bordered panes in rows, or one line per node. */
	nodeMode: 'panes' | 'lines';
	/** Panes: node indexes of each row of panes. */
	paneGroups: number[][];
	/** Panes: content rows inside the panes of each row (title included). */
	paneRows: number[];
	/** Height of the node region, everything included. */
	nodeHeight: number;
	/** Event lines under the timeline's title line. */
	timelineRows: number;
	/** Lines under the bottom region's title line. */
	bottomRows: number;
}

/** A pane this wide shows "replica1 online off=1427 lag=0" and "status=ok slaves=2 sentinels=3" whole. */
export const PANE_MIN_WIDTH = 33;
/** Lines the console asks for: a few replies above its prompt. */
export const CONSOLE_ROWS = 5;
const HEADER = 1;
const KEY_BAR = 1;
const MIN_TIMELINE = 2;
const MIN_BOTTOM = 2;
const MIN_PANE_BUDGET = 28;

/**
 * Rows of panes for `columns`: one row when every pane gets PANE_MIN_WIDTH, else Redis servers on
 * one row and sentinels on the next, else two halves; undefined when panes do not fit at all.
 */
export function paneGroups(kinds: ReadonlyArray<'redis' | 'sentinel'>, columns: number): number[][] | undefined {
	const indexes = kinds.map((_, index) => index);
	const fits = (row: number[]) => row.length * PANE_MIN_WIDTH <= columns;
	if (indexes.length === 0) return [];
	if (fits(indexes)) return [indexes];
	const redis = indexes.filter((index) => kinds[index] === 'redis');
	const sentinels = indexes.filter((index) => kinds[index] === 'sentinel');
	if (redis.length > 0 && sentinels.length > 0 && fits(redis) && fits(sentinels)) return [redis, sentinels];
	const half = Math.ceil(indexes.length / 2);
	const halves = [indexes.slice(0, half), indexes.slice(half)];
	return fits(halves[0]!) ? halves : undefined;
}

/**
 * Fits the lab screen into the terminal. The live area stays one row shorter than the terminal:
 * Ink clears and redraws the whole screen (flicker) when it is not.
 */
export function layout(input: LayoutInput): Layout {
	const width = Math.max(40, input.columns);
	const budget = Math.max(16, input.rows - 1);
	const kinds = input.kinds ?? Array.from({length: input.nodes}, () => 'redis' as const);
	const groups = budget >= MIN_PANE_BUDGET ? paneGroups(kinds, width) : undefined;
	const panes = groups !== undefined && groups.length > 0;
	// A row with a Redis server needs its title and four fields; a row of sentinels two lines per master.
	const paneRows: number[] = panes ? groups.map((row) => (row.some((index) => kinds[index] === 'redis') ? 5 : 3)) : [];
	const paneHeight = () => paneRows.reduce((sum, rows) => sum + rows + 2, 0);
	const minBottom = Math.max(MIN_BOTTOM, input.bottom ?? 0);
	let free = budget - HEADER - KEY_BAR - input.banner - (panes ? paneHeight() : input.nodes + 1) - (1 + MIN_TIMELINE) - (1 + minBottom);

	// The step panel: its title line and extras always; the rest grows by priority while rows last.
	const step = {textLines: 0, commands: 0, checks: 0, note: false};
	free -= 1 + input.extras;
	const grow = (want: () => boolean, add: () => void) => {
		while (free > 0 && want()) {
			add();
			free--;
		}
	};
	grow(() => step.textLines < 1, () => step.textLines++);
	grow(() => step.checks < Math.min(2, input.checks), () => step.checks++);
	grow(() => step.commands < Math.min(1, input.commands), () => step.commands++);
	grow(() => step.textLines < 2, () => step.textLines++);
	grow(() => step.checks < input.checks, () => step.checks++);
	grow(() => step.commands < Math.min(3, input.commands), () => step.commands++);
	grow(() => input.note && !step.note, () => (step.note = true));
	const narrative = input.narrative ?? Number.POSITIVE_INFINITY;
	grow(() => step.textLines < Math.min(4, narrative), () => step.textLines++);
	grow(() => step.commands < Math.min(5, input.commands), () => step.commands++);
	// Panes of Redis servers grow for a third replica, min_slaves_good_slaves, or rows that wrap.
	const redisRows = paneRows.map((rows, index) => (rows === 3 ? -1 : index)).filter((index) => index >= 0);
	if (panes) grow(() => paneRows[redisRows[0]!]! < Math.min(8, input.paneContent ?? 5) && free >= redisRows.length, () => {
		free -= redisRows.length - 1;
		for (const index of redisRows) paneRows[index]!++;
	});
	grow(() => step.textLines < Math.min(6, narrative), () => step.textLines++);

	const rest = Math.max(0, free);
	const timelineExtra = Math.min(10 - MIN_TIMELINE, Math.ceil(rest / 2));
	return {
		width,
		...step,
		nodeMode: panes ? 'panes' : 'lines',
		paneGroups: groups ?? [],
		paneRows,
		nodeHeight: panes ? paneHeight() : input.nodes + 1,
		timelineRows: MIN_TIMELINE + timelineExtra,
		bottomRows: minBottom + rest - timelineExtra,
	};
}
