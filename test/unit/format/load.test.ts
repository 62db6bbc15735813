import { describe, expect, it } from 'vitest';
import { loadDocument, serializeDocument } from '../../../engine/format';
import { cardTesting, withGroup, withValue } from './fixtures';

function messages(input: unknown): string[] {
  const r = loadDocument(input);
  return r.diagnostics.map((d) => d.message);
}

describe('loadDocument', () => {
  it('accepts a valid document, as text or as a value', () => {
    const doc = cardTesting();
    const fromValue = loadDocument(doc);
    const fromText = loadDocument(serializeDocument(doc));
    expect(fromValue).toEqual({ ok: true, document: doc, diagnostics: [] });
    expect(fromText).toEqual(fromValue);
    expect(loadDocument(withGroup()).ok).toBe(true);
  });

  it('reports JSON syntax errors with line and column', () => {
    const r = loadDocument('{\n  "format": "cepheus.pattern",\n  "version": 1,\n  "name": }');
    expect(r.ok).toBe(false);
    const d = r.diagnostics[0];
    expect(d.code).toBe('format.json-syntax');
    expect(d.message).toContain('line 4, column 11');
    expect(d.range).toMatchObject({ line: 4, column: 11 });
    expect(messages('{"a": 1,}')[0]).toMatch(/line 1, column 9: trailing comma/);
    expect(messages("{'a': 1}")[0]).toMatch(
      /column 2: unexpected "'"; expected a property name in double quotes/,
    );
    expect(messages('{"a": "x\n"}')[0]).toMatch(/line 1, column 9: a control character/);
    expect(messages('{"a": [1, 2}')[0]).toMatch(/column 12: unexpected "}"; expected ',' or ']'/);
    expect(messages('')[0]).toMatch(/line 1, column 1: the text ends where a value was expected/);
  });

  it('turns schema problems into messages with a path, pointing at the node', () => {
    const doc = withGroup() as unknown as { nodes: { quantifier: { from: unknown } }[] };
    doc.nodes[2].quantifier.from = -1;
    const r = loadDocument(doc);
    expect(r.ok).toBe(false);
    expect(r.diagnostics.map((d) => d.message)).toContain(
      'nodes[2].quantifier.from must be a whole number ≥ 0.',
    );
    expect(r.diagnostics[0].target).toMatchObject({
      kind: 'node',
      nodeId: 'x',
      field: 'quantifier',
      path: ['nodes', 2, 'quantifier', 'from'],
    });
  });

  it('explains missing fields, wrong types, bad enum values and unknown keys', () => {
    let doc = withValue(cardTesting(), ['nodes', 0, 'where'], undefined);
    doc = withValue(doc, ['nodes', 1, 'quantifier', 'kind'], 'twice');
    doc = withValue(doc, ['edges', 0, 'contiguity'], 'after');
    doc = withValue(doc, ['settings', 'within', 'ms'], 'ten');
    doc = withValue(doc, ['layout', 'nodes', 'n1', 'colour'], 'red');
    expect(messages(doc)).toEqual(
      expect.arrayContaining([
        'nodes[0].where is missing.',
        'nodes[1].quantifier.kind must be one of "one", "times", "timesOrMore", "oneOrMore".',
        'edges[0].contiguity must be one of "next", "followedBy", "followedByAny", "notNext", "notFollowedBy".',
        'settings.within.ms must be a whole number of milliseconds ≥ 1.',
        'layout.nodes.n1 has an unknown property "colour".',
      ]),
    );
  });

  it('checks quantifier fields that depend on the kind', () => {
    const doc = cardTesting();
    doc.nodes[1] = {
      ...doc.nodes[1],
      quantifier: { kind: 'times', from: 4, to: 2, optional: false, greedy: false, inner: 'relaxed' },
    };
    expect(messages(doc)).toEqual(['nodes[1].quantifier.to must be greater than or equal to from (4).']);
    doc.nodes[1] = {
      ...doc.nodes[1],
      quantifier: { kind: 'times', optional: false, greedy: false, inner: 'relaxed' },
    };
    expect(messages(doc)).toEqual([
      'nodes[1].quantifier.from is required when kind is "times".',
      'nodes[1].quantifier.to is required when kind is "times".',
    ]);
  });

  it('reports a field that does not fit the quantifier kind', () => {
    const doc = cardTesting();
    doc.nodes[1] = {
      ...doc.nodes[1],
      quantifier: { kind: 'one', from: 2, optional: false, greedy: false, inner: 'relaxed' },
    };
    expect(messages(doc)).toEqual(['nodes[1].quantifier.from is not used when kind is "one".']);
    doc.nodes[1] = {
      ...doc.nodes[1],
      quantifier: { kind: 'timesOrMore', from: 0, optional: false, greedy: false, inner: 'relaxed' },
    };
    expect(messages(doc)).toEqual([
      'nodes[1].quantifier.from must be a whole number ≥ 1 when kind is "timesOrMore".',
    ]);
  });

  it('reports an unknown node kind inside a group with its full path', () => {
    const doc = withValue(withGroup(), ['nodes', 1, 'nodes', 1, 'kind'], 'stag');
    expect(messages(doc)).toEqual(['nodes[1].nodes[1].kind must be one of "stage", "group".']);
  });

  it('refuses other JSON', () => {
    expect(messages([1, 2])).toEqual(['A Cepheus pattern document must be a JSON object ({ … }).']);
    expect(messages('"hello"')).toEqual(['A Cepheus pattern document must be a JSON object ({ … }).']);
    expect(messages({ format: 'bpmn', version: 1 })[0]).toContain(
      'format is "bpmn", expected "cepheus.pattern"',
    );
    expect(messages({ format: 'cepheus.pattern' })).toEqual([
      'version is missing: it must be the format version number, such as 1.',
    ]);
    expect(messages({ format: 'cepheus.pattern', version: 1.5 })).toEqual([
      'version must be a whole number ≥ 0, not 1.5.',
    ]);
  });

  it('refuses a newer format version without touching the input', () => {
    const doc = { ...cardTesting(), version: 7, somethingNew: { x: 1 } };
    const before = JSON.stringify(doc);
    const r = loadDocument(doc);
    expect(r).toEqual({
      ok: false,
      diagnostics: [
        expect.objectContaining({
          code: 'format.newer-version',
          message: 'This file was written by a newer Cepheus (format version 7); this version reads up to 3.',
        }),
      ],
    });
    expect(JSON.stringify(doc)).toBe(before);
  });

  it('rejects duplicate ids anywhere in the document', () => {
    const doc = withGroup();
    const group = doc.nodes[1];
    if (group.kind !== 'group') throw new Error('fixture changed');
    group.nodes[1].id = 's';
    doc.edges[2].id = 'ge';
    const r = loadDocument(doc);
    expect(r.ok).toBe(false);
    // Node "b" no longer exists, so its layout entry is also flagged (as a warning).
    expect(r.diagnostics.map((d) => d.code)).toEqual([
      'format.duplicate-id',
      'format.duplicate-id',
      'format.layout-orphan',
    ]);
    expect(r.diagnostics[0].message).toContain('Node id "s" is used twice (nodes[0] and nodes[1].nodes[1])');
  });

  it('warns about layout entries for nodes that do not exist', () => {
    const doc = cardTesting();
    doc.layout.nodes.ghost = { x: 1, y: 2 };
    const r = loadDocument(doc);
    expect(r.ok).toBe(true);
    expect(r.diagnostics).toEqual([
      expect.objectContaining({ code: 'format.layout-orphan', severity: 'warning' }),
    ]);
  });

  it('accepts a $schema key for editors', () => {
    expect(loadDocument({ $schema: '../../schema/cepheus-pattern.schema.json', ...cardTesting() }).ok).toBe(
      true,
    );
  });
});
