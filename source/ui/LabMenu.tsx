import {Box, Text} from 'ink';
import React from 'react';
import stringWidth from 'string-width';
import type {Lab, Lang} from '../engine/lab/types.js';
import type {LabProgress} from '../engine/progress.js';

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

function fit(text: string, width: number): string {
	if (stringWidth(text) <= width) return text + ' '.repeat(width - stringWidth(text));
	let cut = text;
	while (stringWidth(cut) > width - 1) cut = cut.slice(0, -1);
	return cut + '…' + ' '.repeat(Math.max(0, width - 1 - stringWidth(cut)));
}

/** The labs in article order, with minutes and progress marks; the selected lab's article section below. */
export function LabMenu({labs, selected, progress, runtime, runtimeLabel, lang, height, width = 100}: LabMenuProps) {
	const first = Math.max(0, Math.min(selected - Math.floor(height / 2), labs.length - height));
	const inner = Math.max(40, width - 4);
	const titleWidth = Math.min(58, inner - 20);
	const sectionOf = (lab: Lab) => (lab.section ? lab.section[lang] ?? lab.section.en : lang === 'zh' ? '文章之外' : 'beyond the article');
	// Wide terminals show each lab's article section in its row; narrow ones only the selected one's, below.
	const sectionColumn = inner - titleWidth - 20 >= 24;
	const chosen = labs[selected];
	return (
		<Box flexDirection="column" borderStyle="round" borderColor="blue" paddingX={1} width={Math.max(44, width)}>
			<Text wrap="truncate">
				<Text bold color="blue">redis-lab</Text>
				<Text color="gray"> · Redis replication and Sentinel, for real · {runtime} · {runtimeLabel}</Text>
			</Text>
			<Text color="gray" wrap="truncate">  #  {fit('lab', titleWidth)} min  progress{sectionColumn ? '  article section' : ''}</Text>
			{labs.slice(first, first + height).map((lab, offset) => {
				const index = first + offset;
				const done = progress(lab.id).doneSteps.length;
				const complete = done >= lab.steps.length;
				const mark = done === 0 ? '  ' : complete ? '✓ ' : '◐ ';
				return (
					<Text key={lab.id} inverse={index === selected} wrap="truncate">
						{index === selected ? '›' : ' '} {String(lab.order).padStart(2, '0')} {fit(lab.title[lang] ?? lab.title.en, titleWidth)} {String(lab.minutes).padStart(3)}  <Text color={complete ? 'green' : 'yellow'}>{mark}</Text>
						<Text color="gray">{`${done}/${lab.steps.length}`.padEnd(6)}{sectionColumn ? sectionOf(lab) : ''}</Text>
					</Text>
				);
			})}
			{chosen ? (
				<Text color="gray" wrap="truncate">
					{lab(chosen.order)} · {chosen.section ? 'article section: ' : ''}{sectionOf(chosen)} · {chosen.runtimes.join(' + ')}
				</Text>
			) : null}
		</Box>
	);
}

function lab(order: number): string {
	return `lab ${String(order).padStart(2, '0')}`;
}
