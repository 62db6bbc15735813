/**
 * The all-stay shortcut over runs grouped by state, with ids written when read (engine/nfa/stay-check.ts,
 * engine/nfa/run-ids.ts): a list the last step built is summarized by the states holding runs, so an
 * event that leaves them all where they are costs one check per state, and the ids it would give
 * are written only when an observer, a snapshot or introspection reads them. Two keys take turns
 * (the summary and the pending ids are kept for one list at a time), time passes (advanceTime writes
 * the ids of the runs it keeps), caps are lowered (a restored snapshot), and states are read only
 * now and then, through the public readers, so ids stay pending over several events. The traced
 * step (an observer of edges walks every run) is the reference.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  advanceTime,
  createNfaState,
  listPartialMatches,
  processEvent,
  snapshotNfaState,
  type CompiledNfa,
  type NfaState,
} from '../../../engine/nfa';
import type { NfaObserver } from '../../../engine/nfa/observer';
import { runListSummary } from '../../../engine/nfa/stay-check';
import { patternArb } from '../differential/arbitraries';
import { compile, compileOrNull, outcome, pattern, stage } from './helpers';
import { blowUpPattern } from './traced-steps';

type Look = 'none' | 'snapshot' | 'snapshotAfterTime' | 'introspect' | 'observe' | 'cap';

interface Item {
  name: string;
  gap: number;
  key: number;
  look: Look;
}

const itemsArb: fc.Arbitrary<Item[]> = fc.array(
  fc.record({
    // Patterns name a, b and c: a 'd' often leaves every run where it is.
    name: fc.constantFrom('a', 'b', 'c', 'd', 'd', 'd'),
    gap: fc.integer({ min: 0, max: 2 }),
    key: fc.integer({ min: 0, max: 1 }),
    look: fc.constantFrom<Look>(
      ...(['none', 'none', 'none', 'none', 'none', 'snapshot', 'snapshotAfterTime'] as const),
      ...(['introspect', 'observe', 'cap'] as const),
    ),
  }),
  { maxLength: 30 },
);

/** An observer that records what it is told (ids included), edges left out unless `edges`. */
function recorder(log: unknown[], edges: boolean): NfaObserver {
  const o: NfaObserver = {
    branched: (e) => log.push(['branched', e]),
    discarded: (e) => log.push(['discarded', e]),
  };
  if (edges) o.edge = () => undefined;
  return o;
}

/**
 * Written from the definition, apart from the runtime: the summary of a list (when it is the one
 * summarized) names every state holding runs, counts the runs in the start state exactly and the
 * started runs at most by excess; an exact one names only those states and counts them exactly.
 */
function expectSummaryHolds(nfa: CompiledNfa, st: NfaState): void {
  const s = runListSummary(st.partial);
  if (s === null) return;
  for (const r of st.partial) expect(s.mask & (1 << r.state)).not.toBe(0);
  expect(s.starts).toBe(st.partial.filter((r) => r.state === nfa.startState).length);
  const live = st.partial.filter((r) => r.startFid >= 0).length;
  expect(s.live).toBeGreaterThanOrEqual(live);
  if (s.exact) {
    expect(s.mask).toBe(st.partial.reduce((m, r) => m | (1 << r.state), 0));
    expect(s.live).toBe(live);
  }
}

function expectSameReads(nfa: CompiledNfa, fast: NfaState, full: NfaState, look: Look): void {
  if (look === 'snapshot' || look === 'snapshotAfterTime')
    expect(snapshotNfaState(nfa, fast)).toEqual(snapshotNfaState(nfa, full));
  if (look === 'introspect') expect(listPartialMatches(nfa, fast)).toEqual(listPartialMatches(nfa, full));
}

/** Feeds the items to two keys untraced (`fast`) and traced (`full`); returns how often the shortcut kept a list. */
function expectAsTraced(nfa: CompiledNfa, items: readonly Item[], cap: number | undefined): number {
  const fast = [
    createNfaState(nfa, { maxPartialMatches: cap }),
    createNfaState(nfa, { maxPartialMatches: cap }),
  ];
  const full = [
    createNfaState(nfa, { maxPartialMatches: cap }),
    createNfaState(nfa, { maxPartialMatches: cap }),
  ];
  const traced = { edge: () => undefined };
  let kept = 0;
  let ts = 1;
  items.forEach((item, i) => {
    ts += item.gap;
    const [f, g] = [fast[item.key], full[item.key]];
    if (item.look === 'cap') f.maxPartialMatches = g.maxPartialMatches = 1;
    expect(outcome(advanceTime(nfa, f, ts))).toEqual(outcome(advanceTime(nfa, g, ts, traced)));
    expectSummaryHolds(nfa, f);
    if (item.look === 'snapshotAfterTime') expectSameReads(nfa, f, g, item.look);
    const event = { name: item.name, price: i };
    const before = f.partial;
    if (item.look === 'observe') {
      const seenFast: unknown[] = [];
      const seenFull: unknown[] = [];
      expect(outcome(processEvent(nfa, f, event, ts, i, recorder(seenFast, false)))).toEqual(
        outcome(processEvent(nfa, g, event, ts, i, recorder(seenFull, true))),
      );
      expect(seenFast).toEqual(seenFull);
    } else {
      expect(outcome(processEvent(nfa, f, event, ts, i))).toEqual(
        outcome(processEvent(nfa, g, event, ts, i, traced)),
      );
    }
    if (f.partial === before && before.length > 1) kept++;
    expect(f.nextRunId).toBe(g.nextRunId);
    expectSummaryHolds(nfa, f);
    if (item.look !== 'snapshotAfterTime') expectSameReads(nfa, f, g, item.look);
  });
  // Every window passes; then both keys are read.
  ts += 100;
  for (const k of [0, 1]) {
    expect(outcome(advanceTime(nfa, fast[k], ts))).toEqual(outcome(advanceTime(nfa, full[k], ts, traced)));
    expectSameReads(nfa, fast[k], full[k], 'snapshot');
  }
  return kept;
}

describe('runs grouped by state, ids written when read', () => {
  it('give the traced step’s results, ids and observed events, two keys taking turns', () => {
    let kept = 0;
    fc.assert(
      fc.property(
        fc.oneof(patternArb({ nots: true, skips: true }), patternArb({ nots: true, skips: false })),
        itemsArb,
        fc.constantFrom(undefined, 2, 4),
        (spec, items, cap) => {
          const nfa = compileOrNull(spec);
          if (nfa === null) return;
          kept += expectAsTraced(nfa, items, cap);
        },
      ),
      { numRuns: 1500, seed: 20261207 },
    );
    // The generators reach the shortcut often.
    expect(kept).toBeGreaterThan(150);
  });

  it('reads ids left pending over several events, across a timeout and another key’s shortcut', () => {
    const nfa = blowUpPattern(20);
    // [name, key, look]: key 0's subsets of four Bs make lists of over 16 runs (held in two arrays
    // used in turn); Ds leave ids pending before a full step, a read, a timeout, another key's shortcut.
    const steps: [string, number, Look][] = [
      ['a', 0, 'none'],
      ['b', 0, 'none'],
      ['b', 0, 'none'],
      ['b', 0, 'none'],
      ['b', 0, 'none'],
      ['d', 0, 'none'],
      ['d', 0, 'none'], // pending
      ['b', 0, 'none'], // a full step, then another: the first array is the list again
      ['b', 0, 'snapshot'],
      ['d', 0, 'none'],
      ['a', 0, 'none'],
      ['b', 0, 'none'],
      ['d', 0, 'none'],
      ...Array.from({ length: 7 }, (): [string, number, Look] => ['d', 0, 'none']), // pending
      ['d', 0, 'snapshotAfterTime'], // the first A's runs time out, the second's survive
      ['d', 0, 'none'],
      ['a', 1, 'none'],
      ['d', 1, 'none'], // key 1's shortcut writes key 0's pending ids
      ['d', 0, 'snapshot'],
      ['c', 0, 'observe'],
      ['d', 0, 'none'],
    ];
    const items: Item[] = steps.map(([name, key, look]) => ({ name, gap: 1, key, look }));
    expect(expectAsTraced(nfa, items, undefined)).toBeGreaterThan(3);
  });

  it('leaves a list with more started runs than a lowered cap to the full step', () => {
    const nfa = compile(
      pattern([stage('a', 'begin', "name == 'a'"), stage('c', 'followedByAny', "name == 'c'")]),
    );
    const fast = createNfaState(nfa);
    for (let i = 0; i < 3; i++) processEvent(nfa, fast, { name: 'a' }, i + 1, i);
    // The list the last step built, summarized: three started runs, then a cap of one.
    fast.maxPartialMatches = 1;
    const before = fast.partial;
    const r = processEvent(nfa, fast, { name: 'd' }, 5, 3);
    expect(r.warnings).toHaveLength(1);
    expect(fast.partial).not.toBe(before);
    expect(fast.partial).toHaveLength(2);
  });
});
