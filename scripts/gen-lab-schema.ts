// Writes labs/schema.json from the lab schema (source/engine/lab/format/lab-schema.ts and the action/check registry).
// Usage: npx tsx scripts/gen-lab-schema.ts
import {writeFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {labJsonSchemaText} from '../source/engine/lab/format/json-schema.js';

const file = fileURLToPath(new URL('../labs/schema.json', import.meta.url));
writeFileSync(file, labJsonSchemaText());
console.log(`wrote ${file}`);
