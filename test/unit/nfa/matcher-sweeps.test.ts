/**
 * The matcher's idle sweep as it happens in real streams: inside a watermark move caused by a push,
 * over hundreds of keys. matcher-vs-operator.test.ts sweeps only between operations (3 keys); here
 * 300 keys go idle and come back, so a sweep often runs while the pushed event's own key state is
 * in hand. That key state must not be used once the sweep has dropped it (it may already serve
 * another key). Each key must see exactly what a plain CepOperator gives it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compilePattern,
  createMatcher,
  type MatcherOptions,
  type MatcherOutput,
} from '../../../engine/nfa/index';
import type { EventRecord, PatternSpec } from '../../../engine/pattern/spec';
import { patternArb } from '../differential/arbitraries';
import { outputLine, ReferenceOperator } from './operator-reference';

const KEYS = 300;
const ONE = { kind: 'one', optional: false, greedy: false, inner: 'relaxed' } as const;

interface Scenario {
  spec: PatternSpec;
  events: EventRecord[];
  ooo: number;
}

/** Events over 300 keys, timestamps drifting forward with jumps, some late by up to 4 ms. */
const eventsArb: fc.Arbitrary<EventRecord[]> = fc
  .array(
    fc.tuple(
      fc.constantFrom('a', 'b', 'c', 'd'),
      fc.integer({ min: 0, max: KEYS - 1 }),
      // Now and then a jump that releases many keys at once (and sweeps inside that push).
      fc.constantFrom(0, 0, 0, 1, 1, 1, 30),
      fc.integer({ min: 0, max: 4 }),
    ),
    { minLength: 800, maxLength: 1500 },
  )
  .map((items) => {
    let ts = 1;
    return items.map(([name, k, gap, back], i) => {
      ts += gap;
      return { name, key: `k${k}`, rank: 0, id: i, ts: Math.max(1, ts - back) };
    });
  });

const scenarioArb: fc.Arbitrary<Scenario> = fc.record({
  spec: patternArb({ nots: true, skips: true }),
  events: eventsArb,
  ooo: fc.integer({ min: 1, max: 4 }),
});

const optionsOf = (s: Scenario): MatcherOptions => ({
  time: 'event',
  keyOf: (e) => e.key as string,
  timestampOf: (e) => e.ts as number,
  outOfOrdernessMs: s.ooo,
  watermarks: 'auto',
  timeouts: true,
});

function runMatcher(s: Scenario, nfa: Parameters<typeof createMatcher>[0]): Record<string, string[]> {
  const m = createMatcher(nfa, optionsOf(s));
  const outputs: Record<string, string[]> = {};
  const collect = (outs: readonly MatcherOutput[]): void => {
    for (const o of outs) (outputs[o.key] ??= []).push(outputLine(o));
  };
  for (const e of s.events) collect(m.push(e));
  collect(m.flush());
  return outputs;
}

function runReference(s: Scenario, nfa: Parameters<typeof createMatcher>[0]): Record<string, string[]> {
  const ref = new ReferenceOperator(nfa, optionsOf(s));
  for (const e of s.events) ref.push(e);
  ref.advanceWatermark(Number.POSITIVE_INFINITY);
  return Object.fromEntries(ref.outputs);
}

describe('matcher idle sweeps over many keys', () => {
  it('does not use a key state the sweep dropped while the pushed event moved the watermark', () => {
    const spec: PatternSpec = {
      stages: [
        { name: 'a', where: "name == 'a'", contiguity: 'begin', quantifier: ONE },
        { name: 'b', where: "name == 'b'", contiguity: 'followedBy', quantifier: ONE },
      ],
      skip: { kind: 'NO_SKIP' },
    };
    const events: EventRecord[] = [
      // x matches and goes idle first, so the sweep finds it at the head of its queue.
      { name: 'a', key: 'x', ts: 1 },
      { name: 'b', key: 'x', ts: 2 },
    ];
    for (let k = 0; k < KEYS; k++)
      events.push({ name: 'a', key: `k${k}`, ts: 10 }, { name: 'b', key: `k${k}`, ts: 10 });
    // This push releases the 300 matches: the sweep runs inside it and drops x, the pushed key.
    events.push({ name: 'a', key: 'x', ts: 100 }, { name: 'b', key: 'x', ts: 101 });
    const s: Scenario = { spec, events, ooo: 5 };
    const compiled = compilePattern(spec);
    if (!compiled.ok) throw new Error('does not compile');
    const expected = runReference(s, compiled.nfa);
    expect(expected.x).toHaveLength(2);
    expect(runMatcher(s, compiled.nfa)).toEqual(expected);
  });

  it('gives every key what a plain CepOperator gives it', () => {
    let outputs = 0;
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const compiled = compilePattern(s.spec);
        if (!compiled.ok) return;
        const expected = runReference(s, compiled.nfa);
        expect(runMatcher(s, compiled.nfa)).toEqual(expected);
        for (const l of Object.values(expected)) outputs += l.length;
      }),
      { numRuns: 60, seed: 20261206 },
    );
    expect(outputs).toBeGreaterThan(5000);
  });
});
