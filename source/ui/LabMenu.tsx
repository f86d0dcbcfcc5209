import {Box, Text} from 'ink';
import React from 'react';
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
}

/** The labs in article order, with section, minutes and progress marks. */
export function LabMenu({labs, selected, progress, runtime, runtimeLabel, lang, height}: LabMenuProps) {
	const first = Math.max(0, Math.min(selected - Math.floor(height / 2), labs.length - height));
	return (
		<Box flexDirection="column" borderStyle="round" borderColor="blue" paddingX={1}>
			<Text>
				<Text bold color="blue">redis-lab</Text>
				<Text color="gray"> · Redis replication and Sentinel, for real · {runtime} · {runtimeLabel}</Text>
			</Text>
			<Text color="gray">  #  lab                                                        min  progress</Text>
			{labs.slice(first, first + height).map((lab, offset) => {
				const index = first + offset;
				const done = progress(lab.id).doneSteps.length;
				const mark = done === 0 ? '   ' : done >= lab.steps.length ? ' ✓ ' : ' ◐ ';
				const title = (lab.title[lang] ?? lab.title.en).slice(0, 56).padEnd(56);
				return (
					<Text key={lab.id} inverse={index === selected} wrap="truncate">
						{index === selected ? '›' : ' '} {String(lab.order).padStart(2, '0')} {title} {String(lab.minutes).padStart(3)} <Text color={done >= lab.steps.length ? 'green' : 'yellow'}>{mark}</Text>
						<Text color="gray">{done}/{lab.steps.length}{lab.section ? `  ${lab.section[lang] ?? lab.section.en}` : '  beyond the article'}</Text>
					</Text>
				);
			})}
		</Box>
	);
}
