import {Box} from 'ink';
import React from 'react';
import type {Lab, Lang} from '../engine/lab/types.js';
import type {LabProgress} from '../engine/progress.js';
import {paint} from './colour.js';
import {fit, pad, padStart, say} from './presentation/text.js';
import {Text} from './Text.js';

export interface LabMenuProps {
	labs: readonly Lab[];
	selected: number;
	progress: (labId: string) => LabProgress;
	runtime: string;
	runtimeLabel: string;
	lang: Lang;
	/** Rows available for the list. */
	height: number;
	/** Terminal columns. */
	width?: number;
}

/** The labs in article order, with minutes and progress marks; the selected lab's article section below. */
export function LabMenu({labs, selected, progress, runtime, runtimeLabel, lang, height, width = 100}: LabMenuProps) {
	const first = Math.max(0, Math.min(selected - Math.floor(height / 2), labs.length - height));
	const inner = Math.max(40, width - 4);
	const titleWidth = Math.min(58, inner - 21);
	const sectionOf = (lab: Lab) => (lab.section ? lab.section[lang] ?? lab.section.en : say(lang, 'menuBeyond'));
	// Wide terminals show each lab's article section in its row; narrow ones only the selected one's, below.
	const sectionColumn = inner - titleWidth - 21 >= 24;
	const chosen = labs[selected];
	return (
		<Box flexDirection="column" borderStyle="round" borderColor={paint('blue')} paddingX={1} width={Math.max(44, width)}>
			<Text wrap="truncate">
				<Text bold color="blue">redis-lab</Text>
				<Text color="gray">{say(lang, 'menuTagline')}{runtime} · {runtimeLabel}</Text>
			</Text>
			<Text color="gray" wrap="truncate">  #  {fit(say(lang, 'menuLab'), titleWidth)} {padStart(say(lang, 'menuMinutes'), 4)}  {pad(say(lang, 'menuProgress'), 8)}{sectionColumn ? say(lang, 'menuSection') : ''}</Text>
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
					{say(lang, 'menuLabNumber', {n: String(chosen.order).padStart(2, '0')})} · {chosen.section ? say(lang, 'menuSectionOf') : ''}{sectionOf(chosen)} · {chosen.runtimes.join(' + ')}
				</Text>
			) : null}
		</Box>
	);
}
