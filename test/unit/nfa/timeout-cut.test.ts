/**
 * advanceTime's cut (engine/nfa/advance-time.ts, survivorsFrom): where the pattern's window is its only
 * one and the runs that survive a timeout are the sorted tail of the list, they are copied at once
 * instead of offered to the survivors' heap one by one. The traced step (an observer visits every
 * run) is the reference: timeouts in the same order with the same timestamps, the same matches, and
 * the same runs in the same list order after every step, with timeouts built or only counted.
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
import { compareRuns } from '../../../engine/nfa/runtime-state';
import { patternArb } from '../differential/arbitraries';
import { compile, compileOrNull, outcome, pattern, stage } from './helpers';
import { blowUpPattern, letterEvents, stateView, type TimedEvent } from './traced-steps';

/** Written from the definition, apart from the runtime: a started run the pattern's window has passed. */
function timedOut(nfa: CompiledNfa, run: NfaState['partial'][number], ts: number): boolean {
  return run.startFid >= 0 && nfa.windowTime > 0 && ts - run.startTs >= nfa.windowTime;
}

/** Whether the cut can apply at `ts`: a timed-out head, then a survivor with a sorted tail after it. */
function cutApplies(nfa: CompiledNfa, st: NfaState, ts: number): { head: boolean; sortedTail: boolean } {
  const runs = st.partial;
  let i = 0;
  while (i < runs.length && timedOut(nfa, runs[i], ts)) i++;
  let sorted = i < runs.length;
  for (let j = i + 1; j < runs.length; j++) if (compareRuns(runs[j - 1], runs[j]) > 0) sorted = false;
  return { head: i > 0, sortedTail: sorted };
}

/**
 * Reverses the runs after the head the window has passed at `ts`, as a hand-made or restored list
 * could hold them (the step keeps lists sorted): the same positions in both states.
 */
function disorder(nfa: CompiledNfa, states: NfaState[], ts: number): void {
  for (const st of states) {
    let i = 0;
    while (i < st.partial.length && timedOut(nfa, st.partial[i], ts)) i++;
    st.partial = [...st.partial.slice(0, i), ...st.partial.slice(i).reverse()];
  }
}

function expectCutAsTraced(
  nfa: CompiledNfa,
  events: readonly TimedEvent[],
  withTimeouts: boolean,
  seen: { cut: number; unsorted: number },
  disordered = false,
): void {
  const fast = createNfaState(nfa);
  const full = createNfaState(nfa);
  const traced = { edge: () => undefined };
  events.forEach((e, i) => {
    if (disordered) disorder(nfa, [fast, full], e.ts);
    const at = cutApplies(nfa, fast, e.ts);
    if (at.head && nfa.hasStateWindows === false) {
      if (at.sortedTail) seen.cut++;
      else seen.unsorted++;
    }
    expect(outcome(advanceTime(nfa, fast, e.ts, undefined, withTimeouts))).toEqual(
      outcome(advanceTime(nfa, full, e.ts, traced, withTimeouts)),
    );
    expect(stateView(fast)).toEqual(stateView(full));
    expect(outcome(processEvent(nfa, fast, e.record, e.ts, i))).toEqual(
      outcome(processEvent(nfa, full, e.record, e.ts, i, traced)),
    );
    expect(stateView(fast)).toEqual(stateView(full));
  });
  // The end of the stream: every window passes.
  const end = (events.at(-1)?.ts ?? 0) + 100;
  expect(outcome(advanceTime(nfa, fast, end, undefined, withTimeouts))).toEqual(
    outcome(advanceTime(nfa, full, end, traced, withTimeouts)),
  );
  expect(stateView(fast)).toEqual(stateView(full));
}

describe('a timeout as a cut of the run list', () => {
  it('times out what visiting every run times out, in the same order, on random patterns, windows and skips', () => {
    const seen = { cut: 0, unsorted: 0 };
    fc.assert(
      fc.property(
        fc.oneof(patternArb({ nots: true, skips: true }), patternArb({ nots: true, skips: false })),
        letterEvents(['a', 'b', 'c', 'd'], 24),
        fc.boolean(),
        fc.boolean(),
        fc.boolean(),
        (spec, events, withTimeouts, disordered, stateWindows) => {
          // PREVIOUS_AND_CURRENT gives states windows of their own: no cut there.
          const nfa = compileOrNull(
            stateWindows && spec.within
              ? { ...spec, within: { ...spec.within, type: 'PREVIOUS_AND_CURRENT' } }
              : spec,
          );
          if (nfa === null) return;
          expectCutAsTraced(nfa, events, withTimeouts, seen, disordered);
        },
      ),
      { numRuns: 1000, seed: 20261207 },
    );
    // The generators reach both sides of the guard: sorted survivors (the cut) and unsorted ones
    // (only in hand-disordered lists: the step keeps them sorted).
    expect(seen.cut).toBeGreaterThan(50);
    expect(seen.unsorted).toBeGreaterThan(5);
  });

  it('keeps the survivors’ heap order when their tail is not sorted', () => {
    // followedByAny(b) keeps every a's run waiting; their list reversed after the timed-out head
    // is a list a heap rebuild reorders.
    const nfa = compile(
      pattern([stage('a', 'begin', "name == 'a'"), stage('b', 'followedByAny', "name == 'b'")], undefined, {
        within: { ms: 3, type: 'FIRST_AND_LAST' },
      }),
    );
    const events: TimedEvent[] = ['a', 'a', 'a', 'a', 'a', 'a', 'a'].map((name, i) => ({
      record: { name },
      ts: i + 1,
    }));
    const seen = { cut: 0, unsorted: 0 };
    expectCutAsTraced(nfa, events, true, seen, true);
    expectCutAsTraced(nfa, events, false, seen, true);
    expect(seen.unsorted).toBeGreaterThan(0);
  });

  it('leaves a run outside the start state that never started to the visit', () => {
    // Not made by a step (a run leaves the start state by taking an event); a hand-made list may
    // hold one, sorted among the start runs, and the window times it out.
    const nfa = compile(
      pattern([stage('a', 'begin', "name == 'a'"), stage('b', 'followedByAny', "name == 'b'")], undefined, {
        within: { ms: 3, type: 'FIRST_AND_LAST' },
      }),
    );
    const traced = { edge: () => undefined };
    const [fast, full] = [createNfaState(nfa), createNfaState(nfa)].map((st) => {
      processEvent(nfa, st, { name: 'a' }, 1, 0);
      processEvent(nfa, st, { name: 'a' }, 5, 1);
      const waiting = st.partial[1];
      st.partial = [...st.partial, { ...waiting, id: 99, node: null, startTs: -1, startFid: -1 }];
      return st;
    });
    const r = advanceTime(nfa, fast, 6);
    expect(outcome(r)).toEqual(outcome(advanceTime(nfa, full, 6, traced)));
    expect(r.timeouts).toHaveLength(2);
    expect(stateView(fast)).toEqual(stateView(full));
  });

  it('drops the oldest subsets of the blow-up pattern at once, as the traced step does', () => {
    const nfa = blowUpPattern(6);
    const names = ['a', 'b', 'a', 'b', 'd', 'b', 'c', 'a', 'b', 'b', 'd', 'c', 'b', 'd', 'd', 'c'];
    const events = names.map((name, i) => ({ record: { name }, ts: i + 1 }));
    const seen = { cut: 0, unsorted: 0 };
    expectCutAsTraced(nfa, events, true, seen);
    expect(seen.cut).toBeGreaterThan(0);
  });
});
