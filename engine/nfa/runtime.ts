/**
 * The NFA step function (Flink's NFA.process) over a per-key NfaState; advanceTime is in advance-time.ts,
 * the transition computation in transitions.ts, the start-run shortcuts in start-step.ts and the
 * no-change checks in stay-check.ts.
 * Hot path notes: scratch arrays are reused between calls, the start run object is reused, and
 * the condition context materializes bound events only when a condition asks for them.
 */
import type { EventGuard } from '../expr/guard';
import type { EventRecord } from '../pattern/spec';
import { leaveCounting, processCounting } from './counting';
import { leaveChain, processChain } from './strict-chain';
import { heapOffer, heapPushAt } from './java-heap';
import type { NfaObserver } from './observer';
import { BudgetBreach, busiestStage, type StepLimits } from './run-budget';
import { compareRuns, keptRuns, SMALL_RUNS, type NfaState, type PartialRun } from './runtime-state';
import { proceedFinals } from './proceed-final';
import { releaseNode } from './shared-buffer';
import { renumberLater, settleRunIds, takePendingIds } from './run-ids';
import {
  everyRunStays,
  forgetRunList,
  guardsFail,
  MASK_STATES,
  newGuardStep,
  noteRunList,
} from './stay-check';
import { EMPTY_RESULT, errorResult, nameOf, processMatches, reportDiscard, stageOf } from './step-outcomes';
import {
  computeNextStates,
  lastParentId,
  lastParentState,
  produced,
  producedN,
  step,
  type MutableRun,
} from './transitions';
import type { CompiledNfa, Match, NfaStepResult, NfaTransition } from './types';

export { advanceTime } from './advance-time';
export { eventIsInert } from './stay-check';
export { startsNothing, traceStart } from './start-step';

/** Empties a scratch array; writing `length` is a runtime call, so skip it when already empty. */
function clear(a: unknown[]): void {
  if (a.length !== 0) a.length = 0;
}

let finalsOf: CompiledNfa | null = null;
let finalsTable: Int32Array = new Int32Array(0);
/** Count-based, like the lists above: completed runs of the step, in production order. */
const potential: PartialRun[] = [];
const nextScratch: PartialRun[] = [];
const oneRun: PartialRun[] = [];

const matchScratch: Match[] = [];

/** Stops the step: which limit, and the stage that grew (the completing stage for matches). */
function overBudget(
  nfa: CompiledNfa,
  next: readonly PartialRun[],
  nextN: number,
  potential: readonly PartialRun[],
  potentialN: number,
  matchCap: number,
): never {
  if (potentialN > matchCap) throw new BudgetBreach('matches-per-event', potential[0].node?.stage ?? '');
  throw new BudgetBreach(
    'partial-matches',
    busiestStage(nfa, nextN > 0 ? next : potential, nextN || potentialN),
  );
}

/**
 * Feeds one event (Flink's NFA.process). Call advanceTime(ts) first, as Flink's operator does:
 * windows are only checked there. The returned result may be a shared frozen empty object.
 */
export function processEvent(
  nfa: CompiledNfa,
  st: NfaState,
  event: EventRecord,
  ts: number,
  seq: number,
  observer?: NfaObserver,
  /** The matcher's run budget for this step (see run-budget.ts); absent: unlimited. */
  limits?: StepLimits,
): NfaStepResult {
  if (st.countLen >= 0) {
    if (observer === undefined) {
      const r = processCounting(nfa, st, event, ts, seq, limits);
      if (r !== null) return r;
    }
    leaveCounting(nfa, st);
  }
  if (st.chain !== undefined) {
    if (observer === undefined) {
      const r = processChain(nfa, st, event, ts, seq, limits);
      if (r !== null) return r;
    }
    leaveChain(nfa, st);
  }
  step.nfa = nfa;
  step.st = st;
  step.event = event;
  step.ts = ts;
  step.seq = seq;
  step.fid = -1;
  step.observer = observer;
  newGuardStep();
  // Skips bypass the decision graph: not when an observer wants to see its edges.
  const skips = observer?.edge === undefined ? nfa.skips : undefined;
  if (finalsOf !== nfa) {
    finalsOf = nfa;
    finalsTable = proceedFinals(nfa);
  }
  step.finals = observer?.edge === undefined ? finalsTable : null;
  const guards = nfa.guards as readonly EventGuard[];
  const old = st.partial;
  const lone = old.length === 1 && st.completed.length === 0 && old[0].startFid < 0;
  // The loop reads a one-run list through a scratch array: the shared start-only list is frozen,
  // and a site that reads frozen and ordinary arrays makes V8 call its generic keyed load for every
  // run (~6 % of the blow-up's instructions).
  let runs = old;
  if (old.length === 1) {
    oneRun[0] = old[0];
    runs = oneRun;
  }
  // Double-buffered run arrays: the previous step's array is reused for the next one.
  // Its slots are overwritten in place (nextN counts them) and truncated once, only if it shrank.
  // Small run lists are built in one shared scratch array and copied out at their exact size: a
  // reused per-key array would keep V8's 17-slot growth (~150 heap bytes) for every key twice.
  const big = old.length > SMALL_RUNS;
  const next = big ? (st.spare ?? []) : nextScratch;
  let nextN = 0;
  let potentialN = 0;
  let dropped = 0;
  let live = 0;
  const matches = matchScratch;
  clear(matches);
  let result: NfaStepResult | null = null;
  // The run budget (run-budget.ts): runs this key may hold and matches this event may complete.
  const runCap = limits === undefined ? Number.POSITIVE_INFINITY : limits.runs - st.completed.length;
  const matchCap = limits === undefined ? Number.POSITIVE_INFINITY : limits.matches;
  // Every run stays (see everyRunStays): only the ids of the runs outside the start state move,
  // and they are written when read (run-ids.ts).
  if (observer === undefined && skips !== undefined && old.length > 1 && matchCap >= 0) {
    const nonStart = everyRunStays(nfa, st, skips, guards, event, runCap);
    if (nonStart >= 0) {
      renumberLater(nfa, st, nonStart);
      return EMPTY_RESULT;
    }
  }
  // This step gives every run it keeps a new id (an observer reads the old ones first), and moves
  // runs of the old list in place.
  if (observer === undefined) takePendingIds(st);
  else settleRunIds(st);
  forgetRunList(old);
  const startState = nfa.startState;
  let mask = 0;
  let starts = 0;
  // Whether a skip strategy may have pruned runs after the summary above was counted.
  let pruned = false;
  try {
    for (let i = 0; i <= runs.length; i++) {
      if (nextN + potentialN > runCap || potentialN > matchCap)
        overBudget(nfa, next, nextN, potential, potentialN, matchCap);
      if (i === runs.length) break;
      const run = runs[i];
      let pre: readonly NfaTransition[] | null = null;
      if (skips !== undefined) {
        const sk = skips[run.state];
        if (sk != null && guardsFail(guards, sk.guards, event)) {
          if (sk.ignoreTo < 0 && sk.edges.length === 0) {
            // No edge holds: a start run stays (a lone one changes nothing), any other run dies.
            // What computeNextStates and the retained branch below do with no edge, without them.
            if ((nfa.states[run.state] as { kind: string }).kind === 'start') {
              if (lone) return EMPTY_RESULT;
              heapPushAt(next, nextN++, run, compareRuns);
              mask |= 1 << run.state;
              starts++;
            } else {
              reportDiscard(nfa, observer, run, 'no-transition', ts, seq);
              releaseNode(st, run.node);
            }
            continue;
          }
          if (sk.ignoreTo < 0) pre = sk.edges;
          else {
            // The run only moves to sk.ignoreTo: what computeNextStates and the retained branch below do for one ignore edge.
            const m = run as MutableRun;
            const parentRunId = run.id;
            m.id = st.nextRunId++;
            m.state = sk.ignoreTo;
            if (observer?.branched)
              observer.branched({
                parentRunId,
                runId: run.id,
                via: 'ignore',
                state: nameOf(nfa, sk.ignoreTo),
                stage: stageOf(nfa, sk.edges[0].source),
                timestamp: ts,
                seq,
              });
            if (run.startFid >= 0 && live >= st.maxPartialMatches) {
              dropped++;
              reportDiscard(nfa, observer, run, 'cap', ts, seq);
              releaseNode(st, run.node);
              continue;
            }
            if (run.startFid >= 0) live++;
            heapPushAt(next, nextN++, run, compareRuns);
            mask |= 1 << sk.ignoreTo;
            continue;
          }
        }
      }
      const wasStart = (nfa.states[run.state] as { kind: string }).kind === 'start';
      computeNextStates(step, run, pre);
      // Fast path: a key with only its start run, where the event starts nothing, changes nothing.
      if (lone && producedN === 1) return EMPTY_RESULT;
      // Two passes over the produced runs (kinds first, then what to do with the rest) rather than
      // copies into per-kind lists: each store of a new run into a long-lived array costs a write barrier.
      let discard = false;
      let completed = false;
      let retainedN = 0;
      for (let p = 0; p < producedN; p++) {
        const r = produced[p];
        if (wasStart && r.startTs > 0 && r !== run) st.newStartPartialMatch = true;
        const kind = (nfa.states[r.state] as { kind: string }).kind;
        if (kind === 'final') {
          completed = true;
          potential[potentialN++] = r;
        } else if (kind === 'stop') discard = true;
        else retainedN++;
      }
      if (discard) {
        // A run whose only way on hit a NOT stage dies here; say so before its path is released.
        if (retainedN === 0 && !completed && !wasStart)
          reportDiscard(nfa, observer, { ...run, id: lastParentId, state: lastParentState }, 'stop', ts, seq);
        for (let p = 0; p < producedN; p++) {
          const r = produced[p];
          const kind = (nfa.states[r.state] as { kind: string }).kind;
          if (kind === 'final' || kind === 'stop') continue;
          reportDiscard(nfa, observer, r, 'stop', ts, seq);
          releaseNode(st, r.node);
        }
        for (let p = 0; p < producedN; p++) {
          const r = produced[p];
          if ((nfa.states[r.state] as { kind: string }).kind === 'stop') releaseNode(st, r.node);
        }
        continue;
      }
      for (let p = 0; p < producedN; p++) {
        const r = produced[p];
        if (retainedN < producedN && (nfa.states[r.state] as { kind: string }).kind === 'final') continue;
        if (r.startFid >= 0 && live >= st.maxPartialMatches) {
          dropped++;
          reportDiscard(nfa, observer, r, 'cap', ts, seq);
          releaseNode(st, r.node);
          continue;
        }
        if (r.startFid >= 0) live++;
        heapPushAt(next, nextN++, r, compareRuns);
        mask |= 1 << r.state;
        if (r.state === startState) starts++;
      }
    }
    if (nextN !== next.length) next.length = nextN;
    nextN = -1;
    if (potentialN > 0 || st.completed.length > 0) {
      pruned = nfa.skip.kind !== 'NO_SKIP';
      // Flink adds the new completed runs to the queue as a heap built in production order.
      const potentialHeap: PartialRun[] = [];
      for (let p = 0; p < potentialN; p++) heapOffer(potentialHeap, potential[p], compareRuns);
      processMatches(nfa, st, potentialHeap, next, matches, observer, ts);
    }
  } catch (e) {
    if (e instanceof BudgetBreach) throw e;
    result = { matches: [], timeouts: [] };
    errorResult(result, e);
  }
  // Thrown before the run list was cut to size: drop its stale slots.
  if (nextN >= 0 && nextN !== next.length) next.length = nextN;
  if (big) {
    st.partial = next;
    st.spare = old === next ? undefined : old;
  } else {
    st.partial = keptRuns(nfa, next, next.length);
    st.spare = undefined;
  }
  if (result === null) {
    // A traced step (the debugger's) leaves the summary to the untraced keys.
    if (observer === undefined && nfa.states.length <= MASK_STATES)
      noteRunList(st.partial, mask, live, starts, !pruned);
    if (matches.length === 0 && dropped === 0) return EMPTY_RESULT;
    result = { matches: matches.slice(), timeouts: [] };
  } else result.matches = matches.slice();
  if (dropped > 0)
    result.warnings = [
      `partial-match limit of ${st.maxPartialMatches} reached: ${dropped} new partial match${dropped === 1 ? ' was' : 'es were'} dropped at timestamp ${ts}; matches may be missed`,
    ];
  return result;
}
