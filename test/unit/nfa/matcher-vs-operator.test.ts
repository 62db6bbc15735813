/**
 * The matcher against a plain CepOperator (operator-reference.ts): random patterns (with global and
 * per-state windows) over random keyed streams, in and out of order, with derived or explicit
 * watermarks, a comparator, timeouts asked or not, an observer or none, idle-key sweeps and
 * snapshots restored mid-stream. Each key must see exactly the reference's outputs, in its order,
 * with its timestamps; an observer the same branches, discards and edges; and each key the same
 * pending window timers after every operation. This guards every shortcut of the matcher: the one
 * reorder buffer, events that start nothing waiting without a key state (or not buffered at all when
 * in order), inert events not processed, idle keys swept and reused.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compilePattern,
  createMatcher,
  livePartialMatches,
  restoreMatcher,
  type CepMatcher,
  type MatcherOptions,
  type MatcherOutput,
  type MatcherSnapshot,
  type NfaObserver,
} from '../../../engine/nfa/index';
import type { EventRecord, PatternSpec } from '../../../engine/pattern/spec';
import { patternArb } from '../differential/arbitraries';
import { timesSpecArb } from './times-arb';
import { chainSpecArb } from './chain-arb';
import { outputLine, ReferenceOperator } from './operator-reference';

type Op = { event: EventRecord } | { watermark: number } | { sweep: true };

interface Scenario {
  spec: PatternSpec;
  ops: Op[];
  ooo: number;
  explicit: boolean;
  comparator: boolean;
  timeouts: boolean;
  observer: 'none' | 'plain' | 'edges';
  snapshotEvery: number;
  sweeps: boolean;
  cap: number | undefined;
}

/**
 * Up to 40 events over 3 keys, timestamps drifting forward with some events arriving late. Events
 * named 'd' match no stage (patterns name only a, b and c), so they are often inert.
 */
const opsArb = (explicit: boolean, sweeps: boolean): fc.Arbitrary<Op[]> =>
  fc
    .array(
      fc.tuple(
        fc.constantFrom('a', 'b', 'c', 'd'),
        fc.constantFrom('k1', 'k2', 'k3'),
        fc.integer({ min: 0, max: 3 }),
        fc.integer({ min: 0, max: 4 }),
        fc.integer({ min: 0, max: 9 }),
        fc.integer({ min: 0, max: 6 }),
      ),
      { maxLength: 40 },
    )
    .map((items) => {
      let ts = 1;
      const ops: Op[] = [];
      items.forEach(([name, key, gap, back, rank, wmBack], i) => {
        ts += gap;
        ops.push({ event: { name, key, rank, id: i, ts: Math.max(1, ts - back) } });
        if (explicit && wmBack < 3) ops.push({ watermark: ts - wmBack });
        // The matcher sweeps idle keys every 256 releases; here at random, so reuse is covered.
        if (sweeps && rank < 3) ops.push({ sweep: true });
      });
      return ops;
    });

const windowed = (spec: PatternSpec, ms: number | null): PatternSpec =>
  ms === null || spec.within ? spec : { ...spec, within: { ms, type: 'FIRST_AND_LAST' } };

/** A per-state window on one stage: a quantifier's gap window, or PREVIOUS_AND_CURRENT on a singleton. */
function stateWindowed(spec: PatternSpec, at: number, ms: number | null): PatternSpec {
  if (ms === null) return spec;
  const stages = spec.stages.map((st, i) => {
    if (i !== at % spec.stages.length) return st;
    const q = st.quantifier;
    if (q.kind === 'times' || q.kind === 'timesOrMore') return { ...st, quantifier: { ...q, window: ms } };
    return q.kind === 'one' ? { ...st, withinPreviousAndCurrent: ms } : st;
  });
  return { ...spec, stages };
}

const scenarioArb: fc.Arbitrary<Scenario> = fc
  .record({
    spec: fc.oneof(
      {
        weight: 4,
        arbitrary: fc
          .tuple(
            patternArb({ nots: true, skips: true }),
            fc.constantFrom(null, 3, 6, 20),
            fc.nat(3),
            fc.constantFrom(null, null, 2, 3),
          )
          .map(([s, w, at, sw]) => stateWindowed(windowed(s, w), at, sw)),
      },
      // begin(x).times(n): the counting representation.
      { weight: 1, arbitrary: timesSpecArb },
      // begin(a).next(b)…: the strict-chain representation.
      { weight: 1, arbitrary: chainSpecArb },
    ),
    explicit: fc.boolean(),
    ooo: fc.integer({ min: 0, max: 3 }),
    comparator: fc.boolean(),
    timeouts: fc.boolean(),
    observer: fc.constantFrom('none' as const, 'none' as const, 'plain' as const, 'edges' as const),
    snapshotEvery: fc.constantFrom(0, 0, 1, 3, 7),
    sweeps: fc.boolean(),
    cap: fc.constantFrom(undefined, undefined, 2),
  })
  .chain((s) => opsArb(s.explicit, s.sweeps).map((ops) => ({ ...s, ops })));

function optionsOf(s: Scenario): MatcherOptions {
  return {
    time: 'event',
    keyOf: (e) => e.key as string,
    timestampOf: (e) => e.ts as number,
    outOfOrdernessMs: s.ooo,
    watermarks: s.explicit ? 'explicit' : 'auto',
    timeouts: s.timeouts,
    maxPartialMatchesPerKey: s.cap,
    comparator: s.comparator ? (a, b) => (a.rank as number) - (b.rank as number) : undefined,
  };
}

interface Result {
  outputs: Record<string, string[]>;
  timeouts: number;
  /** What an observer saw, as a sorted multiset (run ids left out: they are per key state). */
  observed: string[];
  /** Pending window timers per key after each operation. */
  timers: Record<string, number[]>[];
}

/** An observer that logs branches and discards, and edges too for 'edges'. */
function observerOf(s: Scenario, log: string[]): NfaObserver | undefined {
  if (s.observer === 'none') return undefined;
  const o: NfaObserver = {
    branched: (b) => log.push(`branched ${b.via} ${b.state} ${b.stage} @${b.timestamp}`),
    discarded: (d) => log.push(`discarded ${d.state} ${d.reason} @${d.timestamp} #${d.seq ?? ''}`),
  };
  if (s.observer === 'edges')
    o.edge = (e) => log.push(`edge ${e.state} ${e.action} ${e.target} ${e.result} #${e.seq}`);
  return o;
}

function windowTimers(m: CepMatcher): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  for (const k of m.snapshot().keys)
    if (k.timers.length > 0) out[k.key] = k.timers.map((t) => t.ts as number).sort((a, b) => a - b);
  return out;
}

function runMatcher(s: Scenario): Result {
  const compiled = compilePattern(s.spec);
  if (!compiled.ok) throw new Error('does not compile');
  const options = optionsOf(s);
  const observed: string[] = [];
  const observer = observerOf(s, observed);
  let m: CepMatcher = createMatcher(compiled.nfa, options);
  // Its running total of live partial matches is kept from here on (replay's timeline samples it).
  m.liveTotal();
  const outputs: Record<string, string[]> = {};
  const collect = (outs: readonly MatcherOutput[]): void => {
    for (const o of outs) (outputs[o.key] ??= []).push(outputLine(o));
  };
  const timers: Record<string, number[]>[] = [];
  s.ops.forEach((op, i) => {
    if ('sweep' in op) m.sweepIdle();
    else collect('event' in op ? m.push(op.event, observer) : m.advanceWatermark(op.watermark, observer));
    if (s.snapshotEvery > 0 && i % s.snapshotEvery === 0) {
      const snap = JSON.parse(JSON.stringify(m.snapshot())) as MatcherSnapshot;
      const r = restoreMatcher(compiled.nfa, snap, options);
      if (!r.ok) throw new Error(r.error);
      m = r.matcher;
      m.liveTotal();
    }
    let live = 0;
    for (const ks of m.keys.values()) live += livePartialMatches(ks);
    if (m.liveTotal() !== live)
      throw new Error(`live total ${m.liveTotal()} after op ${i}, keys hold ${live}`);
    timers.push(windowTimers(m));
  });
  collect(m.flush(observer));
  return { outputs, timeouts: m.counters.timeouts, observed: observed.sort(), timers };
}

function runReference(s: Scenario): Result {
  const compiled = compilePattern(s.spec);
  if (!compiled.ok) throw new Error('does not compile');
  const observed: string[] = [];
  const ref = new ReferenceOperator(compiled.nfa, optionsOf(s), observerOf(s, observed));
  const timers: Record<string, number[]>[] = [];
  for (const op of s.ops) {
    if ('event' in op) ref.push(op.event);
    else if ('watermark' in op) ref.advanceWatermark(op.watermark);
    timers.push(ref.windowTimers());
  }
  ref.advanceWatermark(Number.POSITIVE_INFINITY);
  return {
    outputs: Object.fromEntries(ref.outputs),
    timeouts: ref.timeouts,
    observed: observed.sort(),
    timers,
  };
}

describe('matcher vs a plain CepOperator', () => {
  it('gives every key the same outputs, observations and timers', () => {
    let outputs = 0;
    fc.assert(
      fc.property(scenarioArb, (s) => {
        if (!compilePattern(s.spec).ok) return;
        const expected = runReference(s);
        const actual = runMatcher(s);
        expect(actual.outputs).toEqual(expected.outputs);
        expect(actual.timeouts).toBe(expected.timeouts);
        expect(actual.observed).toEqual(expected.observed);
        expect(actual.timers).toEqual(expected.timers);
        for (const l of Object.values(expected.outputs)) outputs += l.length;
      }),
      { numRuns: 1500, seed: 20261208 },
    );
    expect(outputs).toBeGreaterThan(2000);
  });
});
