/**
 * processEvent's shortcut for an event that leaves every run where it is (engine/nfa/runtime.ts,
 * everyRunStays): each state is tested once, the run list is kept as it is and only the ids of the
 * runs outside the start state move. The traced step (an observer of edges walks every run through
 * its decision graph) is the reference: results, runs, ids and shared buffer must be the same after
 * every step. The shortcut must also be taken where it applies (the run list stays the same array;
 * the full step rebuilds it), so removing it fails here too.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  advanceTime,
  createNfaState,
  processEvent,
  type CompiledNfa,
  type NfaState,
} from '../../../engine/nfa';
import type { EventRecord } from '../../../engine/pattern/spec';
import { patternArb } from '../differential/arbitraries';
import { compile, compileOrNull, pattern, stage, stepOutcome } from './helpers';
import { letterEvents, stateView } from './traced-steps';

/** Events over a, b, c and d; patterns name only a, b and c, so a 'd' often leaves every run where it is. */
const eventsArb = letterEvents(['a', 'b', 'c', 'd', 'd'], 16);

/** Written from the definition, apart from the runtime: does the event leave every run where it is? */
function everyRunStaysHere(nfa: CompiledNfa, st: NfaState, event: EventRecord): boolean {
  if (st.partial.length < 2 || st.completed.length > 0) return false;
  let live = 0;
  return st.partial.every((run) => {
    const sk = nfa.skips?.[run.state];
    if (sk == null || sk.guards.some((g) => (nfa.guards ?? [])[g].test(event))) return false;
    const stays = nfa.states[run.state].kind === 'start' ? !sk.takes : sk.ignoreTo === run.state;
    if (run.startFid >= 0) live++;
    return stays && live <= st.maxPartialMatches;
  });
}

describe('an event that leaves every run where it is', () => {
  it('gives the traced step’s results, runs and ids, and keeps the run list', () => {
    let taken = 0;
    fc.assert(
      fc.property(
        fc.oneof(patternArb({ nots: true, skips: true }), patternArb({ nots: true, skips: false })),
        eventsArb,
        fc.constantFrom(undefined, 1, 3),
        (spec, events, cap) => {
          const nfa = compileOrNull(spec);
          if (nfa === null) return;
          const fast = createNfaState(nfa, { maxPartialMatches: cap });
          const full = createNfaState(nfa, { maxPartialMatches: cap });
          const traced = { edge: () => undefined };
          events.forEach((e, i) => {
            expect(stepOutcome(advanceTime(nfa, fast, e.ts))).toEqual(
              stepOutcome(advanceTime(nfa, full, e.ts, traced)),
            );
            const before = fast.partial;
            const stays = everyRunStaysHere(nfa, fast, e.record);
            expect(stepOutcome(processEvent(nfa, fast, e.record, e.ts, i))).toEqual(
              stepOutcome(processEvent(nfa, full, e.record, e.ts, i, traced)),
            );
            expect(stateView(fast)).toEqual(stateView(full));
            if (stays) {
              taken++;
              expect(fast.partial).toBe(before);
            }
          });
        },
      ),
      { numRuns: 800, seed: 20261206 },
    );
    // The generators reach the shortcut often (about a third of the steps with started runs).
    expect(taken).toBeGreaterThan(200);
  });

  it('leaves to the full step what the shortcut does not do: runs over a lowered cap, a list out of heap order', () => {
    const nfa = compile(
      pattern([stage('a', 'begin', "name == 'a'"), stage('c', 'followedByAny', "name == 'c'")]),
    );
    const traced = { edge: () => undefined };
    const started = (): NfaState[] =>
      [createNfaState(nfa), createNfaState(nfa)].map((st) => {
        for (let i = 0; i < 3; i++) processEvent(nfa, st, { name: 'a' }, i + 1, i);
        return st;
      });
    // A snapshot restored under a lower cap: the full step drops the runs beyond it, with a warning.
    const [fast, full] = started();
    fast.maxPartialMatches = full.maxPartialMatches = 1;
    const r = processEvent(nfa, fast, { name: 'd' }, 5, 3);
    expect(stepOutcome(r)).toEqual(stepOutcome(processEvent(nfa, full, { name: 'd' }, 5, 3, traced)));
    expect(r.warnings).toHaveLength(1);
    expect(stateView(fast)).toEqual(stateView(full));
    // A run list that is not a heap (a hand-made snapshot): the full step pushes the runs back into one.
    const [f2, g2] = started();
    for (const st of [f2, g2]) st.partial = [...st.partial].reverse();
    processEvent(nfa, f2, { name: 'd' }, 5, 3);
    processEvent(nfa, g2, { name: 'd' }, 5, 3, traced);
    expect(stateView(f2)).toEqual(stateView(g2));
    expect(f2.partial[0].startTs).toBe(1);
  });

  it('renumbers the runs of followedByAny(B+).followedByAny(C) after a D, as the full step does', () => {
    const nfa = compile(
      pattern([
        stage('a', 'begin', "name == 'a'"),
        stage('b', 'followedByAny', "name == 'b'", { kind: 'oneOrMore', inner: 'allowCombinations' }),
        stage('c', 'followedByAny', "name == 'c'"),
      ]),
    );
    const fast = createNfaState(nfa);
    const full = createNfaState(nfa);
    const traced = { edge: () => undefined };
    const names = ['a', 'b', 'd', 'b', 'd', 'd', 'c', 'd'];
    const seen: boolean[] = [];
    names.forEach((name, i) => {
      const event = { name };
      const before = fast.partial;
      processEvent(nfa, full, event, i + 1, i, traced);
      const r = processEvent(nfa, fast, event, i + 1, i);
      seen.push(fast.partial === before);
      expect(stateView(fast)).toEqual(stateView(full));
      if (name === 'c') expect(r.matches).toHaveLength(3); // {b1}, {b2}, {b1, b2}
    });
    // The first D after a B splits the runs that just took it; the second D leaves all where they are.
    expect(seen).toEqual([false, false, false, false, false, true, false, true]);
  });
});
