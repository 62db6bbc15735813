import { describe, expect, it } from 'vitest';
import { compileCondition } from '../../../engine/expr/index';
import { Pattern } from '../../../engine/format/builder';
import { specToDocument } from '../../../engine/format/from-spec';
import type { Diagnostic } from '../../../engine/pattern/diagnostic';
import { diagnosticsToMarkers } from '../../../renderer/designer/conditions/condition-markers';
import { interpretJson, documentText } from '../../../renderer/designer/json/json-sync';
import { locationText } from '../../../renderer/designer/problems/reveal';

describe('condition markers', () => {
  it('turn ranged diagnostics into 1-based markers and widen an empty range at the end', () => {
    const result = compileCondition('amount >', { stages: ['a'] });
    expect(result.ok).toBe(false);
    const markers = diagnosticsToMarkers(result.diagnostics);
    expect(markers).toHaveLength(1);
    expect(markers[0]).toMatchObject({ severity: 'error', code: 'expr.syntax', startLineNumber: 1 });
    expect(markers[0].endColumn).toBeGreaterThan(markers[0].startColumn);
  });

  it('skip diagnostics without a range (shown inline by the inspector instead)', () => {
    const d: Diagnostic = { code: 'pattern.until-not-looping', message: 'x', severity: 'error' };
    expect(diagnosticsToMarkers([d])).toEqual([]);
  });
});

describe('JSON view sync', () => {
  const doc = specToDocument(Pattern.begin('a').where('x > 1').followedBy('b').toSpec(), { name: 'P' });

  it('sees its own text as no change, and an edit as a replacement', () => {
    expect(interpretJson(documentText(doc), doc)).toEqual({ kind: 'unchanged' });
    const edited = interpretJson(documentText(doc).replace('"x > 1"', '"x > 2"'), doc);
    expect(edited.kind).toBe('replace');
    if (edited.kind === 'replace') expect(edited.document.nodes[0]).toMatchObject({ where: 'x > 2' });
  });

  it('reports invalid JSON and invalid documents with where the problem is', () => {
    const broken = interpretJson('{ "format": ', doc);
    expect(broken).toMatchObject({ kind: 'invalid', diagnostics: [{ code: 'format.json-syntax' }] });
    const wrong = interpretJson(documentText(doc).replace('"kind": "one"', '"kind": "twice"'), doc);
    expect(wrong.kind).toBe('invalid');
    // In the designer's words, as Problems shows the same check of the working copy; the path stays for the squiggle.
    if (wrong.kind === 'invalid') {
      expect(wrong.diagnostics[0].message).toMatch(/^The kind of quantifier of stage "a" must be one of/);
      expect(wrong.diagnostics[0].target?.path).toEqual(['nodes', 0, 'quantifier', 'kind']);
    }
  });
});

describe('problem locations', () => {
  it('name the stage, field and position', () => {
    const d: Diagnostic = {
      code: 'expr.syntax',
      message: 'm',
      severity: 'error',
      target: { kind: 'node', nodeId: 'n2', field: 'where' },
      range: { start: 8, end: 8, line: 1, column: 9, endLine: 1, endColumn: 9 },
    };
    expect(locationText(d, (id) => (id === 'n2' ? 'middle' : undefined))).toBe('"middle" · where 1:9');
    expect(
      locationText(
        { ...d, range: undefined, target: { kind: 'node', nodeId: 'n2', field: 'or', index: 1 } },
        () => 'm',
      ),
    ).toBe('"m" · or 2');
    // A setting checked against the event schema is named, not just "settings".
    expect(
      locationText(
        {
          code: 'settings.partition-key-unknown',
          message: 'm',
          severity: 'error',
          target: { kind: 'pattern', field: 'settings', path: ['settings', 'partitionKey'] },
        },
        () => undefined,
      ),
    ).toBe('pattern · partition key');
    expect(
      locationText(
        {
          code: 'c',
          message: 'm',
          severity: 'error',
          target: { kind: 'edge', edgeId: 'e1', stage: 'b', field: 'contiguity' },
        },
        () => undefined,
      ),
    ).toBe('connection into "b" · contiguity');
    expect(locationText({ code: 'c', message: 'm', severity: 'error' }, () => undefined)).toBe('pattern');
  });
});
