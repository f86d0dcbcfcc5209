import {Box} from 'ink';
import React from 'react';
import {cut, width as displayWidth} from './presentation/text.js';
import {Text} from './Text.js';

/** A piece of a section title. */
export interface TitlePart {
	text: string;
	color?: string;
	bold?: boolean;
}

export interface SectionProps {
	/** Shown in the rule that opens the section. */
	title: TitlePart[];
	color?: string;
	width: number;
	children?: React.ReactNode;
}

/**
 * A region of the lab screen: one rule line with its title, then its lines (no side borders, to
 * save rows). The title is measured in display columns, so CJK titles keep the rule to the width.
 */
export function Section({title, color = 'gray', width, children}: SectionProps) {
	let room = Math.max(0, width - 5);
	const parts = title.map((part) => {
		const text = cut(part.text, room);
		room -= displayWidth(text);
		return {...part, text};
	}).filter((part) => part.text);
	const used = 3 + displayWidth(parts.map((part) => part.text).join('')) + 1;
	return (
		<Box flexDirection="column" width={width}>
			<Text wrap="truncate">
				<Text color={color}>── </Text>
				{parts.map((part, index) => (
					<Text key={index} color={part.color} bold={part.bold}>{part.text}</Text>
				))}
				<Text color={color}> {'─'.repeat(Math.max(0, width - used))}</Text>
			</Text>
			{children}
		</Box>
	);
}

/** Empty lines that keep a region at its height while it has less to show. */
export function BlankLines({count}: {count: number}) {
	return <>{Array.from({length: Math.max(0, count)}, (_, i) => <Text key={i}> </Text>)}</>;
}

/** A line of a region: text and how it looks. */
export interface Line {
	key: string;
	text: string;
	color?: string;
	bold?: boolean;
	inverse?: boolean;
}

/** Lines already wrapped to the width, one Text each (truncate only guards the edge). */
export function Lines({lines}: {lines: readonly Line[]}) {
	return (
		<>
			{lines.map((line) => (
				<Text key={line.key} wrap="truncate" color={line.color} bold={line.bold} inverse={line.inverse}>{line.text || ' '}</Text>
			))}
		</>
	);
}
