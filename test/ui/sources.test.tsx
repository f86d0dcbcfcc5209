import {after, test} from 'node:test';
import assert from 'node:assert/strict';
import React from 'react';
import stringWidth from 'string-width';
import {loadCatalogue} from '../../source/engine/lab/format/loader.js';
import type {Lab, Lang} from '../../source/engine/lab/format/types.js';
import {meaningOf} from '../../source/engine/redis/sentinel/catalogue.js';
import {sourcesOfEvent} from '../../source/engine/redis/sentinel/event-sources.js';
import {LabScreen} from '../../source/ui/LabScreen.js';
import {FakeSession} from './fake-session.js';
import {labState, manyEvents} from './screen-state.js';
import {press, renderSized} from './sized.js';

const SIZES = [[80, 24], [120, 40]] as const;
const tick = () => new Promise((resolve) => setTimeout(resolve, 30));
const labs = await loadCatalogue();
const failover = labs.find((lab) => lab.id === 'sentinel-failover')!;
const mounted: Array<() => void> = [];
after(() => mounted.forEach((unmount) => unmount()));

/** The failover lab with known sources on step 2 (a file and symbol, and a documentation url). */
function withSources(lab: Lab): Lab {
	const steps = lab.steps.map((step, index) => (index !== 1 ? step : {...step, sources: [
		{file: 'src/sentinel.c', symbol: 'sentinelCheckSubjectivelyDown', backs: {en: 'no valid reply for down-after-milliseconds marks the master down for this sentinel', zh: '超过 down-after-milliseconds 没有有效回复，这个哨兵就认为主服务器下线'}},
		{url: 'https://docs.docker.com/reference/cli/docker/container/stop/', backs: {en: 'docker stop sends SIGTERM, then SIGKILL after the grace period', zh: 'docker stop 先发 SIGTERM，宽限期过后发 SIGKILL'}},
	]}));
	return {...lab, steps};
}

async function mount(lang: Lang, columns: number, rows: number) {
	const lab = withSources(failover);
	const session = new FakeSession(labState(lab, 1));
	const screen = renderSized(<LabScreen handle={session} lang={lang} onQuit={() => undefined} active />, columns, rows);
	mounted.push(screen.unmount);
	for (let i = 0; i < 100 && !screen.frame(); i++) await tick();
	await tick();
	return {session, lab, ...screen};
}


function assertFits(frame: string, columns: number, rows: number, label: string): void {
	const lines = frame.split('\n');
	assert.ok(lines.length <= rows - 1, `${label}: ${lines.length} lines in ${rows} rows`);
	for (const line of lines) assert.ok(stringWidth(line) <= columns, `${label}: a line of ${stringWidth(line)} columns: ${line}`);
}

/** Every line the reader shows, page by page (space), each page checked to fit. */
async function readAll(screen: Awaited<ReturnType<typeof mount>>, columns: number, rows: number, label: string): Promise<string> {
	const seen: string[] = [];
	for (let page = 0; page < 20; page++) {
		const frame = screen.frame();
		assertFits(frame, columns, rows, `${label} page ${page + 1}`);
		seen.push(...frame.split('\n').slice(2, -1));
		const title = frame.split('\n')[1]!;
		if (!/(lines|第) \d+-\d+/.test(title) || /(lines|第) \d+-(\d+) (of|行，共) \2 /.test(title)) break;
		await press(screen, ' ');
	}
	return seen.join('\n');
}

const squash = (text: string) => text.replace(/\s+/g, '');

for (const [columns, rows] of SIZES) {
	for (const lang of ['en', 'zh'] as const) {
		test(`e shows the step's sources under "${lang === 'zh' ? 'Redis 源码出处' : "In Redis's source"}" at ${columns}x${rows} in ${lang}`, async () => {
			const screen = await mount(lang, columns, rows);
			await press(screen, 'e');
			const read = await readAll(screen, columns, rows, `${columns}x${rows} ${lang}`);
			assert.match(read, lang === 'zh' ? /^Redis 源码出处$/m : /^In Redis's source$/m);
			assert.match(read, /src\/sentinel\.c · sentinelCheckSubjectivelyDown/);
			assert.match(squash(read), /https:\/\/docs\.docker\.com\/reference\/cli\/docker\/container\/stop\//);
			for (const source of screen.lab.steps[1]!.sources!) assert.ok(squash(read).includes(squash(source.backs[lang]!)), `shows "${source.backs[lang]}"`);
			screen.unmount();
		});

		test(`v picks an event, ↑ moves, enter opens its meaning, phase and source, esc goes back, at ${columns}x${rows} in ${lang}`, async () => {
			const screen = await mount(lang, columns, rows);
			const events = manyEvents(40);
			await press(screen, 'v');
			assert.match(screen.frame(), lang === 'zh' ? /↑ 更早 · ↓ 更新 · enter 打开 · esc 返回/ : /↑ older · ↓ newer · enter open · esc back/);
			const marked = () => screen.frame().split('\n').filter((line) => line.startsWith('▸'));
			assert.equal(marked().length, 1, screen.frame());
			assert.match(marked()[0]!, new RegExp(`${events.at(-1)!.source} +\\${events.at(-1)!.type} `), 'the newest event is picked first');
			await press(screen, '\u001B[A');
			const picked = events.at(-2)!;
			assert.match(marked()[0]!, new RegExp(`${picked.source} +\\${picked.type} `), '↑ picks the event before');
			await press(screen, '\r');
			const read = await readAll(screen, columns, rows, `${columns}x${rows} ${lang} event`);
			assert.match(read.split('\n')[0]!, new RegExp(`^\\${picked.type}`), read);
			assert.match(screen.frame().split('\n')[1]!, lang === 'zh' ? new RegExp(`事件 \\${picked.type}：来自 ${picked.source}`) : new RegExp(`event \\${picked.type} from ${picked.source} at`));
			const meaning = meaningOf(picked.type);
			assert.ok(squash(read).includes(squash(meaning[lang])), `the meaning "${meaning[lang]}"`);
			assert.match(read, lang === 'zh' ? /故障转移阶段：/ : /failover phase: /);
			assert.match(read, lang === 'zh' ? /^Redis 源码出处$/m : /^In Redis's source$/m);
			for (const place of sourcesOfEvent(picked.type)) {
				assert.ok(read.includes(`${place.file} · ${place.symbol}`), `names ${place.symbol}`);
				assert.ok(squash(read).includes(squash(place.backs[lang])), `the condition of ${place.symbol}`);
			}
			await press(screen, '\u001B');
			assert.match(screen.frame(), lang === 'zh' ? /esc 返回/ : /esc back/, 'closing the event goes back to picking');
			await press(screen, '\u001B');
			assert.match(screen.frame(), lang === 'zh' ? /n 下一步/ : /n next/, 'esc again leaves picking');
			assert.equal(marked().length, 0);
			screen.unmount();
		});
	}
}

test('an event of a failover phase names it; one outside a failover says so', async () => {
	const {eventDetail} = await import('../../source/ui/presentation/event-detail.js');
	const [odown] = manyEvents(1).map((event) => ({...event, type: '+odown', payload: 'master master 172.18.0.2 6379 #quorum 2/2'}));
	const agree = eventDetail(odown!, 'en', 120).lines.map((line) => line.text).join('\n');
	assert.match(agree, /failover phase: agree \(2 of 6: detect → agree → elect → promote → reconfigure → done\)/);
	assert.match(agree, /src\/sentinel\.c · sentinelCheckObjectivelyDown/);
	const reboot = eventDetail({...odown!, type: '+reboot'}, 'zh', 80).lines.map((line) => line.text).join('\n');
	assert.match(reboot, /故障转移阶段：无/);
	assert.match(eventDetail({...odown!, type: '+made-up'}, 'en', 80).lines.map((line) => line.text).join('\n'), /no source recorded/);
});

test('picking keeps the picked event in the timeline window, moving it no further than needed', async () => {
	const {anchorShowing, eventScroll} = await import('../../source/ui/presentation/events.js');
	const events = manyEvents(20);
	assert.equal(anchorShowing(events, undefined, 5, 18), undefined, 'on the newest page: still following');
	assert.equal(anchorShowing(events, undefined, 5, 15), 19, 'one above the newest page: the window ends at the event after the fifth');
	assert.equal(eventScroll(events, anchorShowing(events, undefined, 5, 15)), 1);
	assert.equal(anchorShowing(events, 10, 5, 8), 10, 'inside the window: it stays');
	assert.equal(anchorShowing(events, 10, 5, 12), 12, 'below the window: the picked one is the last shown');
	assert.equal(anchorShowing(events, 10, 5, 20), undefined, 'the newest: follow again');
});
