/**
 * The JSON Schema of the document, generated from the zod schemas (never written by hand).
 * scripts/generate-schema.ts writes it to schema/cepheus-pattern.schema.json; a test keeps the
 * committed file in step. Cross-field rules (times needs from/to, unique ids) are only in zod.
 */
import { z } from 'zod';
import { CURRENT_VERSION, PatternDocumentSchema } from './schema';

export const SCHEMA_ID = 'https://cepheus.dev/schema/cepheus-pattern.schema.json';

export function buildJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(PatternDocumentSchema, {
    target: 'draft-2020-12',
    unrepresentable: 'any',
  }) as Record<string, unknown>;
  const { $schema, ...rest } = generated;
  return {
    $schema,
    $id: SCHEMA_ID,
    title: 'Cepheus pattern document',
    description: `A complex-event-processing pattern designed in Cepheus (format "cepheus.pattern", version ${CURRENT_VERSION}). Layout is kept apart from the semantics.`,
    ...rest,
  };
}

export function jsonSchemaText(): string {
  return `${JSON.stringify(buildJsonSchema(), null, 2)}\n`;
}
