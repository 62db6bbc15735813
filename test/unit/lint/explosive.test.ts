import { describe, expect, it } from 'vitest';
import { Pattern } from '../../../engine/format/builder';
import { lintDocument, lintPattern, type LintRule } from '../../../engine/lint';
import type { Diagnostic } from '../../../engine/pattern/diagnostic';
import { explosivePattern } from '../../support/explosive-pattern';

const codes = (list: Diagnostic[]): string[] => list.map((d) => `${d.code}@${d.target?.stage ?? ''}`);
const lint = (p: Pattern): Diagnostic[] => lintPattern({ spec: p.toSpec() });

const explosive = explosivePattern;

describe('explosive-pattern lint', () => {
  it('warns on followedByAny into and out of an unbounded loop without a window, with why and a fix', () => {
    const found = lint(explosive());
    expect(codes(found)).toEqual(['lint.any-with-loop@b', 'lint.any-with-loop@c']);
    for (const d of found) {
      expect(d.severity).toBe('warning');
      expect(d.message).toMatch(/followedByAny/);
      expect(d.message).toMatch(/no window/);
      expect(d.fix).toMatch(/window/);
      expect(d.fix).toMatch(/followedBy instead of followedByAny/);
      expect(d.fix).toMatch(/skip past last event/);
      expect(d.target).toMatchObject({ kind: 'edge', field: 'contiguity' });
    }
  });

  it('a window over the whole match silences it; a PREVIOUS_AND_CURRENT limit does not', () => {
    expect(lint(explosive().within(60_000))).toEqual([]);
    expect(codes(lint(explosive().within(60_000, 'PREVIOUS_AND_CURRENT')))).toContain('lint.any-with-loop@b');
  });

  it('allowCombinations on a repeated stage: 2ⁿ when unbounded, a power when bounded', () => {
    const unbounded = lint(
      Pattern.begin('a').followedBy('b').oneOrMore().allowCombinations().followedBy('c'),
    );
    expect(codes(unbounded)).toEqual(['lint.combinations-explode@b']);
    expect(unbounded[0].message).toMatch(/2ⁿ/);
    expect(unbounded[0].fix).toMatch(/consecutive/);
    const bounded = lint(Pattern.begin('a').followedBy('b').times(2, 4).allowCombinations().followedBy('c'));
    expect(codes(bounded)).toEqual(['lint.combinations-explode@b']);
    expect(bounded[0].message).toMatch(/power 4/);
  });

  it('followedByAny without loops: warns only when nothing ever drops a partial match (NO_SKIP)', () => {
    expect(codes(lint(Pattern.begin('a').followedByAny('b')))).toEqual(['lint.any-never-expires@b']);
    expect(lint(Pattern.begin('a', 'SKIP_PAST_LAST_EVENT').followedByAny('b'))).toEqual([]);
    expect(lint(Pattern.begin('a').followedByAny('b').within(1000))).toEqual([]);
  });

  it('an unbounded loop with no until and no window gets the milder warning; until or a window silences it', () => {
    expect(codes(lint(Pattern.begin('a').followedBy('b').oneOrMore().followedBy('c')))).toEqual([
      'lint.loop-never-expires@b',
    ]);
    expect(lint(Pattern.begin('a').followedBy('b').oneOrMore().until("name == 'x'").followedBy('c'))).toEqual(
      [],
    );
    expect(lint(Pattern.begin('a').followedBy('b').oneOrMore().followedBy('c').within(5000))).toEqual([]);
    expect(lint(Pattern.begin('a').next('b').times(3).next('c'))).toEqual([]);
  });

  it('loops of groups count: followedByAny into a looping group warns on the group', () => {
    const group = Pattern.begin('x').next('y');
    const found = lint(Pattern.begin('a').followedByAny(group, 'pair').oneOrMore());
    expect(codes(found)).toEqual(['lint.any-with-loop@pair']);
  });

  it('lintDocument points at the canvas: node and edge ids of the stage', () => {
    const doc = explosive().toDocument({ name: 'Explosive' });
    const found = lintDocument(doc);
    const b = doc.nodes.find((n) => n.name === 'b');
    const edge = doc.edges.find((e) => e.to === b?.id);
    expect(found[0].target).toMatchObject({ stage: 'b', nodeId: b?.id, edgeId: edge?.id });
  });

  it('a rule that throws is skipped; the others still report', () => {
    const broken: LintRule = {
      id: 'broken',
      check: () => {
        throw new Error('bug');
      },
    };
    const fine: LintRule = {
      id: 'fine',
      check: () => [{ code: 'lint.fine', message: 'ok', severity: 'warning' }],
    };
    expect(codes(lintPattern({ spec: explosive().toSpec() }, [broken, fine]))).toEqual(['lint.fine@']);
  });
});
