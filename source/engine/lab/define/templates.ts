/** `{{node.host}}` / `{{node.port}}` in lab text. */
const ADDRESS_TEMPLATE = /\{\{\s*([\w-]+)\.(host|port)\s*\}\}/g;

/** Replaces every address template with what `value` gives for its node and part. */
export function fillTemplates(text: string, value: (node: string, part: 'host' | 'port') => string): string {
	return text.replace(ADDRESS_TEMPLATE, (_match, node: string, part: 'host' | 'port') => value(node, part));
}

/** The nodes a text's address templates name. */
export function templateNodes(text: string): string[] {
	return [...text.matchAll(ADDRESS_TEMPLATE)].map((match) => match[1]!);
}
