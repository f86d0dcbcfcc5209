import {after, test} from 'node:test';
import assert from 'node:assert/strict';
import React from 'react';
import stringWidth from 'string-width';
import {loadCatalogue} from '../../source/engine/lab/format/loader.js';
import {meaningOf} from '../../source/engine/redis/sentinel/catalogue.js';
import type {Lab, Lang} from '../../source/engine/lab/format/types.js';
import {LabScreen} from '../../source/ui/LabScreen.js';
import {FakeSession, NOW, event} from './fake-session.js';
import {labState} from './screen-state.js';
import {press, renderSized} from './sized.js';

const SIZES = [[80, 24], [100, 30], [120, 40]] as const;
const tick = () => new Promise((resolve) => setTimeout(resolve, 30));
const labs = await loadCatalogue();
const failover = labs.find((lab) => lab.id === 'sentinel-failover')!;

/** Renders the lab screen and waits until it drew and listens to keys (a loaded machine is slow). */
const mounted: Array<() => void> = [];
after(() => mounted.forEach((unmount) => unmount()));

async function mount(lab: Lab, current: number, lang: Lang, columns: number, rows: number, session = new FakeSession(labState(lab, current))) {
	const screen = renderSized(<LabScreen handle={session} lang={lang} onQuit={() => undefined} active />, columns, rows);
	mounted.push(screen.unmount);
	for (let i = 0; i < 100 && !screen.frame(); i++) await tick();
	await tick();
	await tick();
	return {session, ...screen};
}


const BORDER = /[│╭╮╰╯║╔╗╚╝]/;

/** Display columns of the box-drawing characters of a line. */
function borderColumns(line: string): number[] {
	const found: number[] = [];
	let column = 0;
	for (const char of line) {
		if (BORDER.test(char)) found.push(column);
		column += stringWidth(char);
	}
	return found;
}

/** Every line fits; the section rules fill the width; the panes' borders line up within each row of panes. */
function assertFits(frame: string, columns: number, rows: number, label: string): void {
	const lines = frame.split('\n');
	assert.ok(lines.length <= rows - 1, `${label}: ${lines.length} lines in ${rows} rows`);
	for (const line of lines) assert.ok(stringWidth(line) <= columns, `${label}: a line of ${stringWidth(line)} columns: ${line}`);
	for (const line of lines.filter((candidate) => candidate.startsWith('── '))) assert.equal(stringWidth(line), columns, `${label}: the rule spans the width: ${line}`);
	let block: number[] | undefined;
	for (const line of lines) {
		if (/^[╭╔]/.test(line)) block = borderColumns(line);
		else if (block && /^[│║╰╚]/.test(line)) assert.deepEqual(borderColumns(line), block, `${label}: borders align:\n${frame}`);
		else block = undefined;
	}
}

for (const [columns, rows] of SIZES) {
	for (const lang of ['en', 'zh'] as const) {
		test(`the lab screen at ${columns}x${rows} in ${lang}: every line fits, borders align, the chrome speaks ${lang}`, async () => {
			const screen = await mount(failover, 1, lang, columns, rows);
			await tick();
			const frame = screen.frame();
			assertFits(frame, columns, rows, `${columns}x${rows} ${lang}`);
			if (lang === 'zh') {
				assert.match(frame, /第 2\/\d+ 步/);
				assert.match(frame, /哨兵事件/);
				assert.match(frame, /n 下一步/);
				assert.doesNotMatch(frame, /Step 2|running…|checks|command log|sentinel events|n next/);
			} else {
				assert.match(frame, /Step 2\/\d+: Shut the master down/);
				assert.match(frame, /n next/);
			}
			if (columns >= 100) {
				// Panes name the nodes, and the master pane shows its last words, not a log line cut at the date.
				assert.match(frame, /replica2 online off=1234567/);
				assert.match(frame, /master: replica1/);
				assert.doesNotMatch(frame, /172\.18|1:M 25 Nov/);
				assert.match(frame, /(Redis is now ready to exit|bye bye)/);
			}
			for (const key of ['e', 'z', '?']) {
				await press(screen, key);
				assertFits(screen.frame(), columns, rows, `${columns}x${rows} ${lang} after ${key}`);
				await press(screen, '\u001B');
			}
			await press(screen, 'c');
			assertFits(screen.frame(), columns, rows, `${columns}x${rows} ${lang} console`);
			screen.unmount();
		});
	}
}

/** The longest step of the real labs in `lang` (narrative, note and hint). */
function longestStep(lang: Lang): {lab: Lab; index: number} {
	let best = {lab: labs[0]!, index: 0, length: 0};
	for (const lab of labs) {
		lab.steps.forEach((step, index) => {
			const length = [step.text, step.note, step.hint].reduce((sum, text) => sum + (text ? (text[lang] ?? text.en).length : 0), 0);
			if (length > best.length) best = {lab, index, length};
		});
	}
	return best;
}

const squash = (text: string) => text.replace(/\s+/g, '');

for (const [columns, rows] of SIZES) {
	for (const lang of ['en', 'zh'] as const) {
		test(`e expands the longest step of the real labs at ${columns}x${rows} in ${lang}: every word of narrative, note and hint, page by page`, async () => {
			const {lab, index} = longestStep(lang);
			const step = lab.steps[index]!;
			const screen = await mount(lab, index, lang, columns, rows);
			await tick();
			await press(screen, 'e');
			const seen: string[] = [];
			let reachedEnd = false;
			for (let page = 0; page < 20; page++) {
				const frame = screen.frame();
				assertFits(frame, columns, rows, `${lab.id} step ${index + 1} page ${page + 1}`);
				// The reader's lines: between its title rule and the key bar.
				seen.push(...frame.split('\n').slice(2, -1));
				// The last page: no position (it all fits), or the position ends at the last line.
				const title = frame.split('\n')[1]!;
				reachedEnd = !/(lines|第) \d+-\d+/.test(title) || /(lines|第) \d+-(\d+) (of|行，共) \2 /.test(title);
				if (reachedEnd) break;
				await press(screen, ' ');
			}
			assert.ok(reachedEnd, `${lab.id} step ${index + 1}: paging reaches the last line`);
			const read = squash(seen.join(''));
			for (const text of [step.text, step.note, step.hint]) {
				if (!text) continue;
				for (const paragraph of (text[lang] ?? text.en).split(/\n\s*\n/)) {
					// Pages overlap by a line: check each sentence appears, not the whole text in one run.
					for (const sentence of paragraph.split(/(?<=[.。；;:：])\s*/).filter((part) => squash(part).length > 0)) {
						assert.ok(read.includes(squash(sentence)), `${lab.id} step ${index + 1} shows "${sentence}"`);
					}
				}
			}
			if (columns === 80) assert.ok(seen.length > rows, 'the longest step takes more than one page at 80x24');
			await press(screen, '\u001B');
			assert.match(screen.frame(), lang === 'zh' ? /第 \d+\/\d+ 步/ : /Step \d+\/\d+/);
			screen.unmount();
		});
	}
}

test('the event timeline keeps every event: [ pages back, { jumps to the first, } follows the newest again', async () => {
	const screen = await mount(failover, 1, 'en', 120, 40);
	await tick();
	assert.doesNotMatch(screen.frame(), /first-event/);
	assert.match(screen.frame(), /of 40/);
	for (let i = 0; i < 20 && !/first-event/.test(screen.frame()); i++) await press(screen, '[');
	assert.match(screen.frame(), /\+0\.00s sentinel1 +\+monitor +first-event/);
	assert.match(screen.frame(), / 1-\d+ of 40/);
	await press(screen, '}');
	assert.doesNotMatch(screen.frame(), /first-event/);
	await press(screen, '{');
	assert.match(screen.frame(), /first-event/);
	screen.unmount();
});

test('long event names keep the columns straight: every meaning starts at the same display column', async () => {
	const events = ['+sdown', '+failover-state-send-slaveof-noone', '+slave-reconf-inprog', '+odown'].map((type, index) => event(index + 1, type, `sentinel${index % 2 + 1}`, NOW + index * 100, {instanceRole: 'master', instanceNode: 'master'}));
	const screen = await mount(failover, 1, 'zh', 120, 40, new FakeSession(labState(failover, 1, {events})));
	const rows = screen.frame().split('\n').filter((line) => /^ +[+-]\d+\.\d\ds sentinel/.test(line));
	assert.equal(rows.length, 4, screen.frame());
	assert.ok(rows.some((line) => /\+failover-state-send-slaveof-noone|\+failover-state-select-slave|\+slave-reconf-inprog/.test(line)), rows.join('\n'));
	const column = (line: string, text: string) => stringWidth(line.slice(0, line.indexOf(text)));
	const starts = rows.map((line) => {
		const type = /^ +\S+ +\S+ +(\S+)/.exec(line)![1]!;
		return column(line, meaningOf(type).zh.slice(0, 4));
	});
	assert.equal(new Set(rows.map((line) => column(line, line.includes('first-event') ? ' first-event ' : ' master '))).size, 1, rows.join('\n'));
	assert.equal(new Set(starts).size, 1, `meaning columns: ${starts.join(', ')}\n${rows.join('\n')}`);
	screen.unmount();
});

test('z zooms the highlighted node: its whole INFO section, addresses named', async () => {
	const screen = await mount(failover, 1, 'en', 100, 30);
	await tick();
	await press(screen, '\t', 'z');
	const frame = screen.frame();
	assert.match(frame, /replica1: INFO replication/);
	assert.match(frame, /slave0:ip=172\.18\.0\.4,port=6381,state=online,offset=1234567,lag=0 +→ replica2/);
	assert.match(frame, /master_replid:abc/);
	await press(screen, 'z');
	assert.match(screen.frame(), /Step 2\/\d+/);
	screen.unmount();
});

test('the console: tab reaches every node of the lab, down or not started, and shows what the engine answered', async () => {
	const state = labState(failover, 1);
	state.nodes = state.nodes.filter((view) => view.name !== 'sentinel2');
	const session = new FakeSession(state);
	session.console = async (node, line) => {
		session.calls.push(`console ${node} ${line}`);
		if (node === 'master') return {reply: 'Could not connect to Redis at 127.0.0.1:6379: Connection refused', isError: true};
		throw new Error('no such node');
	};
	const screen = await mount(failover, 1, 'en', 100, 30, session);
	await press(screen, 'c');
	const reached: string[] = [];
	for (let i = 0; i < 5; i++) {
		reached.push(/redis-cli on (\S+)/.exec(screen.frame())![1]!);
		await press(screen, '\t');
	}
	assert.deepEqual(reached, ['master', 'replica1', 'replica2', 'sentinel1', 'sentinel2'], 'sentinel2 is in the lab but not yet declared');
	assert.match(screen.frame(), /redis-cli on master/);
	await press(screen, 'P', 'I', 'N', 'G', '\r');
	await tick();
	assert.match(screen.frame(), /Could not connect to Redis at 127\.0\.0\.1:6379: Connection refused/);
	await press(screen, '\t', '\t', '\t', '\t', 'P', 'I', 'N', 'G', '\r');
	await tick();
	assert.match(screen.frame(), /sentinel2> PING\n\(error\) no such node\nsentinel2>\s*\n/, 'a failed call answers too, and the prompt is free again');
	screen.unmount();
});
