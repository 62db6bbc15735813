/**
 * Holds the brute-force reference (test/reference) to Flink's own expectations: every conformance
 * vector inside the reference's subset must come out exactly as the vector says (as a multiset for
 * `unordered`, in order for `ordered`).
 */
import { describe, expect, it } from 'vitest';
import { outsideSubset, runReference } from '../../reference';
import { eventsOf, loadVectors, matchKey, specOf, type Vector } from './vectors';

function whyOutside(v: Vector): string | null {
  if ((v.harness ?? 'nfa') !== 'nfa') return 'operator harness';
  if (v.compare === 'error') return 'build/runtime error vector';
  if (v.nonMonotonicTimestamps) return 'non-monotonic timestamps';
  return outsideSubset(specOf(v));
}

const vectors = loadVectors();
const inSubset = vectors.filter((v) => whyOutside(v) === null);

describe('reference matcher vs Flink conformance vectors', () => {
  it('covers a meaningful share of the vectors', () => {
    // Guards against the subset silently shrinking; the exact count is in the report.
    expect(inSubset.length).toBeGreaterThanOrEqual(98);
  });

  it.each(inSubset.map((v) => [v.id, v] as const))('%s', (_id, v) => {
    const result = runReference(specOf(v), eventsOf(v));
    if (!result.ok) throw new Error(result.reason);
    const ids = v.events.map((e) => e.id);
    const actual = result.matches.map((m) =>
      matchKey(m.stages.map((s) => ({ stage: s.stage, ids: s.events.map((i) => ids[i]) }))),
    );
    const expected = (v.expected ?? []).map(matchKey);
    if (v.compare === 'ordered' && !result.tieDependent) expect(actual).toEqual(expected);
    else expect([...actual].sort()).toEqual([...expected].sort());
  });
});
