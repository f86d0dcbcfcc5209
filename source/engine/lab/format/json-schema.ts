import {z} from 'zod';
import {LabFile} from './lab-schema.js';

/**
 * The JSON Schema of a lab file, for editors (`# yaml-language-server: $schema=./schema.json`).
 * Draft 7, which most YAML editors read. Rules between fields (declared nodes, ids) are lint's job.
 */
export function labJsonSchema(): Record<string, unknown> {
	return z.toJSONSchema(LabFile, {io: 'input', target: 'draft-7', unrepresentable: 'any'});
}

/** The text of `labs/schema.json`. */
export function labJsonSchemaText(): string {
	return JSON.stringify(labJsonSchema(), null, '\t') + '\n';
}
