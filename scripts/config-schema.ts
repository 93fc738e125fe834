// Writes the JSON Schema of the hall config for editors: npm run config-schema
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { hallConfigJsonSchema } from '../server/config/json-schema';
import { PROJECT_ROOT } from '../server/paths';

const out = path.join(PROJECT_ROOT, 'docs', 'hall-config.schema.json');
writeFileSync(out, `${JSON.stringify(hallConfigJsonSchema(), null, 2)}\n`);
console.log(`wrote ${out}`);
