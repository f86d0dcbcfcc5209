/**
 * A node argument of ShellText: a node name, or in exported scripts a shell expression such as
 * `$(current_master)` that names the node when the script runs.
 */
export function isShellExpression(node: string): boolean {
	return node.includes('$');
}

/** The node's port as shell text: the number, or `$(node_port "<expression>")` (a helper of exported scripts). */
export function shellPort(node: string, port: (name: string) => number): string {
	return isShellExpression(node) ? `$(node_port "${node}")` : String(port(node));
}

/** Folder of a node's files, relative to where the learner stands. */
export function shownFolder(node: string): string {
	return `./redis-lab/${node}`;
}
