/**
 * The strict-chain representation (engine/nfa/strict-chain.ts) of `begin(a).next(b)…`: against the
 * general runtime, step by step, on random chains and random event sequences: the same matches and
 * timeouts at the same steps, and the same state after every step as snapshots and introspection
 * show it, run ids, queue order and EventId counters included. Then the matcher with and without
 * it over keyed streams out of order, with budgets, caps, observers and snapshots. Patterns just
 * outside the shape must not use it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  advanceTime,
  compilePattern,
  createMatcher,
  createNfaState,
  listPartialMatches,
  livePartialMatches,
  processEvent,
  restoreMatcher,
  snapshotNfaState,
  type CompiledNfa,
  type MatcherOptions,
  type MatcherOutput,
  type MatcherSnapshot,
  type NfaObserver,
  type NfaState,
} from '../../../engine/nfa/index';
import { chainShape } from '../../../engine/nfa/strict-chain';
import type { EventRecord, PatternSpec, SkipStrategy } from '../../../engine/pattern/spec';
import { chainSpecArb } from './chain-arb';
import { pattern, stage } from './helpers';
import { outcome } from './helpers';
import { describeMatch } from './operator-reference';

function compiled(spec: PatternSpec): CompiledNfa {
  const r = compilePattern(spec);
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('; '));
  return r.nfa;
}

/** The same automaton without the representation: every state takes the general path. */
const general = (nfa: CompiledNfa): CompiledNfa => ({ ...nfa, chain: null });

/** Mostly in time order; sometimes a step goes back in time (the low-level API allows it). */
const eventsArb = fc
  .array(fc.tuple(fc.constantFrom('a', 'b', 'c'), fc.integer({ min: 0, max: 2 }), fc.nat(9), fc.nat(24)), {
    maxLength: 40,
  })
  .map((items) => {
    let ts = 0;
    return items.map(([name, gap, rank, back], i) => ({
      record: { name, rank, id: i },
      ts: (ts += gap) - (back === 0 ? 3 : 0),
    }));
  });

/** Everything a reader of the state sees: snapshot (ids and order included), introspection, counts. */
function view(nfa: CompiledNfa, st: NfaState): unknown {
  return {
    snapshot: snapshotNfaState(nfa, st),
    list: listPartialMatches(nfa, st),
    live: livePartialMatches(st),
    nodes: st.liveNodes,
  };
}

describe('the strict-chain representation', () => {
  it('is used by begin(a).next(b)… of singleton stages with event-only conditions', () => {
    const nfa = compiled(
      pattern([stage('a', 'begin', "name == 'a'"), stage('b', 'next', "name == 'b'"), stage('c', 'next')]),
    );
    expect(nfa.chain?.n).toBe(3);
    expect(createNfaState(nfa, { counting: true }).chain).toBeDefined();
    // Not asked for, or runs that could reach the cap: the general representation.
    expect(createNfaState(nfa).chain).toBeUndefined();
    expect(createNfaState(nfa, { counting: true, maxPartialMatches: 1 }).chain).toBeUndefined();
  });

  it('gives its arrays back when every run died or timed out under a window, and keeps them without one', () => {
    const spec = pattern([stage('a', 'begin', "name == 'a'"), stage('b', 'next', "name == 'b'")]);
    for (const within of [10, 0]) {
      const nfa = compiled(within > 0 ? { ...spec, within: { ms: within, type: 'FIRST_AND_LAST' } } : spec);
      const st = createNfaState(nfa, { counting: true });
      const shared = st.chain;
      processEvent(nfa, st, { name: 'a' }, 1, 0);
      expect(st.chain).not.toBe(shared);
      // The run dies on a non-b: under a window the key waits for its timer with nothing in it.
      processEvent(nfa, st, { name: 'x' }, 2, 1);
      expect(st.chain === shared).toBe(within > 0);
      expect(livePartialMatches(st)).toBe(0);
      processEvent(nfa, st, { name: 'a' }, 3, 2);
      expect(livePartialMatches(st)).toBe(1);
      if (within > 0) {
        // The run times out: the same.
        expect(advanceTime(nfa, st, 13, undefined, false).timedOut).toBe(1);
        expect(st.chain).toBe(shared);
      }
    }
  });

  it('is not used just outside that shape', () => {
    const a = stage('a', 'begin', "name == 'a'");
    const b = (over: Parameters<typeof stage>[3] = {}, contiguity: 'next' | 'followedBy' = 'next') =>
      stage('b', contiguity, "name == 'b'", over);
    const skip = (s: SkipStrategy) => pattern([a, b()], s);
    const outside: PatternSpec[] = [
      pattern([a, b({}, 'followedBy')]), // a run waits
      pattern([a, stage('b', 'next', 'count(a) > 0')]), // reads another stage
      pattern([a, b({ optional: true })]),
      pattern([a, b({ kind: 'oneOrMore' })]),
      pattern([a, stage('b', 'notNext', "name == 'b'"), stage('c', 'next', "name == 'c'")]),
      pattern([a, stage('b', 'next', "name == 'b'", {}, { withinPreviousAndCurrent: 5 })]),
      skip({ kind: 'SKIP_TO_FIRST', stage: 'b', throwExceptionOnMiss: false }),
      skip({ kind: 'SKIP_TO_LAST', stage: 'a', throwExceptionOnMiss: true }),
    ];
    for (const s of outside) {
      const r = compilePattern(s);
      if (r.ok) expect(r.nfa.chain ?? null, JSON.stringify(s)).toBeNull();
    }
    // The skips it serves, and a stage that takes several events in a row.
    for (const kind of ['NO_SKIP', 'SKIP_TO_NEXT', 'SKIP_PAST_LAST_EVENT'] as const)
      expect(compiled(skip({ kind })).chain?.n).toBe(2);
    expect(compiled(pattern([a, b({ kind: 'times', from: 2, to: 2, inner: 'consecutive' })])).chain?.n).toBe(
      3,
    );
  });

  it('gives the general runtime’s results and state at every step', () => {
    let matched = 0;
    let timedOut = 0;
    let stayed = 0;
    fc.assert(
      fc.property(chainSpecArb, eventsArb, fc.boolean(), (spec, events, timeouts) => {
        const nfa = compiled(spec);
        expect(nfa.chain).not.toBeNull();
        const chain = createNfaState(nfa, { counting: true });
        const plain = createNfaState(nfa);
        expect(chain.chain).toBeDefined();
        events.forEach((e, i) => {
          const t = advanceTime(nfa, plain, e.ts, undefined, timeouts);
          expect(outcome(advanceTime(nfa, chain, e.ts, undefined, timeouts))).toEqual(outcome(t));
          timedOut += t.timeouts.length + (t.timedOut ?? 0);
          const r = processEvent(nfa, plain, e.record, e.ts, i);
          expect(outcome(processEvent(nfa, chain, e.record, e.ts, i))).toEqual(outcome(r));
          matched += r.matches.length;
          expect(view(nfa, chain)).toEqual(view(nfa, plain));
        });
        // Still the chain representation unless a step went back in time: introspection and
        // snapshots did not convert it.
        if (events.every((e, i) => i === 0 || e.ts >= events[i - 1].ts)) {
          expect(chain.chain).toBeDefined();
          stayed++;
        }
        const end = events.length > 0 ? events[events.length - 1].ts + 100 : 100;
        expect(outcome(advanceTime(nfa, chain, end, undefined, timeouts))).toEqual(
          outcome(advanceTime(nfa, plain, end, undefined, timeouts)),
        );
        expect(view(nfa, chain)).toEqual(view(nfa, plain));
      }),
      { numRuns: 1500, seed: 20261206 },
    );
    expect(matched).toBeGreaterThan(500);
    expect(timedOut).toBeGreaterThan(100);
    expect(stayed).toBeGreaterThan(300);
  });

  it('turns into the general representation for an observer, and goes on exactly', () => {
    fc.assert(
      fc.property(chainSpecArb, eventsArb, fc.nat(40), (spec, events, switchAt) => {
        const nfa = compiled(spec);
        const chain = createNfaState(nfa, { counting: true });
        const plain = createNfaState(nfa);
        const seen: string[][] = [[], []];
        const observer = (log: string[]): NfaObserver => ({
          branched: (b) => log.push(`${b.parentRunId}>${b.runId} ${b.via} ${b.state}`),
          discarded: (d) => log.push(`${d.runId} ${d.reason}`),
        });
        events.forEach((e, i) => {
          const [oc, op] = i >= switchAt ? [observer(seen[0]), observer(seen[1])] : [undefined, undefined];
          expect(outcome(advanceTime(nfa, chain, e.ts, oc, true))).toEqual(
            outcome(advanceTime(nfa, plain, e.ts, op, true)),
          );
          expect(outcome(processEvent(nfa, chain, e.record, e.ts, i, oc))).toEqual(
            outcome(processEvent(nfa, plain, e.record, e.ts, i, op)),
          );
        });
        // The observer sees the same run ids: the representation numbers runs as the general one.
        expect(seen[0]).toEqual(seen[1]);
        expect(view(nfa, chain)).toEqual(view(nfa, plain));
        if (switchAt < events.length) expect(chain.chain).toBeUndefined();
      }),
      { numRuns: 500, seed: 20261207 },
    );
  });

  it('leaves a step whose condition throws to the general runtime', () => {
    const nfa = compiled(
      pattern([stage('a', 'begin', "name == 'a'"), stage('b', 'next'), stage('c', 'next', "name != 'c'")]),
    );
    // The last condition throws on rank 3 (our conditions never do; a host function could).
    const states = nfa.states.map((s) => ({
      ...s,
      transitions: s.transitions.map((t) =>
        t.condition.text.includes("!= 'c'")
          ? {
              ...t,
              condition: {
                ...t.condition,
                test: (e: EventRecord, c: Parameters<typeof t.condition.test>[1]) => {
                  if (e.rank === 3) throw new Error('rank 3');
                  return t.condition.test(e, c);
                },
              },
            }
          : t,
      ),
    }));
    const throwing: CompiledNfa = {
      ...nfa,
      states,
      skips: undefined,
      chain: chainShape(states, nfa.startState, nfa.skip, false),
    };
    expect(throwing.chain?.n).toBe(3);
    const chain = createNfaState(throwing, { counting: true });
    const plain = createNfaState(general(throwing));
    const events = ['a', 'b', 'b', 'a', 'a', 'b', 'd', 'a', 'b', 'd'].map((name, i) => ({
      name,
      rank: i === 2 || i === 9 ? 3 : 0,
    }));
    let errors = 0;
    events.forEach((e, i) => {
      const r = processEvent(general(throwing), plain, e, i + 1, i);
      if (r.error) errors++;
      expect(outcome(processEvent(throwing, chain, e, i + 1, i))).toEqual(outcome(r));
      expect(view(throwing, chain)).toEqual(view(throwing, plain));
    });
    // The step that throws loses the runs it had not reached, the start run too (as the general runtime
    // does): the second rank 3 finds no run to throw in.
    expect(errors).toBe(1);
    expect(chain.chain).toBeUndefined();
  });
});

type Op = { event: EventRecord } | { watermark: number } | { sweep: true };

const opsArb: fc.Arbitrary<Op[]> = fc
  .array(
    fc.tuple(
      fc.constantFrom('a', 'b', 'c', 'd'),
      fc.constantFrom('k1', 'k2', 'k3'),
      fc.integer({ min: 0, max: 3 }),
      fc.integer({ min: 0, max: 4 }),
      fc.integer({ min: 0, max: 9 }),
    ),
    { maxLength: 50 },
  )
  .map((items) => {
    let ts = 1;
    const ops: Op[] = [];
    items.forEach(([name, key, gap, back, rank], i) => {
      ts += gap;
      ops.push({ event: { name, key, rank, id: i, ts: Math.max(1, ts - back) } });
      if (rank === 9) ops.push({ watermark: ts - 1 });
      if (rank === 0) ops.push({ sweep: true });
    });
    return ops;
  });

const scenarioArb = fc.record({
  spec: chainSpecArb,
  ops: opsArb,
  ooo: fc.integer({ min: 0, max: 3 }),
  timeouts: fc.boolean(),
  budget: fc.constantFrom<MatcherOptions['budget']>(undefined, false, { maxPartialMatches: 3 }),
  observer: fc.constantFrom(false, false, true),
  snapshotAt: fc.nat(60),
});

function line(o: MatcherOutput): string {
  switch (o.kind) {
    case 'match':
    case 'timeout':
      return `${o.key} ${o.kind} @${o.timestamp} ${describeMatch(o.match)}`;
    case 'late':
      return `${o.key} late #${o.event.seq}`;
    default:
      return `${o.key} ${o.kind} @${o.timestamp} ${o.message}`;
  }
}

/** Steps after which a key held live runs in the strict-chain representation. */
let chained = 0;

/** Outputs per operation and the matcher's snapshot after each one. */
function runMatcher(nfa: CompiledNfa, s: Scenario): unknown[] {
  const options: MatcherOptions = {
    time: 'event',
    keyOf: (e) => e.key as string,
    timestampOf: (e) => e.ts as number,
    outOfOrdernessMs: s.ooo,
    timeouts: s.timeouts,
    budget: s.budget,
  };
  const log: string[] = [];
  const observer: NfaObserver | undefined = s.observer
    ? { branched: (b) => log.push(`${b.parentRunId}>${b.runId} ${b.via}`) }
    : undefined;
  let m = createMatcher(nfa, options);
  const steps: unknown[] = [];
  s.ops.forEach((op, i) => {
    let outs: MatcherOutput[] = [];
    try {
      if ('sweep' in op) m.sweepIdle();
      else outs = 'event' in op ? m.push(op.event, observer) : m.advanceWatermark(op.watermark, observer);
    } catch (e) {
      steps.push(`stopped: ${(e as Error).message}`);
      return;
    }
    for (const ks of m.keys.values()) if ((ks.chain?.size ?? 0) > 1) chained++;
    const snap = m.snapshot();
    steps.push({ outs: outs.map(line), snap, counters: { ...m.counters }, live: m.liveTotal() });
    if (i === s.snapshotAt) {
      const r = restoreMatcher(nfa, JSON.parse(JSON.stringify(snap)) as MatcherSnapshot, options);
      if (!r.ok) throw new Error(r.error);
      m = r.matcher;
    }
  });
  try {
    steps.push(m.flush(observer).map(line), { ...m.counters }, log);
  } catch (e) {
    steps.push(`stopped: ${(e as Error).message}`);
  }
  return steps;
}

type Scenario = typeof scenarioArb extends fc.Arbitrary<infer T> ? T : never;

describe('the matcher with strict chains', () => {
  it('gives the same outputs, snapshots and counters with and without the representation', () => {
    let matches = 0;
    chained = 0;
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const nfa = compiled(s.spec);
        const expected = runMatcher(general(nfa), s);
        expect(runMatcher(nfa, s)).toEqual(expected);
        for (const step of expected)
          if (typeof step === 'object' && step !== null && 'outs' in step)
            matches += (step.outs as string[]).filter((l) => l.includes(' match ')).length;
      }),
      { numRuns: 600, seed: 20261211 },
    );
    expect(matches).toBeGreaterThan(80);
    expect(chained).toBeGreaterThan(300);
  });
});
