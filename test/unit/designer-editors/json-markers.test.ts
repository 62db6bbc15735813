import { describe, expect, it } from 'vitest';
import { Pattern } from '../../../engine/format/builder';
import { specToDocument } from '../../../engine/format/from-spec';
import { documentText, interpretJson } from '../../../renderer/designer/json/json-sync';
import { diagnosticPath, jsonMarkers } from '../../../renderer/designer/json/json-markers';
import { validatePattern } from '../../../engine/problems';

const doc = specToDocument(Pattern.begin('a').where('x > 1').followedBy('b').toSpec(), { name: 'P' });

/** The marked text of each marker (single-line markers). */
function marked(text: string, edited: string): { code: string; text: string; line: number }[] {
  const edit = interpretJson(edited, doc);
  if (edit.kind !== 'invalid') throw new Error(`expected errors, got ${edit.kind}`);
  const lines = edited.split('\n');
  return jsonMarkers(edited, edit.diagnostics).map((m) => ({
    code: m.code,
    line: m.startLineNumber,
    text:
      m.startLineNumber === m.endLineNumber
        ? lines[m.startLineNumber - 1].slice(m.startColumn - 1, m.endColumn - 1)
        : '<multi-line>',
  }));
}

describe('JSON view markers', () => {
  const text = documentText(doc);

  it('mark a syntax error where the scanner found it', () => {
    const broken = text.replace('"name": "a"', '"name": "a",,');
    const [m] = marked(broken, broken);
    expect(m.code).toBe('format.json-syntax');
    expect(m.text).toBe(',');
    expect(m.line).toBe(broken.split('\n').findIndex((l) => l.includes('"a",,')) + 1);
  });

  it('mark the bad value of a document that parses but does not load', () => {
    const bad = text.replace(/"version": (\d+)/, '"version": -$1');
    const [m] = marked(bad, bad);
    expect(m.code).toBe('format.bad-version');
    expect(m.text).toMatch(/^-\d+$/);
  });

  it('mark the key of an object that lacks a required property', () => {
    const parsed = JSON.parse(text) as { nodes: { name?: string }[] };
    delete parsed.nodes[0].name;
    const edited = JSON.stringify(parsed, null, 2);
    const markers = marked(edited, edited);
    expect(markers.length).toBeGreaterThan(0);
    // The node object inside the "nodes" array has no key: its opening brace is marked.
    expect(markers[0].text).toBe('{');
    expect(edited.split('\n')[markers[0].line - 1].trim()).toBe('{');
  });

  it('place a loaded pattern’s own problems at their stage’s field', () => {
    const broken = { ...doc, nodes: doc.nodes.map((n, i) => (i === 0 ? { ...n, where: 'x >' } : n)) };
    const problem = validatePattern(broken).find((d) => d.code.startsWith('expr.'));
    if (!problem) throw new Error('expected a condition problem');
    expect(diagnosticPath(broken, problem)).toEqual(['nodes', 0, 'where']);
    const withinProblem = {
      code: 'x',
      severity: 'error' as const,
      message: 'm',
      target: { kind: 'pattern' as const, field: 'within' as const },
    };
    expect(diagnosticPath(broken, withinProblem)).toEqual(['settings', 'within']);
    expect(diagnosticPath(broken, { ...withinProblem, target: { kind: 'pattern' } })).toBeNull();
  });
});
