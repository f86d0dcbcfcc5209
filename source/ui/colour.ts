/**
 * Whether the app may colour its output: not when NO_COLOR is set to anything but "" (no-color.org).
 * Ink's own chalk reads only FORCE_COLOR and --no-color, so the UI drops colour props itself.
 */
export function colourOn(env: NodeJS.ProcessEnv = process.env): boolean {
	return !env.NO_COLOR;
}

/** `color` when colour is on, else undefined (for Box borders and Text props). */
export function paint<T extends string | undefined>(color: T): T | undefined {
	return colourOn() ? color : undefined;
}
