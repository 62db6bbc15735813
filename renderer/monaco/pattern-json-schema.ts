/**
 * Registers the committed document schema (schema/cepheus-pattern.schema.json) with Monaco's JSON
 * language, so the JSON view validates and completes `*.cep.json` models offline (no schema fetch).
 */
import { jsonDefaults } from 'monaco-editor/languages/features/json/register';
import patternSchema from '../../schema/cepheus-pattern.schema.json';

let registered = false;

export function registerPatternJsonSchema(): void {
  if (registered) return;
  registered = true;
  jsonDefaults.setDiagnosticsOptions({
    validate: true,
    allowComments: false,
    enableSchemaRequest: false,
    schemaValidation: 'error',
    schemas: [{ uri: patternSchema.$id, fileMatch: ['*.cep.json'], schema: patternSchema }],
  });
}
