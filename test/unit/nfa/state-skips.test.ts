/**
 * State skips (engine/nfa/guards.ts): a run whose state's guards all reject the event takes the
 * precomputed outcome without its conditions being called. An observer of edges turns skips off (it
 * wants every edge), so the traced run is the reference: both must give the same results and states.
 */
import fc from 'fast-check';
import { expectSameAsTraced } from './traced-steps';
import { describe, expect, it } from 'vitest';
import { parseCondition } from '../../../engine/expr';
import { guardOf } from '../../../engine/expr/guard';
import { andCondition, notCondition, orCondition, TRUE_CONDITION } from '../../../engine/nfa/conditions';
import { advanceTime, compilePattern, createNfaState, processEvent } from '../../../engine/nfa';
import type { NfaObserver } from '../../../engine/nfa/observer';
import type { EdgeCondition } from '../../../engine/nfa/types';
import type { PatternSpec } from '../../../engine/pattern/spec';
import { eventsArb, patternArb } from '../differential/arbitraries';

function guardText(source: string): string | null {
  const { ast } = parseCondition(source);
  if (!ast) throw new Error(`does not parse: ${source}`);
  return guardOf(ast)?.text ?? null;
}

describe('guardOf', () => {
  it('takes the leftmost conjunct when it compares a field with a literal', () => {
    expect(guardText("type == 'B' && sum(b.value) + value <= 500")).toBe('type == "B"');
    expect(guardText("'B' == type")).toBe('type == "B"');
    expect(guardText('order.status == 3 && amount > 1')).toBe('order.status == 3');
  });

  it('joins an OR of guards on the same field, and reads `in` over literals', () => {
    expect(guardText("(type == 'purchase' || type == 'transfer') && amount > 100")).toBe(
      'type in ["purchase","transfer"]',
    );
    expect(guardText("type in ['a', 'b', 'a', null]")).toBe('type in ["a","b"]');
    expect(guardText("type == 'a' || kind == 'b'")).toBeNull();
    expect(guardText("type in ['a', code]")).toBeNull();
  });

  it('has none when a failing guard would not decide the condition without evaluating the rest', () => {
    expect(guardText("amount > 1 && type == 'B'")).toBeNull();
    expect(guardText("type == 'B' || amount > 1")).toBeNull();
    expect(guardText('type == null')).toBeNull();
    expect(guardText("type != 'B'")).toBeNull();
  });

  it('tests the event as the compiled condition compares', () => {
    const { ast } = parseCondition("type == 'B'");
    const g = guardOf(ast as NonNullable<typeof ast>);
    expect(g?.test({ type: 'B' })).toBe(true);
    expect(g?.test({ type: 'b' })).toBe(false);
    expect(g?.test({})).toBe(false);
    const { ast: either } = parseCondition("type in ['a', 'b']");
    const h = guardOf(either as NonNullable<typeof either>);
    expect([h?.test({ type: 'b' }), h?.test({ type: 'c' }), h?.test({ type: null })]).toEqual([
      true,
      false,
      false,
    ]);
  });
});

describe('guarded values through the condition combinators', () => {
  const guard = { text: 'type == "B"', test: (e: Record<string, unknown>) => e.type === 'B' };
  const b: EdgeCondition = { test: (e) => e.type === 'B', text: 'b', guarded: { guard, value: false } };
  const other: EdgeCondition = { test: () => true, text: 'other' };

  it('negation flips the value, AND and OR keep it only where it decides the result', () => {
    expect(notCondition(b).guarded?.value).toBe(true);
    expect(andCondition(b, other).guarded?.value).toBe(false);
    expect(andCondition(other, b).guarded).toBeUndefined();
    expect(andCondition(notCondition(b), other).guarded).toBeUndefined();
    expect(andCondition(notCondition(b), notCondition(b)).guarded?.value).toBe(true);
    expect(orCondition(notCondition(b), other).guarded?.value).toBe(true);
    expect(orCondition(b, b).guarded?.value).toBe(false);
    expect(andCondition(TRUE_CONDITION, b)).toBe(b);
  });
});

describe('state skips', () => {
  it('decide the waiting states of begin(A).followedBy(B+).followedBy(C)', () => {
    const spec: PatternSpec = {
      stages: [
        {
          name: 'a',
          contiguity: 'begin',
          where: "type == 'A'",
          quantifier: { kind: 'one', optional: false, greedy: false, inner: 'relaxed' },
        },
        {
          name: 'b',
          contiguity: 'followedBy',
          where: "type == 'B' && sum(b.value) + value <= 5",
          quantifier: { kind: 'oneOrMore', from: 1, optional: false, greedy: false, inner: 'relaxed' },
        },
        {
          name: 'c',
          contiguity: 'followedBy',
          where: "type == 'C'",
          quantifier: { kind: 'one', optional: false, greedy: false, inner: 'relaxed' },
        },
      ],
      skip: { kind: 'NO_SKIP' },
    };
    const r = compilePattern(spec);
    if (!r.ok) throw new Error('does not compile');
    const byName = (name: string): number => r.nfa.states.findIndex((s) => s.name === name);
    const skips = r.nfa.skips ?? [];
    expect(skips[byName('c')]?.ignoreTo).toBe(byName('c'));
    expect(skips[byName('a')]?.ignoreTo).toBe(-1); // the start run is kept, never moved
    expect(r.nfa.startSkip?.takes).toBe(false); // a non-A event starts nothing
    expect(r.nfa.guards?.map((g) => g.text).sort()).toEqual(['type == "A"', 'type == "B"', 'type == "C"']);
  });

  it('report the same branches and discards to an observer that does not trace edges', () => {
    fc.assert(
      fc.property(
        patternArb({ nots: true, skips: true }),
        eventsArb,
        fc.constantFrom(undefined, 1),
        (spec, events, cap) => {
          const compiled = compilePattern(spec);
          if (!compiled.ok) return;
          const { nfa } = compiled;
          const log = (sink: unknown[]): NfaObserver => ({
            branched: (b) => sink.push(['branched', b]),
            discarded: (d) => sink.push(['discarded', d.runId, d.reason, d.state]),
          });
          const skipping: unknown[] = [];
          const tracing: unknown[] = [];
          const fast = createNfaState(nfa, { maxPartialMatches: cap });
          const full = createNfaState(nfa, { maxPartialMatches: cap });
          const plain = log(skipping);
          const traced = { ...log(tracing), edge: () => undefined };
          events.forEach((e, i) => {
            advanceTime(nfa, fast, e.ts, plain);
            advanceTime(nfa, full, e.ts, traced);
            processEvent(nfa, fast, e.record, e.ts, i, plain);
            processEvent(nfa, full, e.record, e.ts, i, traced);
          });
          expect(skipping).toEqual(tracing);
        },
      ),
      { numRuns: 400, seed: 20261127 },
    );
  });

  it('give the same results and states as the full decision graph', () => {
    fc.assert(
      fc.property(
        patternArb({ nots: true, skips: true }),
        eventsArb,
        fc.constantFrom(undefined, 1, 2),
        (spec, events, cap) => {
          const compiled = compilePattern(spec);
          if (!compiled.ok) return;
          const { nfa } = compiled;
          const fast = createNfaState(nfa, { maxPartialMatches: cap });
          const full = createNfaState(nfa, { maxPartialMatches: cap });
          expectSameAsTraced(nfa, fast, full, events);
        },
      ),
      { numRuns: 600, seed: 20261126 },
    );
  });
});
