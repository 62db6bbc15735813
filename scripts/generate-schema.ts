/**
 * Writes schema/cepheus-pattern.schema.json from the zod schemas in engine/format.
 * Run with `npm run schema`; test/unit/format/json-schema.test.ts fails when the committed file is stale.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { jsonSchemaText } from '../engine/format/json-schema';

const target = fileURLToPath(new URL('../schema/cepheus-pattern.schema.json', import.meta.url));
writeFileSync(target, jsonSchemaText());
console.log(`wrote ${target}`);
