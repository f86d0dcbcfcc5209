// N simulated learners for bench:room, in one process: each is the app's own RoomPublisher (its own
// connection), changing its lab status every few seconds (a check passes, a step passes, now and then
// a check fails) and refreshing its hash like a live app. Stops after --seconds; prints how many updates it made.
// Usage (from bench-room.ts): tsx scripts/bench-room-learners.ts --room URL --learners 200 --seconds 30 --every 5
import {parseArgs} from 'node:util';
import {RoomPublisher} from '../source/engine/room/publisher.js';
import {MENU_STATUS, type LabProgressStatus} from '../source/engine/room/status.js';
import {parseRoomUrl} from '../source/engine/room/url.js';

const {values} = parseArgs({options: {room: {type: 'string'}, learners: {type: 'string', default: '200'}, seconds: {type: 'string', default: '30'}, every: {type: 'string', default: '5'}}});
const address = parseRoomUrl(values.room!);
const count = Number(values.learners);
const seconds = Number(values.seconds);
const everyMs = Number(values.every) * 1000;
const LABS = [{id: 'sentinel-failover', steps: 6}, {id: 'quorum', steps: 7}, {id: 'split-brain', steps: 10}, {id: 'replication-command', steps: 6}];

/** A learner's walk through a lab: checks pass one by one, the step passes, the next starts; one change in seven is a failure. */
function nextStatus(previous: LabProgressStatus, index: number, tick: number): LabProgressStatus {
	const lab = LABS[index % LABS.length]!;
	const step = previous.step ?? 1;
	const base = {...previous, lab: lab.id, steps: lab.steps, runtime: 'docker', server: 'redis:7.2', nodesTotal: 5, nodesUp: 5, nodesDown: [], finished: false, failedCheck: undefined, failReason: undefined};
	if ((tick + index) % 7 === 0) return {...base, step, stepId: `step-${step}`, stepState: 'failed', failedCheck: 'event +odown seen', failReason: `no +odown within 15s (try ${tick})`};
	if (previous.stepState === 'passed') {
		const next = step >= lab.steps ? 1 : step + 1;
		return {...base, step: next, stepId: `step-${next}`, stepState: 'watching', checksPassed: 0, checksTotal: 4};
	}
	const passed = Math.min(4, previous.checksPassed + 1);
	return {...base, step, stepId: `step-${step}`, stepState: passed === 4 ? 'passed' : 'running', checksPassed: passed, checksTotal: 4};
}

const learners = Array.from({length: count}, (_, index) => new RoomPublisher(address, {name: `learner-${String(index).padStart(3, '0')}`, owner: 'bench-room', mode: 'app'}));
const states: LabProgressStatus[] = learners.map(() => ({...MENU_STATUS, step: 1, checksTotal: 4}));
let updates = 0;
const timers = learners.map((learner, index) => {
	let tick = 0;
	const change = () => {
		states[index] = nextStatus(states[index]!, index, tick++);
		learner.update(states[index]);
		updates++;
	};
	// Spread over the interval, then a change every `every` seconds (+-50%), as people work at their own pace.
	const first = setTimeout(function loop() {
		change();
		timer.current = setTimeout(loop, everyMs * (0.5 + Math.random()));
	}, Math.random() * everyMs);
	const timer = {current: first};
	return timer;
});
await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
for (const timer of timers) clearTimeout(timer.current);
// Quit without saying "left": the hashes stay until their TTL, as when the apps are still open.
await Promise.all(learners.map((learner) => learner.close({timeoutMs: 2000})));
process.stdout.write(`${JSON.stringify({updates})}\n`);
process.exit(0);
