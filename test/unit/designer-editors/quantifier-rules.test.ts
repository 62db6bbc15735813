import { describe, expect, it } from 'vitest';
import { Pattern } from '../../../engine/format/builder';
import { specToDocument } from '../../../engine/format/from-spec';
import type { DocQuantifier, PatternDocument } from '../../../engine/format/schema';
import { documentToSpec } from '../../../engine/format/to-spec';
import { compilePattern } from '../../../engine/nfa/compile';
import type { QuantifierKind } from '../../../engine/pattern/spec';
import { mapNode } from '../../../renderer/canvas/doc-tree';
import { contiguityOptions } from '../../../renderer/designer/inspector/contiguity-rules';
import {
  quantifierNotation,
  quantifierOptions,
  withKind,
  type Availability,
} from '../../../renderer/designer/inspector/quantifier-rules';
import { nodeContext } from '../../../renderer/designer/inspector/stage-context';

const idOf = (doc: PatternDocument, name: string): string => doc.nodes.find((n) => n.name === name)?.id ?? '';
const ctxOf = (doc: PatternDocument, name: string) => {
  const ctx = nodeContext(doc, idOf(doc, name));
  if (!ctx) throw new Error(`no node ${name}`);
  return ctx;
};
const setQuantifier = (doc: PatternDocument, name: string, q: DocQuantifier): PatternDocument =>
  mapNode(doc, idOf(doc, name), (n) => ({ ...n, quantifier: q }));
const compiles = (doc: PatternDocument): boolean => {
  const lowered = documentToSpec(doc);
  return lowered.ok && compilePattern(lowered.spec).ok;
};
/** The option is off, and the reason says why in the expected words. */
function expectRefused(a: Availability, words: string): void {
  expect(a.enabled).toBe(false);
  expect(a.enabled ? '' : a.reason).toContain(words);
}
const base: DocQuantifier = { kind: 'one', optional: false, greedy: false, inner: 'relaxed' };

describe('quantifier options', () => {
  it('offers nothing but "once" on a NOT stage, quoting Flink', () => {
    const doc = specToDocument(Pattern.begin('a').notNext('b').followedBy('c').toSpec());
    const options = quantifierOptions(ctxOf(doc, 'b'));
    expect(options.kinds.one.enabled).toBe(true);
    for (const kind of ['times', 'timesOrMore', 'oneOrMore'] as const)
      expectRefused(options.kinds[kind], 'Option not applicable to NOT pattern');
    expectRefused(options.optional, 'NOT pattern cannot be optional');
    expect(options.greedy.enabled).toBe(false);
  });

  it('allows greedy, inner contiguity and a window only on repeating stages', () => {
    const doc = specToDocument(Pattern.begin('a').followedBy('b').followedBy('c').toSpec());
    const single = quantifierOptions(ctxOf(doc, 'b'));
    expectRefused(single.greedy, 'singleton');
    expect(single.consecutive.enabled).toBe(false);
    expect(single.window.enabled).toBe(false);
    expect(single.until.enabled).toBe(false);
    const looping = quantifierOptions(ctxOf(setQuantifier(doc, 'b', { ...base, kind: 'oneOrMore' }), 'b'));
    expect(looping.greedy.enabled).toBe(true);
    expect(looping.consecutive.enabled).toBe(true);
    expect(looping.window.enabled).toBe(true);
    expect(looping.until.enabled).toBe(true);
  });

  it('keeps greedy and allowCombinations apart', () => {
    const doc = specToDocument(Pattern.begin('a').followedBy('b').followedBy('c').toSpec());
    const greedy = quantifierOptions(
      ctxOf(setQuantifier(doc, 'b', { ...base, kind: 'oneOrMore', greedy: true }), 'b'),
    );
    expect(greedy.allowCombinations.enabled).toBe(false);
    const combos = quantifierOptions(
      ctxOf(setQuantifier(doc, 'b', { ...base, kind: 'oneOrMore', inner: 'allowCombinations' }), 'b'),
    );
    expectRefused(combos.greedy, 'FollowedByAny');
  });

  it('refuses optional after a greedy stage and before a NOT stage', () => {
    const doc = specToDocument(Pattern.begin('a').followedBy('b').followedBy('c').toSpec());
    const afterGreedy = setQuantifier(doc, 'a', { ...base, kind: 'oneOrMore', greedy: true });
    expectRefused(quantifierOptions(ctxOf(afterGreedy, 'b')).optional, 'preceded by greedy');
    const beforeNot = specToDocument(
      Pattern.begin('a').followedBy('b').notFollowedBy('c').followedBy('d').toSpec(),
    );
    expectRefused(quantifierOptions(ctxOf(beforeNot, 'b')).optional, 'optional path to NOT');
  });

  it('never refuses groups for kinds but refuses greedy on them', () => {
    const doc = specToDocument(
      Pattern.begin('a').followedBy(Pattern.begin('x').next('y'), 'g').oneOrMore().toSpec(),
    );
    const group = quantifierOptions(ctxOf(doc, 'g'));
    expectRefused(group.greedy, 'group pattern');
    expect(Object.values(group.kinds).every((a) => a.enabled)).toBe(true);
  });

  it('every enabled choice on a middle stage compiles (the editor cannot produce a Flink error)', () => {
    const doc = specToDocument(Pattern.begin('a').followedBy('b').followedBy('c').toSpec());
    const kinds: QuantifierKind[] = ['one', 'times', 'timesOrMore', 'oneOrMore'];
    for (const kind of kinds) {
      const q = withKind(base, kind);
      const withKindDoc = setQuantifier(doc, 'b', q);
      expect(compiles(withKindDoc)).toBe(true);
      const options = quantifierOptions(ctxOf(withKindDoc, 'b'));
      if (options.greedy.enabled)
        expect(compiles(setQuantifier(doc, 'b', { ...q, greedy: true }))).toBe(true);
      if (options.optional.enabled)
        expect(compiles(setQuantifier(doc, 'b', { ...q, optional: true }))).toBe(true);
      if (options.consecutive.enabled)
        expect(compiles(setQuantifier(doc, 'b', { ...q, inner: 'consecutive' }))).toBe(true);
      if (options.allowCombinations.enabled)
        expect(compiles(setQuantifier(doc, 'b', { ...q, inner: 'allowCombinations' }))).toBe(true);
      if (options.window.enabled) expect(compiles(setQuantifier(doc, 'b', { ...q, window: 500 }))).toBe(true);
    }
  });
});

describe('withKind', () => {
  it('drops options that do not apply and fills required counts', () => {
    const looping: DocQuantifier = {
      kind: 'oneOrMore',
      optional: true,
      greedy: true,
      inner: 'consecutive',
      window: 1000,
    };
    expect(withKind(looping, 'one')).toEqual({
      kind: 'one',
      optional: true,
      greedy: false,
      inner: 'relaxed',
    });
    expect(withKind(base, 'times')).toMatchObject({ kind: 'times', from: 2, to: 2 });
    expect(withKind({ ...base, kind: 'times', from: 3, to: 5 }, 'timesOrMore')).toMatchObject({
      kind: 'timesOrMore',
      from: 3,
    });
    expect(withKind({ ...base, kind: 'timesOrMore', from: 3 }, 'oneOrMore')).not.toHaveProperty('from');
  });

  it('writes Flink-style notation', () => {
    expect(quantifierNotation(base)).toBe('1');
    expect(quantifierNotation({ ...base, kind: 'times', from: 3, to: 3 })).toBe('{3}');
    expect(quantifierNotation({ ...base, kind: 'times', from: 2, to: 4, optional: true })).toBe('{2,4}?');
    expect(quantifierNotation({ ...base, kind: 'oneOrMore', greedy: true })).toBe('+ greedy');
  });
});

describe('contiguity options', () => {
  const edgeInto = (doc: PatternDocument, name: string) => {
    const edge = doc.edges.find((e) => e.to === idOf(doc, name));
    if (!edge) throw new Error(`no edge into ${name}`);
    return edge;
  };

  it('refuses NOT contiguities into a repeating stage and after an optional one', () => {
    const doc = specToDocument(Pattern.begin('a').followedBy('b').oneOrMore().followedBy('c').toSpec());
    expectRefused(contiguityOptions(doc, edgeInto(doc, 'b')).notNext, '"b" repeats');
    const optional = specToDocument(Pattern.begin('a').optional().followedBy('b').followedBy('c').toSpec());
    expectRefused(contiguityOptions(optional, edgeInto(optional, 'b')).notFollowedBy, 'optional');
  });

  it('allows notFollowedBy at the end only with a time window', () => {
    const doc = specToDocument(Pattern.begin('a').followedBy('b').toSpec());
    expectRefused(contiguityOptions(doc, edgeInto(doc, 'b')).notFollowedBy, 'windowTime');
    expect(contiguityOptions(doc, edgeInto(doc, 'b')).notNext.enabled).toBe(true);
    const windowed = {
      ...doc,
      settings: { ...doc.settings, within: { ms: 1000, type: 'FIRST_AND_LAST' as const } },
    };
    expect(contiguityOptions(windowed, edgeInto(windowed, 'b')).notFollowedBy.enabled).toBe(true);
  });
});
