/** Flink's NFA.advanceTime over a per-key NfaState: windows time out, held matches are released. */
import { advanceCounting, leaveCounting } from './counting';
import { advanceChain, chainTimesOut, leaveChain } from './strict-chain';
import { heapOffer } from './java-heap';
import type { NfaObserver } from './observer';
import {
  compareRuns,
  keptRuns,
  lastTimestamp,
  NO_COUNTERS,
  SMALL_RUNS,
  startOnlyRuns,
  type NfaState,
  type PartialRun,
} from './runtime-state';
import { matchOf, pathOf, releaseNode } from './shared-buffer';
import { settleRunIds, takePendingIds, writeRunIds } from './run-ids';
import { MASK_STATES, noteRunList } from './stay-check';
import { EMPTY_RESULT, errorResult, processMatches, reportDiscard } from './step-outcomes';
import type { MutableRun } from './transitions';
import type { CompiledNfa, Match, NfaStepResult, TimedOutMatch } from './types';

/** EventId counters of timestamps before `ts` are no longer needed (Flink's advanceTime drops them too). */
function dropOldCounters(st: NfaState, ts: number): void {
  const c = st.counters;
  const n = c.length;
  if (n === 0 || (n === 2 && c[0] >= ts)) return;
  let keep = 0;
  for (let i = 0; i < n; i += 2) if (c[i] >= ts) keep += 2;
  if (keep === n) return;
  if (keep === 0) {
    st.counters = NO_COUNTERS;
    return;
  }
  const kept: number[] = [];
  for (let i = 0; i < n; i += 2) if (c[i] >= ts) kept.push(c[i], c[i + 1]);
  st.counters = kept;
}

function anyTimedOut(nfa: CompiledNfa, runs: readonly PartialRun[], ts: number): boolean {
  const W = nfa.windowTime;
  if (nfa.hasStateWindows === false) {
    // Only the pattern's window: the run list is a heap by start time (start runs last), so its
    // root is the oldest started run, and no other run can be older than it. The shared start-only
    // list is frozen and is not read here: a site that reads frozen and ordinary arrays makes V8
    // call its generic keyed load.
    if (runs === startOnlyRuns(nfa)) return false;
    const oldest = runs[0];
    return oldest !== undefined && oldest.startFid >= 0 && W > 0 && ts - oldest.startTs >= W;
  }
  for (const run of runs) {
    if (run.startFid < 0) continue;
    const w = (nfa.states[run.state] as { window?: number }).window;
    if ((w !== undefined && w > 0 && ts - lastTimestamp(run) >= w) || (W > 0 && ts - run.startTs >= W))
      return true;
  }
  return false;
}

/**
 * Whether the runs from `i` on, `runs[i]` a run that no window has passed, all survive and come out
 * of the survivors' heap as they are: the pattern's window is its only one (checked by the caller),
 * and they are sorted by start (compareRuns), runs not started being start runs. Then every later
 * run started no earlier than `runs[i]`, and offering a sorted list to an empty heap moves nothing.
 * Runs start in order of their start time, so the list usually is sorted: what a timeout drops is
 * its head, and the survivors are copied at once instead of offered one by one.
 */
function survivorsFrom(nfa: CompiledNfa, runs: readonly PartialRun[], i: number): boolean {
  for (let j = i + 1; j < runs.length; j++) {
    const run = runs[j];
    if (compareRuns(runs[j - 1], run) > 0 || (run.startFid < 0 && run.state !== nfa.startState)) return false;
  }
  return true;
}

/**
 * advanceTime(ts) when it can only drop EventId counters (general representation, no completed
 * run held, no run past a window): done here, true; else false and nothing changed. The caller
 * then skips what a step that changes runs needs (budget totals, outputs): for a pattern without
 * windows that is every advance of a live key.
 */
export function advanceTimeQuietly(nfa: CompiledNfa, st: NfaState, ts: number): boolean {
  if (st.countLen >= 0 || st.completed.length !== 0) return false;
  if (st.chain !== undefined) {
    if (chainTimesOut(nfa, st.chain, ts)) return false;
    dropOldCounters(st, ts);
    return true;
  }
  if (nfa.hasWindows && anyTimedOut(nfa, st.partial, ts)) return false;
  dropOldCounters(st, ts);
  return true;
}

/**
 * Advances time (Flink's NFA.advanceTime): runs whose window has passed time out, a trailing
 * notFollowedBy whose window passed completes, and held matches may be released. Timed-out partial
 * matches are built only `withTimeouts` (Flink builds them only for a TimedOutPartialMatchHandler);
 * otherwise they are dropped and counted in `timedOut`.
 */
export function advanceTime(
  nfa: CompiledNfa,
  st: NfaState,
  ts: number,
  observer?: NfaObserver,
  withTimeouts = true,
): NfaStepResult {
  if (st.countLen >= 0) {
    if (observer === undefined) {
      const r = advanceCounting(nfa, st, ts, withTimeouts);
      dropOldCounters(st, ts);
      return r ?? EMPTY_RESULT;
    }
    leaveCounting(nfa, st);
  }
  if (st.chain !== undefined) {
    if (observer === undefined) {
      const r = advanceChain(nfa, st, ts, withTimeouts);
      dropOldCounters(st, ts);
      return r;
    }
    leaveChain(nfa, st);
  }
  if (st.completed.length === 0 && (!nfa.hasWindows || !anyTimedOut(nfa, st.partial, ts))) {
    dropOldCounters(st, ts);
    return EMPTY_RESULT;
  }
  const old = st.partial;
  let next: PartialRun[] = [];
  const potential: PartialRun[] = [];
  const timeouts: TimedOutMatch[] = [];
  const matches: Match[] = [];
  const W = nfa.windowTime;
  let result: NfaStepResult | null = null;
  let changed = false;
  let dropped = 0;
  // A traced step visits every run: the reference for the cut below.
  const cut = observer === undefined && nfa.hasStateWindows === false;
  // Ids a shortcut left pending (run-ids.ts) are written as the runs are visited; an observer reads
  // them all first.
  if (observer !== undefined) settleRunIds(st);
  const start = nfa.startState;
  let id = takePendingIds(st);
  // The survivors grouped by state, for the all-stay shortcut of the next event (stay-check.ts).
  let mask = 0;
  let live = 0;
  let starts = 0;
  try {
    for (let i = 0; i < old.length; i++) {
      const run = old[i];
      if (id >= 0 && run.state !== start) (run as MutableRun).id = id++;
      const def = nfa.states[run.state] as { kind: string; window?: number; name: string };
      const w = def.window;
      if (
        def.kind === 'start' ||
        ((w === undefined || w <= 0 || ts - lastTimestamp(run) < w) && (W <= 0 || ts - run.startTs < W))
      ) {
        if (next.length === 0 && cut && survivorsFrom(nfa, old, i)) {
          if (id >= 0) writeRunIds(old, i + 1, start, id);
          next = old.slice(i);
          for (let j = i; j < old.length; j++) {
            const r = old[j];
            mask |= 1 << r.state;
            if (r.startFid >= 0) live++;
            if (r.state === start) starts++;
          }
          break;
        }
        heapOffer(next, run, compareRuns);
        mask |= 1 << run.state;
        if (run.startFid >= 0) live++;
        if (run.state === start) starts++;
        continue;
      }
      const prevTimedOut = w !== undefined && w > 0 && ts - lastTimestamp(run) >= w;
      changed = true;
      if (def.kind === 'pending') {
        heapOffer(potential, run, compareRuns);
        continue;
      }
      if (withTimeouts)
        timeouts.push({
          match: matchOf(pathOf(run.node)),
          timestamp: prevTimedOut ? lastTimestamp(run) + w : run.startTs + W,
        });
      else dropped++;
      reportDiscard(nfa, observer, run, 'window', ts);
      releaseNode(st, run.node);
    }
    if (changed || st.completed.length > 0) processMatches(nfa, st, potential, next, matches, observer, ts);
  } catch (e) {
    result = { matches, timeouts };
    errorResult(result, e);
  }
  // A list that shrank to a few runs is kept at its exact size (or as the shared start-only list).
  st.partial = !changed ? old : next.length <= SMALL_RUNS ? keptRuns(nfa, next, next.length) : next;
  // Exact unless a skip strategy may have pruned survivors (the list is then the pruned one).
  if (result === null && observer === undefined && nfa.states.length <= MASK_STATES)
    noteRunList(st.partial, mask, live, starts, !changed || nfa.skip.kind === 'NO_SKIP');
  dropOldCounters(st, ts);
  if (result !== null) {
    if (dropped > 0) result.timedOut = dropped;
    return result;
  }
  if (matches.length === 0 && timeouts.length === 0 && dropped === 0) return EMPTY_RESULT;
  return dropped > 0 ? { matches, timeouts, timedOut: dropped } : { matches, timeouts };
}
