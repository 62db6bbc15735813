import { describe, expect, it } from 'vitest';
import { Pattern } from '../../../engine/format/builder';
import { lintPattern } from '../../../engine/lint';
import { applyFix, validatePattern } from '../../../engine/problems';
import type { Diagnostic } from '../../../engine/pattern/diagnostic';

const codes = (list: Diagnostic[]): string[] => list.map((d) => `${d.code}@${d.target?.stage ?? ''}`);

describe('surprise lints', () => {
  it('a window shorter than the out-of-orderness bound, in event time only', () => {
    const spec = Pattern.begin('a').followedBy('b').within(2_000).toSpec();
    const found = lintPattern({ spec, time: { mode: 'event', outOfOrdernessMs: 5_000 } });
    expect(codes(found)).toEqual(['lint.window-shorter-than-lateness@']);
    expect(found[0].message).toMatch(/2 s.*5 s/);
    expect(found[0].fix).toMatch(/out-of-orderness/);
    expect(lintPattern({ spec, time: { mode: 'event', outOfOrdernessMs: 2_000 } })).toEqual([]);
    expect(lintPattern({ spec, time: { mode: 'processing' } })).toEqual([]);
  });

  it('a stage shadowed by an unbounded greedy loop that accepts what it accepts', () => {
    const shadowed = Pattern.begin('start')
      .where("type == 'login'")
      .followedBy('burst')
      .where("type == 'fail'")
      .oneOrMore()
      .greedy()
      .followedBy('last')
      .where("type  ==  'fail'")
      .within(60_000);
    const found = lintPattern({ spec: shadowed.toSpec() });
    expect(codes(found)).toEqual(['lint.shadowed-by-greedy-loop@last']);
    expect(found[0].message).toMatch(/greedy loop "burst"/);
    expect(found[0].fix).toMatch(/not greedy/);
    // Not greedy, an until condition, a bounded loop or another condition: no warning.
    const other = Pattern.begin('start')
      .followedBy('burst')
      .where("type == 'fail'")
      .oneOrMore()
      .greedy()
      .followedBy('last')
      .where("type == 'ok'")
      .within(60_000);
    expect(lintPattern({ spec: other.toSpec() })).toEqual([]);
    const reluctant = Pattern.begin('start')
      .followedBy('burst')
      .where("type == 'fail'")
      .oneOrMore()
      .followedBy('last')
      .where("type == 'fail'")
      .within(60_000);
    expect(lintPattern({ spec: reluctant.toSpec() })).toEqual([]);
  });

  it('the shadowing warning offers a one-click fix in the designer: the loop is no longer greedy', () => {
    const doc = Pattern.begin('start')
      .followedBy('burst')
      .where("type == 'fail'")
      .oneOrMore()
      .greedy()
      .followedBy('last')
      .where("type == 'fail'")
      .within(60_000)
      .toDocument();
    const d = validatePattern(doc).find((x) => x.code === 'lint.shadowed-by-greedy-loop');
    expect(d?.quickFix?.title).toBe('Make "burst" not greedy');
    const fixed = applyFix(doc, d?.quickFix ?? { title: '', edits: [] }, d?.target);
    expect(validatePattern(fixed).map((x) => x.code)).not.toContain('lint.shadowed-by-greedy-loop');
  });

  it('a trailing notFollowedBy whose gap is longer than the pattern window', () => {
    const spec = Pattern.begin('order')
      .notFollowedBy('payment')
      .within(30 * 60_000, 'PREVIOUS_AND_CURRENT')
      .within(10 * 60_000)
      .toSpec();
    const found = lintPattern({ spec });
    expect(codes(found)).toEqual(['lint.absence-window-too-short@payment']);
    expect(found[0].message).toMatch(/30 min.*10 min/);
    const fine = Pattern.begin('order')
      .notFollowedBy('payment')
      .within(30 * 60_000)
      .toSpec();
    expect(lintPattern({ spec: fine })).toEqual([]);
  });
});
