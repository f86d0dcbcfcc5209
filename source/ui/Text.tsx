import {Text as InkText} from 'ink';
import React from 'react';
import {colourOn} from './colour.js';

type TextProps = React.ComponentProps<typeof InkText>;

/** Ink's Text, without colours when NO_COLOR is set (bold and inverse stay: they carry meaning). */
export function Text(props: TextProps) {
	if (colourOn()) return <InkText {...props} />;
	const {color: _color, backgroundColor: _background, dimColor: _dim, ...rest} = props;
	return <InkText {...rest} />;
}
