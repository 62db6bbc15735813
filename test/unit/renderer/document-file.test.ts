/** `.cep.json` files: a real document round-trips; bad files are explained, not thrown. */
import { describe, expect, it } from 'vitest';
import { serializeDocument } from '../../../engine/format/serialize';
import { specToDocument } from '../../../engine/format/from-spec';
import {
  documentFileName,
  nameFromFileName,
  parseDocumentFile,
} from '../../../renderer/designer/library/document-file';
import { nameEditedSinceSave } from '../../../renderer/designer/library/use-autosave';

const doc = specToDocument(
  {
    stages: [
      {
        name: 'start',
        contiguity: 'begin',
        quantifier: { kind: 'one', optional: false, greedy: false, inner: 'relaxed' },
      },
    ],
    skip: { kind: 'NO_SKIP' },
  },
  { name: 'Large order then refund' },
);

describe('parseDocumentFile', () => {
  it('reads a serialized document back with its name', () => {
    const result = parseDocumentFile(serializeDocument(doc), 'whatever.cep.json');
    if (!result.ok) throw new Error(result.problems.join('\n'));
    expect(result.name).toBe('Large order then refund');
    expect(serializeDocument(result.document)).toBe(serializeDocument(doc));
  });

  it('falls back to the file name when the document has no name', () => {
    const result = parseDocumentFile(serializeDocument({ ...doc, name: ' ' }), 'fraud-rule.cep.json');
    expect(result.ok && result.name).toBe('fraud-rule');
  });

  it('points at the line and column of broken JSON', () => {
    const result = parseDocumentFile('{\n  "format": "cepheus.pattern",\n  "nodes": [ }', 'bad.cep.json');
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.problems).toEqual([expect.stringMatching(/^Not valid JSON at line 3, column \d+/)]);
  });

  it('lists the loader problems of JSON that is not a pattern document, with where', () => {
    const result = parseDocumentFile(JSON.stringify({ ...doc, nodes: 'none' }), 'x.json');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.some((p) => p.startsWith('nodes'))).toBe(true);
  });
});

describe('file names', () => {
  it('derives a safe .cep.json name from the pattern name', () => {
    expect(documentFileName('Café: large order → refund!')).toBe('cafe-large-order-refund.cep.json');
    expect(documentFileName('***')).toBe('pattern.cep.json');
  });

  it('strips the known extensions', () => {
    expect(nameFromFileName('rule.CEP.JSON')).toBe('rule');
    expect(nameFromFileName('rule.json')).toBe('rule');
  });
});

describe('nameEditedSinceSave', () => {
  const saved = serializeDocument(doc);
  it('reports a changed name and ignores an unchanged or empty one', () => {
    expect(nameEditedSinceSave('Refund after big order ', saved)).toBe('Refund after big order');
    expect(nameEditedSinceSave('Large order then refund', saved)).toBeNull();
    expect(nameEditedSinceSave('  ', saved)).toBeNull();
    expect(nameEditedSinceSave('x', null)).toBeNull();
  });
});
