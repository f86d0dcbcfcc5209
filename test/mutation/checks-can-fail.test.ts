// test-lane: long 350
// Proves that each step's checks can fail: every step is run without its state-changing actions
// (a mutant) and must fail. A mutant that passes ("survived") means the step's checks would pass
// without the lesson's commands: a lab bug, to fix in the lab's checks.
//
// Every real step of every lab must pass too, so this is also each lab's full run on the runtime
// chosen here (mutationRuntime: local unless the lab has docker-only steps); labs.test.ts runs
// each lab on the other one.
//
// One session per lab: step k's mutant runs right before the real step k, in exactly the state
// steps 1..k-1 left (each real step must pass), so a lab costs one normal run plus one capped
// check time-out per mutant. A mutant runs only read-only actions, so it leaves the state alone.
//
// Steps with several state-changing actions also get one mutant per action (without just that
// one). Those do change state, so each runs in a fresh session after the real steps before it.
// MUTATION_EACH=0 leaves them out (about 3.5 instead of 5.5 minutes on 2 cores).
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {openSession} from '../../source/commands/open-session.js';
import {describeAction} from '../../source/engine/lab/actions/registry.js';
import {loadCatalogue} from '../../source/engine/lab/format/loader.js';
import {mutantOf, mutationRuntime, singleMutantsOf} from '../helpers/mutation.js';
import {LabRunner} from '../../source/engine/lab/run/runner.js';
import type {Lab, Step} from '../../source/engine/lab/format/types.js';
import {TEST_IMAGE, dockerUnavailable, redisServerFound} from '../helpers/env.js';
import {basePort} from '../helpers/lane.js';

/** A mutant's checks give up after this long (sooner when their own `within` is shorter). */
const CAP_MS = 15_000;
/** Sentinels notice a dead master sooner (the CLI's --down-after). */
const DOWN_AFTER_MS = 3000;
/** Sessions at once, each on its own slot of this file's lane (test/helpers/lane.ts): mostly waiting on check time-outs, so more than the cores. */
const LANES = Number(process.env.MUTATION_LANES ?? 8);
/** `MUTATION_RUNTIME=docker` (or `local`) runs every lab that supports it on that runtime. */
const FORCED = process.env.MUTATION_RUNTIME as 'local' | 'docker' | undefined;
/** `MUTATION_LABS=quorum,offsets` runs only those labs (to split the suite, or to retry one lab). */
const ONLY = process.env.MUTATION_LABS?.split(',').filter(Boolean);
const EACH = process.env.MUTATION_EACH !== '0';

type Outcome = 'failed' | 'SURVIVED' | 'not reached' | 'exempt';
interface Row {
	lab: string;
	step: number;
	id: string;
	removed: string;
	outcome: Outcome;
	seconds: number;
}

/** One step to run: a mutant (with its row) or a real step (which must pass). */
type Entry = {index: number; step: Step; row?: Row};

interface Job {
	lab: Lab;
	runtime: 'local' | 'docker';
	entries: Entry[];
	/** Why the job could not go on (a real step failed, or the runtime broke). */
	broken?: string;
}

const rowOf = (lab: Lab, index: number, removed: string, outcome: Outcome): Row => ({lab: lab.id, step: index + 1, id: lab.steps[index]!.id, removed, outcome, seconds: 0});

/** Every step of the lab, each preceded by its mutant; exempt steps get a row of their own. */
function wholeStepJob(lab: Lab, runtime: Job['runtime'], rows: Row[]): Job {
	const entries = lab.steps.flatMap((step, index): Entry[] => {
		// A step that does not run on this runtime (runtimes: [docker] on local) has nothing to remove.
		const mutant = step.runtimes && !step.runtimes.includes(runtime) ? undefined : mutantOf(step, CAP_MS);
		if (!mutant) {
			rows.push(rowOf(lab, index, '', 'exempt'));
			return [{index, step}];
		}
		const removed = step.do.filter((action) => !mutant.do.includes(action)).map((action) => describeAction(action)).join('; ');
		const row = rowOf(lab, index, removed, 'not reached');
		rows.push(row);
		return [{index, step: mutant, row}, {index, step}];
	});
	return {lab, runtime, entries};
}

/** One job per single-action mutant: the real steps before it, then the mutant. */
function singleActionJobs(lab: Lab, runtime: Job['runtime'], rows: Row[]): Job[] {
	return lab.steps.flatMap((step, index) => (step.runtimes && !step.runtimes.includes(runtime) ? [] : singleMutantsOf(step, CAP_MS)).map(({removed, step: mutant}) => {
		const row = rowOf(lab, index, `only ${describeAction(removed)}`, 'not reached');
		rows.push(row);
		return {lab, runtime, entries: [...lab.steps.slice(0, index).map((real, at) => ({index: at, step: real})), {index, step: mutant, row}]};
	}));
}

async function runJob(job: Job, basePort: number): Promise<void> {
	let session: Awaited<ReturnType<typeof openSession>> | undefined;
	try {
		session = await openSession({runtime: job.runtime, image: TEST_IMAGE, basePort, portChoice: 'given', clean: false, keep: false});
		await session.prepare();
		const runner = new LabRunner(session, {...job.lab, steps: job.entries.map((entry) => entry.step)}, {basePort, downAfterMs: DOWN_AFTER_MS});
		await runner.setup();
		session.ready();
		for (const [position, entry] of job.entries.entries()) {
			const started = Date.now();
			runner.goTo(position);
			const passed = await runner.runStep(position);
			if (entry.row) {
				entry.row.outcome = passed ? 'SURVIVED' : 'failed';
				entry.row.seconds = (Date.now() - started) / 1000;
			} else if (!passed) {
				const state = runner.getState().steps[position];
				const why = state?.error ?? state?.checks.filter((check) => check.status === 'failed').map((check) => `✗ ${check.label} (${check.detail})`).join('; ');
				job.broken = `step ${entry.index + 1} (${entry.step.id}) failed with its actions: ${why}`;
				break;
			}
		}
		runner.dispose();
	} catch (error) {
		job.broken = (error as Error).message;
	} finally {
		// A session that cannot close is this job's failure, not the end of every other job.
		await session?.close().catch((error: Error) => (job.broken ??= `closing the session: ${error.message}`));
	}
}

function table(rows: Row[]): string {
	const header = ['lab', 'step', 'removed actions', 'mutant', 's'];
	const clip = (cell: string) => (cell.length > 60 ? `${cell.slice(0, 57)}...` : cell);
	const lines = rows.map((row) => [row.lab, `${row.step} ${row.id}`, row.removed || '-', row.outcome, row.seconds ? row.seconds.toFixed(1) : ''].map(clip));
	const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => line[column]!.length)));
	return [header, ...lines].map((line) => line.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd()).join('\n');
}

test('every lab passes on the runtime it runs on here, and every step whose actions change state fails without them (checks can fail)', {timeout: 1_800_000}, async (t) => {
	const local = redisServerFound();
	const docker = !dockerUnavailable();
	if (!local && !docker) {
		t.skip('neither redis-server nor Docker is available');
		return;
	}
	const started = Date.now();
	const labs = (await loadCatalogue()).filter((lab) => !ONLY || ONLY.includes(lab.id));
	const rows: Row[] = [];
	const jobs: Job[] = [];
	const skipped: string[] = [];
	for (const lab of labs) {
		const runtime = FORCED ? (lab.runtimes.includes(FORCED) && (FORCED === 'docker' ? docker : local) ? FORCED : undefined) : mutationRuntime(lab, {docker, local});
		if (!runtime) {
			skipped.push(`${lab.id} (needs ${lab.runtimes.join(' or ')})`);
			continue;
		}
		jobs.push(wholeStepJob(lab, runtime, rows));
		if (EACH) jobs.push(...singleActionJobs(lab, runtime, rows));
	}
	// The longest first, so the lanes end together.
	const queue = [...jobs].sort((a, b) => b.entries.length - a.entries.length);
	await Promise.all(Array.from({length: LANES}, async (_, lane) => {
		for (let job = queue.shift(); job; job = queue.shift()) {
			const jobStarted = Date.now();
			await runJob(job, basePort(lane));
			console.log(`# ${job.lab.id} (${job.runtime}, ${job.entries.length} steps): ${((Date.now() - jobStarted) / 1000).toFixed(1)}s${job.broken ? ` BROKEN: ${job.broken}` : ''}`);
		}
	}));
	const order = (row: Row) => labs.findIndex((lab) => lab.id === row.lab) * 1000 + row.step;
	const sorted = rows.map((row, at) => ({row, at})).sort((a, b) => order(a.row) - order(b.row) || a.at - b.at).map(({row}) => row);
	const count = (outcome: Outcome) => sorted.filter((row) => row.outcome === outcome).length;
	console.log(`\n${table(sorted)}\n`);
	console.log(`# ${count('failed')} mutants failed, ${count('SURVIVED')} survived, ${count('not reached')} not reached, ${count('exempt')} steps exempt; ${((Date.now() - started) / 1000).toFixed(1)}s`);
	if (skipped.length > 0) console.log(`# skipped: ${skipped.join(', ')}`);
	assert.deepEqual(jobs.filter((job) => job.broken).map((job) => `${job.lab.id}: ${job.broken}`), []);
	assert.deepEqual(sorted.filter((row) => row.outcome === 'SURVIVED' || row.outcome === 'not reached').map((row) => `${row.lab} step ${row.step} ${row.id} without ${row.removed}: ${row.outcome}`), []);
});
