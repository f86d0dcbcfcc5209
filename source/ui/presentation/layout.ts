/** What the lab screen has to show, as counts. */
export interface LayoutInput {
	columns: number;
	rows: number;
	nodes: number;
	commands: number;
	checks: number;
	note: boolean;
	/** Lines that must show under the checks (hint, step error). */
	extras: number;
	/** Lines above the step (start-up progress, session error). */
	banner: number;
}

/** Rows given to each region of the lab screen. */
export interface Layout {
	width: number;
	textLines: number;
	commands: number;
	checks: number;
	note: boolean;
	/** Bordered panes side by side, or one line per node. */
	nodeMode: 'panes' | 'lines';
	/** Content rows inside each pane (title included). */
	paneRows: number;
	/** Height of the node region, everything included. */
	nodeHeight: number;
	/** Event lines under the timeline's title line. */
	timelineRows: number;
	/** Lines under the bottom region's title line. */
	bottomRows: number;
}

export const PANE_MIN_WIDTH = 24;
const HEADER = 1;
const KEY_BAR = 1;
const MIN_TIMELINE = 2;
const MIN_BOTTOM = 2;

/**
 * Fits the lab screen into the terminal. The live area stays one row shorter than the terminal:
 * Ink clears and redraws the whole screen (flicker) when it is not.
 */
export function layout(input: LayoutInput): Layout {
	const width = Math.max(40, input.columns);
	const budget = Math.max(16, input.rows - 1);
	const panes = width >= input.nodes * PANE_MIN_WIDTH && budget >= 30;
	const paneRows = panes ? Math.min(6, Math.max(4, Math.floor((budget - 24) / 2) + 3)) : 0;
	const nodeHeight = panes ? paneRows + 2 : input.nodes + 1;
	let free = budget - HEADER - KEY_BAR - input.banner - nodeHeight - (1 + MIN_TIMELINE) - (1 + MIN_BOTTOM);

	// The step panel: its title line and extras always; the rest grows by priority while rows last.
	const step = {textLines: 0, commands: 0, checks: 0, note: false};
	free -= 1 + input.extras;
	const grow = (want: () => boolean, add: () => void) => {
		while (free > 0 && want()) {
			add();
			free--;
		}
	};
	const textCap = width >= 120 ? 2 : 3;
	grow(() => step.textLines < 1, () => step.textLines++);
	grow(() => step.checks < Math.min(2, input.checks), () => step.checks++);
	grow(() => step.commands < Math.min(1, input.commands), () => step.commands++);
	grow(() => step.textLines < 2, () => step.textLines++);
	grow(() => step.checks < input.checks, () => step.checks++);
	grow(() => step.commands < Math.min(3, input.commands), () => step.commands++);
	grow(() => input.note && !step.note, () => (step.note = true));
	grow(() => step.textLines < textCap, () => step.textLines++);
	grow(() => step.commands < Math.min(5, input.commands), () => step.commands++);

	const rest = Math.max(0, free);
	const timelineExtra = Math.min(10 - MIN_TIMELINE, Math.ceil(rest / 2));
	return {
		width,
		...step,
		nodeMode: panes ? 'panes' : 'lines',
		paneRows,
		nodeHeight,
		timelineRows: MIN_TIMELINE + timelineExtra,
		bottomRows: MIN_BOTTOM + rest - timelineExtra,
	};
}
