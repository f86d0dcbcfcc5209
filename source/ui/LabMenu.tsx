import {Box} from 'ink';
import React from 'react';
import type {Lab, Lang} from '../engine/lab/format/types.js';
import type {LabProgress} from '../engine/lab/run/progress.js';
import {paint} from './colour.js';
import {fit, pad, padStart} from './presentation/text.js';
import {Text} from './Text.js';
import {t} from '../i18n/index.js';
import {UI} from '../i18n/ui.js';

export interface LabMenuProps {
	labs: readonly Lab[];
	selected: number;
	progress: (labId: string) => LabProgress;
	runtime: string;
	runtimeLabel: string;
	/** " · room ws-1" when the learner joined a room. */
	room?: string;
	lang: Lang;
	/** Rows available for the list. */
	height: number;
	/** Terminal columns. */
	width?: number;
}

/** The labs in article order, with minutes and progress marks; the selected lab's article section below. */
export function LabMenu({labs, selected, progress, runtime, runtimeLabel, room = '', lang, height, width = 100}: LabMenuProps) {
	const first = Math.max(0, Math.min(selected - Math.floor(height / 2), labs.length - height));
	const inner = Math.max(40, width - 4);
	const titleWidth = Math.min(58, inner - 21);
	const sectionOf = (lab: Lab) => (lab.section ? lab.section[lang] ?? lab.section.en : t(lang, UI.menuBeyond));
	// Wide terminals show each lab's article section in its row; narrow ones only the selected one's, below.
	const sectionColumn = inner - titleWidth - 21 >= 24;
	const chosen = labs[selected];
	return (
		<Box flexDirection="column" borderStyle="round" borderColor={paint('blue')} paddingX={1} width={Math.max(44, width)}>
			<Text wrap="truncate">
				<Text bold color="blue">redis-lab</Text>
				<Text color="gray">{t(lang, UI.menuTagline)}{runtime}{runtimeLabel ? ` · ${runtimeLabel}` : ''}{room}</Text>
			</Text>
			<Text color="gray" wrap="truncate">  #  {fit(t(lang, UI.menuLab), titleWidth)} {padStart(t(lang, UI.menuMinutes), 4)}  {pad(t(lang, UI.menuProgress), 8)}{sectionColumn ? t(lang, UI.menuSection) : ''}</Text>
			{labs.slice(first, first + height).map((lab, offset) => {
				const index = first + offset;
				const done = progress(lab.id).doneSteps.length;
				const complete = done >= lab.steps.length;
				const mark = done === 0 ? '  ' : complete ? '✓ ' : '◐ ';
				return (
					<Text key={lab.id} inverse={index === selected} wrap="truncate">
						{index === selected ? '›' : ' '} {String(lab.order).padStart(2, '0')} {fit(lab.title[lang] ?? lab.title.en, titleWidth)} {padStart(String(lab.minutes), 4)}  <Text color={complete ? 'green' : 'yellow'}>{mark}</Text>
						<Text color="gray">{pad(`${done}/${lab.steps.length}`, 6)}{sectionColumn ? sectionOf(lab) : ''}</Text>
					</Text>
				);
			})}
			{chosen ? (
				<Text color="gray" wrap="truncate">
					{t(lang, UI.menuLabNumber, {n: String(chosen.order).padStart(2, '0')})} · {chosen.section ? t(lang, UI.menuSectionOf) : ''}{sectionOf(chosen)} · {chosen.runtimes.join(' + ')}
				</Text>
			) : null}
		</Box>
	);
}
