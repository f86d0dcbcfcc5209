import {Box, Text} from 'ink';
import React from 'react';
import stringWidth from 'string-width';

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

/** A region of the lab screen: one rule line with its title, then its lines (no side borders, to save rows). */
export function Section({title, color = 'gray', width, children}: SectionProps) {
	const used = 3 + stringWidth(title.map((part) => part.text).join('')) + 1;
	return (
		<Box flexDirection="column" width={width}>
			<Text wrap="truncate">
				<Text color={color}>── </Text>
				{title.map((part, index) => (
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
