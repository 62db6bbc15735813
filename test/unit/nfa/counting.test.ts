/**
 * The counting representation (engine/nfa/counting.ts) of `begin(x).times(n)`: against the general
 * runtime, step by step, on random patterns of that shape and random event sequences: the same
 * matches and timeouts at the same steps, and the same partial matches (as introspection and
 * snapshots show them) after every step. Patterns just outside the shape must not use it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  advanceTime,
  compilePattern,
  createNfaState,
  listPartialMatches,
  processEvent,
  snapshotNfaState,
  type CompiledNfa,
  type NfaState,
} from '../../../engine/nfa/index';
import type { PatternSpec, Quantifier, SkipStrategy } from '../../../engine/pattern/spec';
import { outcome } from './helpers';
import { timesSpecArb } from './times-arb';

/** Mostly in time order; sometimes a step goes back in time (the low-level API allows it). */
const eventsArb = fc
  .array(fc.tuple(fc.constantFrom('a', 'b', 'c'), fc.integer({ min: 0, max: 2 }), fc.nat(6), fc.nat(19)), {
    maxLength: 30,
  })
  .map((items) => {
    let ts = 0;
    return items.map(([name, gap, price, back], i) => ({
      record: { name, price, id: i },
      ts: (ts += gap) - (back === 0 ? 3 : 0),
    }));
  });

function compiled(spec: PatternSpec): CompiledNfa {
  const r = compilePattern(spec);
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('; '));
  return r.nfa;
}

/** Partial matches and the snapshot without run ids (the two representations number runs differently). */
function view(nfa: CompiledNfa, st: NfaState): unknown {
  const { partial, completed, nextRunId: _ids, ...rest } = snapshotNfaState(nfa, st);
  return {
    list: listPartialMatches(nfa, st).map(({ runId: _id, ...p }) => p),
    partial: partial.map(({ id: _id, ...r }) => r),
    completed: completed.map(({ id: _id, ...r }) => r),
    ...rest,
  };
}

describe('the counting representation', () => {
  it('is used by begin(x).times(n) with relaxed repetitions and an event-only condition', () => {
    const nfa = compiled({
      stages: [
        {
          name: 'x',
          contiguity: 'begin',
          where: "name == 'a'",
          quantifier: { kind: 'times', from: 11, to: 11, optional: false, greedy: false, inner: 'relaxed' },
        },
      ],
      skip: { kind: 'SKIP_PAST_LAST_EVENT' },
      within: { ms: 3_600_000, type: 'FIRST_AND_LAST' },
    });
    expect(nfa.counting?.n).toBe(11);
    expect(createNfaState(nfa, { counting: true }).countLen).toBe(0);
    // Not asked for, or runs that could reach the cap: the general representation.
    expect(createNfaState(nfa).countLen).toBe(-1);
    expect(createNfaState(nfa, { counting: true, maxPartialMatches: 9 }).countLen).toBe(-1);
  });

  it('is not used just outside that shape', () => {
    const q = (over: Partial<Quantifier>): Quantifier => ({
      kind: 'times',
      from: 3,
      to: 3,
      optional: false,
      greedy: false,
      inner: 'relaxed',
      ...over,
    });
    const spec = (where: string, quantifier: Quantifier, skip: SkipStrategy = { kind: 'NO_SKIP' }) => ({
      stages: [{ name: 'x', contiguity: 'begin' as const, where, quantifier }],
      skip,
    });
    const outside: PatternSpec[] = [
      spec('count(x) < 2', q({})), // reads its own stage
      spec("name == 'a'", q({ inner: 'consecutive' })), // a rejected event ends runs
      spec("name == 'a'", q({ inner: 'allowCombinations' })), // runs branch
      spec("name == 'a'", q({ from: 2 })), // times(2, 3): optional repetitions
      spec("name == 'a'", q({ window: 5 })), // a gap window per repetition
      spec("name == 'a'", q({ kind: 'oneOrMore', from: 1, to: undefined })),
      spec("name == 'a'", q({}), { kind: 'SKIP_TO_FIRST', stage: 'x', throwExceptionOnMiss: false }),
      spec("name == 'a'", q({}), { kind: 'SKIP_TO_NEXT' }),
      {
        ...spec("name == 'a'", q({})),
        stages: [
          ...spec("name == 'a'", q({})).stages,
          ...spec('true', q({ from: 1, to: 1 })).stages.map((s) => ({
            ...s,
            name: 'y',
            contiguity: 'followedBy' as const,
          })),
        ],
      },
    ];
    for (const s of outside) expect(compiled(s).counting ?? null, JSON.stringify(s)).toBeNull();
  });

  it('gives the general runtime’s results and partial matches at every step', () => {
    let matched = 0;
    fc.assert(
      fc.property(timesSpecArb, eventsArb, fc.boolean(), (spec, events, timeouts) => {
        const nfa = compiled(spec);
        expect(nfa.counting).not.toBeNull();
        const counting = createNfaState(nfa, { counting: true });
        const general = createNfaState(nfa);
        expect(counting.countLen).toBeGreaterThanOrEqual(0);
        events.forEach((e, i) => {
          expect(outcome(advanceTime(nfa, counting, e.ts, undefined, timeouts))).toEqual(
            outcome(advanceTime(nfa, general, e.ts, undefined, timeouts)),
          );
          const r = processEvent(nfa, general, e.record, e.ts, i);
          expect(outcome(processEvent(nfa, counting, e.record, e.ts, i))).toEqual(outcome(r));
          matched += r.matches.length;
          expect(view(nfa, counting)).toEqual(view(nfa, general));
        });
        // Still the counting representation unless a step went back in time: introspection and
        // snapshots did not convert it.
        if (events.every((e, i) => i === 0 || e.ts >= events[i - 1].ts))
          expect(counting.countLen).toBeGreaterThanOrEqual(0);
        const end = events.length > 0 ? events[events.length - 1].ts + 100 : 100;
        expect(outcome(advanceTime(nfa, counting, end, undefined, timeouts))).toEqual(
          outcome(advanceTime(nfa, general, end, undefined, timeouts)),
        );
      }),
      { numRuns: 1500, seed: 20261209 },
    );
    expect(matched).toBeGreaterThan(300);
  });

  it('turns into the general representation for an observer, and goes on exactly', () => {
    fc.assert(
      fc.property(timesSpecArb, eventsArb, fc.nat(30), (spec, events, switchAt) => {
        const nfa = compiled(spec);
        const counting = createNfaState(nfa, { counting: true });
        const general = createNfaState(nfa);
        const log: string[] = [];
        const observer = { branched: () => log.push('b') };
        events.forEach((e, i) => {
          const obs = i >= switchAt ? observer : undefined;
          expect(outcome(advanceTime(nfa, counting, e.ts, obs, true))).toEqual(
            outcome(advanceTime(nfa, general, e.ts, undefined, true)),
          );
          expect(outcome(processEvent(nfa, counting, e.record, e.ts, i, obs))).toEqual(
            outcome(processEvent(nfa, general, e.record, e.ts, i)),
          );
        });
        expect(view(nfa, counting)).toEqual(view(nfa, general));
        if (switchAt < events.length) expect(counting.countLen).toBe(-1);
      }),
      { numRuns: 500, seed: 20261210 },
    );
  });
});
