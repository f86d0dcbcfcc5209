import {maskForDemo} from '../../engine/base/demo-mask.js';
import type {LabSessionState} from '../../engine/lab/run/state.js';
import type {Lang} from '../../i18n/index.js';
import {eventDetail} from './event-detail.js';
import {infoLines, paneModel} from './nodes.js';
import {localText, stepLines, type ReaderLine} from './step.js';
import {wrap} from './text.js';
import {t} from '../../i18n/index.js';
import {UI} from '../../i18n/ui.js';

/** What the reader shows: the whole step, one node's whole INFO section, or one event of the timeline. */
export type Reading = {kind: 'step'} | {kind: 'node'; name: string} | {kind: 'event'; seq: number};

/** The reader's title and lines for the expanded step, a zoomed node or a picked event, wrapped to `columns`. */
export function readerContent(reading: Reading, state: LabSessionState, lang: Lang, columns: number, now: number): {title: string; lines: ReaderLine[]} | undefined {
	if (reading.kind === 'event') {
		const event = state.events.find((candidate) => candidate.seq === reading.seq);
		// The same clock as the timeline: since the fault, or since the first event in a demo.
		return event ? eventDetail(event, lang, columns, state.faultAt ?? (state.demo ? state.events[0]?.receivedAt : undefined)) : undefined;
	}
	if (reading.kind === 'step') {
		const lab = state.lab;
		const step = lab?.lab.steps[lab.current];
		if (!lab || !step) return undefined;
		return {title: t(lang, UI.readerStep, {n: lab.current + 1, total: lab.steps.length, title: localText(step.title, lang)}), lines: stepLines(step, lab.steps[lab.current], lang, columns)};
	}
	const view = state.nodes.find((node) => node.name === reading.name);
	if (!view) return undefined;
	// --demo: the whole INFO section holds addresses and ids that change from run to run.
	const shown = (text: string) => (state.demo ? maskForDemo(text) : text);
	const model = paneModel(view, now, false, lang);
	const lines: ReaderLine[] = [{text: `${model.status} · ${view.address}`, color: model.tone === 'white' ? undefined : model.tone}];
	for (const row of model.rows) if (view.health !== 'up') lines.push(...wrap(shown(row.text), columns).map((text) => ({text, color: 'gray'})));
	for (const line of view.lastLogs ?? []) lines.push(...wrap(line, columns).map((text) => ({text, color: 'gray'})));
	const fields = infoLines(view, now);
	if (fields.length === 0) lines.push({text: t(lang, UI.readerNoInfo), color: 'gray'});
	lines.push({text: ''});
	for (const field of fields) lines.push(...wrap(shown(field.text), columns).map((text) => ({text, color: field.changed ? 'yellow' : undefined, bold: field.changed})));
	return {title: t(lang, UI.readerNode, {node: view.name, section: view.kind === 'sentinel' ? 'sentinel' : 'replication'}), lines};
}
