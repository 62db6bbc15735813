/**
 * What a step hands out besides new runs: discards reported to the observer, completed runs released
 * as matches under the skip strategy, errors, and the shared empty result. Shared by processEvent and
 * advanceTime.
 */
import { heapOffer, heapPoll, heapRemoveIf } from './java-heap';
import type { DiscardReason, NfaObserver } from './observer';
import { compareRuns, NO_RUNS, type NfaState, type PartialRun } from './runtime-state';
import { matchOf, pathOf, releaseNode } from './shared-buffer';
import { SkipError, pruningId, shouldPrune } from './skip';
import type { CompiledNfa, Match, NfaStepResult, TimedOutMatch } from './types';

/** Report a discarded run; call before its nodes are released (the path is read here). */
export function reportDiscard(
  nfa: CompiledNfa,
  observer: NfaObserver | undefined,
  run: PartialRun,
  reason: DiscardReason,
  ts: number,
  seq?: number,
): void {
  if (!observer?.discarded) return;
  observer.discarded({
    runId: run.id,
    state: nameOf(nfa, run.state),
    reason,
    timestamp: ts,
    seq,
    match: matchOf(pathOf(run.node)),
    startTimestamp: run.startTs,
  });
}

export function nameOf(nfa: CompiledNfa, state: number): string {
  return (nfa.states[state] as { name: string }).name;
}

export function stageOf(nfa: CompiledNfa, state: number): string {
  return (nfa.states[state] as { stage: string }).stage;
}

/** Emits completed runs in start order; under a skip strategy only once no earlier-started run is alive. */
export function processMatches(
  nfa: CompiledNfa,
  st: NfaState,
  potential: PartialRun[],
  partial: PartialRun[],
  matches: Match[],
  observer: NfaObserver | undefined,
  ts: number,
): void {
  if (potential.length > 0 && st.completed === NO_RUNS) st.completed = [];
  for (let i = 0; i < potential.length; i++) heapOffer(st.completed, potential[i], compareRuns);
  const skip = nfa.skip;
  while (st.completed.length > 0) {
    const m = st.completed[0];
    if (skip.kind !== 'NO_SKIP') {
      const earliest = partial[0];
      if (earliest !== undefined && compareRuns(m, earliest) > 0) break;
    }
    heapPoll(st.completed, compareRuns);
    const path = pathOf(m.node);
    const p = pruningId(skip, path);
    if (p !== null) {
      const prune = (r: PartialRun): boolean =>
        r.startFid >= 0 && shouldPrune(skip, r.startTs, r.startFid, p);
      const drop = (r: PartialRun): void => {
        reportDiscard(nfa, observer, r, 'skip', ts);
        releaseNode(st, r.node);
      };
      heapRemoveIf(partial, prune, compareRuns, drop);
      heapRemoveIf(st.completed, prune, compareRuns, drop);
    }
    matches.push(matchOf(path));
    releaseNode(st, m.node);
  }
  // A key left with only its start run gives its drained list back (V8 keeps 17 slots after a
  // push), so keys that matched once do not each keep one; a busy key keeps its list for the next.
  if (st.completed.length === 0 && partial.length <= 1) st.completed = NO_RUNS;
}

export function errorResult(result: NfaStepResult, e: unknown): void {
  if (e instanceof SkipError) result.error = { flinkError: e.flinkError, message: e.message };
  else
    result.error = {
      flinkError: 'FlinkRuntimeException',
      message: `Failure happened in filter function: ${e instanceof Error ? e.message : String(e)}`,
    };
}

export const EMPTY_RESULT: NfaStepResult = Object.freeze({
  matches: Object.freeze([]) as unknown as Match[],
  timeouts: Object.freeze([]) as unknown as TimedOutMatch[],
});
