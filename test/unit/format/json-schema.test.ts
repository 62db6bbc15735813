import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { loadDocument, serializeDocument } from '../../../engine/format';
import { jsonSchemaText, SCHEMA_ID } from '../../../engine/format/json-schema';
import { cardTesting, withGroup, withValue } from './fixtures';

const SCHEMA_FILE = 'schema/cepheus-pattern.schema.json';

function sampleFiles(): string[] {
  return readdirSync('samples', { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.cep.json'))
    .map((f) => join('samples', f))
    .sort();
}

function validator() {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  return ajv.compile(JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as object);
}

describe('JSON Schema', () => {
  it('the committed schema is what the generator writes now (run `npm run schema` to refresh)', () => {
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(jsonSchemaText());
    const schema = JSON.parse(jsonSchemaText()) as Record<string, unknown>;
    expect(schema.$id).toBe(SCHEMA_ID);
    expect(schema.title).toBe('Cepheus pattern document');
  });

  it('accepts the fixtures and rejects what zod rejects for shape', () => {
    const validate = validator();
    for (const doc of [cardTesting(), withGroup()])
      expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
    const bad = withValue(
      JSON.parse(serializeDocument(withGroup())),
      ['nodes', 1, 'nodes', 0, 'quantifier', 'inner'],
      'sometimes',
    );
    expect(validate(bad)).toBe(false);
    expect(loadDocument(bad).ok).toBe(false);
  });

  it('validates every sample document, which also loads and is in canonical form', () => {
    const files = sampleFiles();
    expect(files.length).toBeGreaterThan(0);
    const validate = validator();
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      expect(validate(JSON.parse(text)), `${file}: ${JSON.stringify(validate.errors)}`).toBe(true);
      const r = loadDocument(text);
      if (!r.ok) throw new Error(`${file}: ${r.diagnostics.map((d) => d.message).join('; ')}`);
      expect(r.diagnostics, file).toEqual([]);
      expect(
        serializeDocument(r.document),
        `${file} is not in canonical form; re-save it with serializeDocument`,
      ).toBe(text);
    }
  });
});
