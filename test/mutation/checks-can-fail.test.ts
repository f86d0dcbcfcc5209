// Proves that each step's checks can fail: every step is run once more without its state-changing
// actions (a mutant), right before the real step, and the mutant must fail. A mutant that passes
// ("survived") means the step's checks would pass without the lesson's commands: a lab bug.
// One session per lab: step k's mutant runs in exactly the state steps 1..k-1 left (each real step
// must pass), so a lab costs one normal run plus one capped check time-out per mutant.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {openSession} from '../../source/commands/open-session.js';
import {describeAction} from '../../source/engine/lab/actions.js';
import {loadCatalogue} from '../../source/engine/lab/loader.js';
import {mutantOf, removableActions} from '../../source/engine/lab/mutation.js';
import {LabRunner} from '../../source/engine/lab/runner.js';
import type {Lab, Step} from '../../source/engine/lab/types.js';
import {TEST_IMAGE, dockerUnavailable, redisServerFound} from '../helpers/env.js';

/** A mutant's checks give up after this long (less when their own `within` is shorter). */
const CAP_MS = 15_000;
/** Sentinels notice a dead master sooner (the CLI's --down-after). */
const DOWN_AFTER_MS = 3000;
/** Labs run at once, each on its own ports (37000 + 100 × order; sentinels +10000). */
const LANES = 3;
const BASE_PORT = 37000;
/** `MUTATION_LABS=quorum,offsets` runs only those labs (to split the suite, or to retry one lab). */
const ONLY = process.env.MUTATION_LABS?.split(',').filter(Boolean);

type Outcome = 'failed' | 'SURVIVED' | 'not reached' | 'exempt';
interface Row {
	lab: string;
	step: number;
	id: string;
	removed: string;
	outcome: Outcome;
	seconds: number;
}

interface LabResult {
	rows: Row[];
	/** Why the lab could not go on (a real step failed, or the runtime broke). */
	broken?: string;
	seconds: number;
}

type Entry = {index: number; step: Step; mutant: boolean};

async function mutateLab(lab: Lab, runtime: 'local' | 'docker'): Promise<LabResult> {
	const started = Date.now();
	const entries: Entry[] = lab.steps.flatMap((step, index) => {
		const mutant = mutantOf(step, CAP_MS);
		return mutant ? [{index, step: mutant, mutant: true}, {index, step, mutant: false}] : [{index, step, mutant: false}];
	});
	const rows: Row[] = lab.steps.map((step, index) => ({
		lab: lab.id,
		step: index + 1,
		id: step.id,
		removed: removableActions(step).map((action) => describeAction(action)).join('; '),
		outcome: removableActions(step).length > 0 ? 'not reached' : 'exempt',
		seconds: 0,
	}));
	const session = await openSession({runtime, image: TEST_IMAGE, basePort: BASE_PORT + 100 * lab.order, clean: false, keep: false});
	let broken: string | undefined;
	try {
		await session.prepare();
		const runner = new LabRunner(session, {...lab, steps: entries.map((entry) => entry.step)}, {basePort: BASE_PORT + 100 * lab.order, downAfterMs: DOWN_AFTER_MS});
		await runner.setup();
		session.ready();
		for (const [position, entry] of entries.entries()) {
			const stepStarted = Date.now();
			runner.goTo(position);
			const passed = await runner.runStep(position);
			if (entry.mutant) {
				rows[entry.index] = {...rows[entry.index]!, outcome: passed ? 'SURVIVED' : 'failed', seconds: (Date.now() - stepStarted) / 1000};
			} else if (!passed) {
				const tail = session.getState().transcript.slice(-8).map((line) => line.text).join('\n');
				broken = `step ${entry.index + 1} (${entry.step.id}) failed with its actions:\n${tail}`;
				break;
			}
		}
		runner.dispose();
	} catch (error) {
		broken = `${(error as Error).message}`;
	} finally {
		await session.close();
	}
	return {rows, broken, seconds: (Date.now() - started) / 1000};
}

/** Runs the labs `LANES` at a time, the longest (most steps) first. */
async function inLanes(jobs: Array<() => Promise<void>>): Promise<void> {
	const queue = [...jobs];
	await Promise.all(Array.from({length: LANES}, async () => {
		for (let job = queue.shift(); job; job = queue.shift()) await job();
	}));
}

function table(rows: Row[]): string {
	const header = ['lab', 'step', 'removed actions', 'mutant', 's'];
	const lines = rows.map((row) => [row.lab, `${row.step} ${row.id}`, row.removed || '-', row.outcome, row.seconds ? row.seconds.toFixed(1) : '']);
	const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => Math.min(60, line[column]!.length))));
	const format = (line: string[]) => line.map((cell, column) => (cell.length > 60 ? `${cell.slice(0, 57)}...` : cell).padEnd(widths[column]!)).join('  ');
	return [format(header), ...lines.map(format)].join('\n');
}

test('every step whose actions change state fails without them (checks can fail)', {timeout: 900_000}, async (t) => {
	const local = redisServerFound();
	const docker = !dockerUnavailable();
	if (!local && !docker) {
		t.skip('neither redis-server nor Docker is available');
		return;
	}
	const started = Date.now();
	const labs = (await loadCatalogue()).filter((lab) => !ONLY || ONLY.includes(lab.id)).sort((a, b) => b.steps.length - a.steps.length);
	const results = new Map<string, LabResult>();
	const skipped: string[] = [];
	await inLanes(labs.map((lab) => async () => {
		const runtime = lab.runtimes.includes('local') && local ? 'local' : lab.runtimes.includes('docker') && docker ? 'docker' : undefined;
		if (!runtime) {
			skipped.push(`${lab.id} (needs ${lab.runtimes.join(' or ')})`);
			return;
		}
		const result = await mutateLab(lab, runtime);
		results.set(lab.id, result);
		console.log(`# ${lab.id} (${runtime}): ${result.seconds.toFixed(1)}s${result.broken ? ` BROKEN: ${result.broken.split('\n')[0]}` : ''}`);
	}));
	const ordered = [...results.entries()].sort(([a], [b]) => labs.find((lab) => lab.id === a)!.order - labs.find((lab) => lab.id === b)!.order);
	const rows = ordered.flatMap(([, result]) => result.rows);
	console.log(`\n${table(rows)}\n`);
	console.log(`# ${rows.filter((row) => row.outcome === 'failed').length} mutants failed, ${rows.filter((row) => row.outcome === 'SURVIVED').length} survived, ${rows.filter((row) => row.outcome === 'exempt').length} steps exempt; ${((Date.now() - started) / 1000).toFixed(1)}s`);
	if (skipped.length > 0) console.log(`# skipped: ${skipped.join(', ')}`);
	assert.deepEqual(ordered.filter(([, result]) => result.broken).map(([id, result]) => `${id}: ${result.broken}`), []);
	assert.deepEqual(rows.filter((row) => row.outcome === 'SURVIVED' || row.outcome === 'not reached').map((row) => `${row.lab} step ${row.step} ${row.id}: ${row.outcome}`), []);
});
