/**
 * A pattern as big as the format allows is loaded, validated and compiled (compile time grows about
 * linearly with the stages: a Set of stage names per condition made it quadratic); one stage more is
 * refused with one plain message before any of that work, by loadDocument, validatePattern and the
 * compiler's callers alike. Speed itself is measured by benchmarks, not here.
 */
import { describe, expect, it } from 'vitest';
import {
  compilePattern,
  documentToSpec,
  loadDocument,
  MAX_PATTERN_EDGES,
  MAX_PATTERN_NODES,
  validatePattern,
  type PatternDocument,
} from '../../../engine';
import { cardTesting, stage } from './fixtures';

function chain(stages: number): PatternDocument {
  const doc = cardTesting();
  doc.layout = { nodes: {} };
  doc.tests = [];
  doc.nodes = Array.from({ length: stages }, (_, i) =>
    stage(`n${i}`, `s${i}`, i % 2 === 0 ? 'amount > 1' : `count(s${i - 1}) > 0`),
  );
  doc.edges = Array.from({ length: stages - 1 }, (_, i) => ({
    id: `e${i}`,
    from: `n${i}`,
    to: `n${i + 1}`,
    contiguity: 'followedBy' as const,
  }));
  return doc;
}

describe('pattern size limit', () => {
  it(`loads, validates and compiles a chain of ${MAX_PATTERN_NODES} stages`, () => {
    const doc = chain(MAX_PATTERN_NODES);
    const loaded = loadDocument(JSON.stringify(doc));
    if (!loaded.ok) throw new Error(loaded.diagnostics[0]?.message);
    expect(validatePattern(doc).filter((d) => d.severity === 'error')).toEqual([]);
    const lowered = documentToSpec(loaded.document);
    if (!lowered.ok) throw new Error(lowered.diagnostics[0]?.message);
    const compiled = compilePattern(lowered.spec);
    expect(compiled.ok).toBe(true);
    if (compiled.ok) expect(compiled.nfa.stageNames).toHaveLength(MAX_PATTERN_NODES);
  }, 120_000);

  it('refuses one stage more, and too many edges, with one plain message', () => {
    const big = chain(MAX_PATTERN_NODES + 1);
    const loaded = loadDocument(big);
    expect(loaded.ok).toBe(false);
    expect(loaded.diagnostics.map((d) => [d.code, d.severity])).toEqual([['format.too-large', 'error']]);
    expect(loaded.diagnostics[0].message).toMatch(
      /more than 2,000 stages and groups.*split it into several patterns/,
    );
    expect(validatePattern(big).map((d) => d.code)).toEqual(['format.too-large']);

    const edges = chain(10);
    edges.edges = Array.from({ length: MAX_PATTERN_EDGES + 1 }, (_, i) => ({
      id: `x${i}`,
      from: 'n0',
      to: 'n1',
      contiguity: 'next' as const,
    }));
    const tooManyEdges = loadDocument(edges).diagnostics;
    expect(tooManyEdges).toHaveLength(1);
    expect(tooManyEdges[0].message).toMatch(/more than 4,000 edges/);
  });

  it('counts the stages inside groups, however deep', () => {
    const doc = chain(2);
    let inner: { nodes: unknown[] } = doc;
    for (let depth = 0; depth < 3; depth++) {
      const group = {
        id: `g${depth}`,
        kind: 'group',
        name: `g${depth}`,
        quantifier: { kind: 'one', optional: false, greedy: false, inner: 'relaxed' },
        nodes: Array.from({ length: 700 }, (_, i) => stage(`g${depth}-${i}`, `g${depth}s${i}`, 'true')),
        edges: [],
        note: '',
      };
      inner.nodes.push(group);
      inner = group;
    }
    expect(loadDocument(doc).diagnostics.map((d) => d.code)).toEqual(['format.too-large']);
  });
});
