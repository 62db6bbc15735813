import { describe, expect, it } from 'vitest';
import { parseVectors, runVector, type ConformanceVector } from '../../../engine/conformance/index';

const base = {
  id: 'Demo#strict',
  harness: 'nfa',
  pattern: {
    stages: [
      {
        name: 'a',
        contiguity: 'begin',
        where: "name == 'a'",
        quantifier: { kind: 'one', optional: false, greedy: false, inner: 'relaxed' },
      },
      {
        name: 'b',
        contiguity: 'next',
        where: "name == 'b'",
        quantifier: { kind: 'one', optional: false, greedy: false, inner: 'relaxed' },
      },
    ],
  },
  skip: 'NO_SKIP',
  events: [
    { id: 'e1', ts: 1, name: 'a', price: 1, eid: 1 },
    { id: 'e2', ts: 2, name: 'b', price: 1, eid: 1 },
  ],
  compare: 'ordered',
  expected: [
    [
      { stage: 'a', ids: ['e1'] },
      { stage: 'b', ids: ['e2'] },
    ],
  ],
};

function vector(patch: Record<string, unknown>): ConformanceVector {
  const parsed = parseVectors([{ ...base, ...patch }]);
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.vectors[0];
}

describe('conformance runner', () => {
  it('passes a correct vector and fails a wrong one with a diff', () => {
    expect(runVector(vector({})).passed).toBe(true);
    const wrong = runVector(vector({ expected: [[{ stage: 'a', ids: ['e2'] }]] }));
    expect(wrong.passed).toBe(false);
    expect(wrong.problems.join('\n')).toContain('missing');
  });

  it('checks expected compile errors by type and gist', () => {
    const dup = {
      ...base.pattern,
      stages: [base.pattern.stages[0], { ...base.pattern.stages[1], name: 'a' }],
    };
    const ok = runVector(
      vector({
        pattern: dup,
        compare: 'error',
        expected: [],
        error: {
          type: 'MalformedPatternException',
          message: 'Duplicate pattern name: a. Names must be unique.',
        },
      }),
    );
    expect(ok.problems).toEqual([]);
    const wrongType = runVector(
      vector({
        pattern: dup,
        compare: 'error',
        expected: [],
        error: { type: 'IllegalArgumentException', message: 'Duplicate pattern name: a.' },
      }),
    );
    expect(wrongType.passed).toBe(false);
  });

  it('reports malformed files with the vector and field', () => {
    const r = parseVectors([{ id: 'x', pattern: { stages: [] }, events: [], compare: 'sometimes' }]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.join('\n')).toMatch(/vector 0 \(x\): compare/);
    expect(parseVectors({}).ok).toBe(false);
  });
});
