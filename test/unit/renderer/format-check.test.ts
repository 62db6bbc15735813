import { describe, expect, it } from 'vitest';
import { Pattern } from '../../../engine/format/builder';
import type { PatternDocument } from '../../../engine/format/schema';
import { mapNode } from '../../../renderer/canvas/doc-tree';
import {
  formatCheckSkippingConditionText,
  onlyConditionTextDiffers,
} from '../../../renderer/designer/library/format-check';

const doc = Pattern.begin('a').where('x > 1').or('y > 2').next('b').toDocument({ name: 'Check' });
const idOf = (name: string) => doc.nodes.find((n) => n.name === name)?.id ?? '';
const stage = (d: PatternDocument, name: string, patch: Record<string, unknown>) =>
  mapNode(d, idOf(name), (n) => (n.kind === 'stage' ? { ...n, ...patch } : n));

describe('the per-change format check', () => {
  it('tells condition text apart from every other change', () => {
    expect(onlyConditionTextDiffers(doc, stage(doc, 'a', { where: 'x > 10' }))).toBe(true);
    expect(onlyConditionTextDiffers(doc, stage(doc, 'a', { or: ['y > 20'] }))).toBe(true);
    const withUntil = stage(doc, 'b', { until: 'z' });
    expect(onlyConditionTextDiffers(withUntil, stage(withUntil, 'b', { until: 'zz' }))).toBe(true);
    // An alternative added or removed, a name, a quantifier, a null until: not condition text.
    expect(onlyConditionTextDiffers(doc, stage(doc, 'a', { or: ['y > 2', 'w'] }))).toBe(false);
    expect(onlyConditionTextDiffers(doc, stage(doc, 'a', { name: 'renamed' }))).toBe(false);
    expect(onlyConditionTextDiffers(doc, stage(doc, 'b', { until: 'z' }))).toBe(false);
    expect(onlyConditionTextDiffers(doc, { ...doc, name: 'Other' })).toBe(false);
    const a = doc.nodes[0];
    if (a.kind !== 'stage') throw new Error('a is a stage');
    const open = stage(doc, 'a', { quantifier: { ...a.quantifier, greedy: !a.quantifier.greedy } });
    expect(onlyConditionTextDiffers(doc, open)).toBe(false);
  });

  it('runs the check again for any other change, and only then', () => {
    const seen: PatternDocument[] = [];
    const check = formatCheckSkippingConditionText((d) => {
      seen.push(d);
      return d.name === '' ? 'The pattern needs a name.' : null;
    });
    expect(check(doc)).toBeNull();
    const typed = stage(doc, 'a', { where: 'x > 1 &&' });
    expect(check(typed)).toBeNull();
    expect(check(stage(typed, 'a', { where: 'x > 1 && y' }))).toBeNull();
    expect(seen).toEqual([doc]);
    const unnamed = { ...typed, name: '' };
    expect(check(unnamed)).toBe('The pattern needs a name.');
    // Still unstorable while only a condition changes after it.
    expect(check(stage(unnamed, 'b', { where: 'q' }))).toBe('The pattern needs a name.');
    expect(seen).toHaveLength(2);
  });
});
