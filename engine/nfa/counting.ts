/**
 * The counting representation of `begin(x).times(n)` with relaxed repetitions, an event-only
 * condition, no per-state window and a skip strategy of NO_SKIP or SKIP_PAST_LAST_EVENT
 * (e.g. "more than 10 transactions by one user within one hour"). Every live run of such a pattern
 * takes exactly the events the condition accepts from its start on (a rejected event leaves every run
 * where it is), so a key's runs are just the accepted events since the oldest live start: run i
 * started at accepted event i and has taken all accepted events after it. A key then costs one entry
 * per accepted event instead of a run and a shared-buffer chain per run and event, and an event the
 * condition rejects costs one condition call. Runs come and go as Flink's do: the oldest completes
 * on its n-th event (a match; SKIP_PAST_LAST_EVENT then prunes every run), and runs time out oldest
 * first. Anything the representation cannot answer (an observer, an out-of-order step, a throwing
 * condition, introspection) turns the state back into the general representation first, exactly as
 * the general runtime would have built it.
 */
import type { EventRecord } from '../pattern/spec';
import type { CountStore } from './count-store';
import { BudgetBreach, type StepLimits } from './run-budget';
import { compareRuns, nextFid, NO_RUNS, peekFid, type NfaState, type PartialRun } from './runtime-state';
import type { BufferNode } from './shared-buffer';
import type {
  CompiledNfa,
  EdgeCondition,
  EventRef,
  Match,
  NfaConditionContext,
  NfaStateDef,
  NfaStepResult,
  TimedOutMatch,
} from './types';
import type { SkipStrategy } from '../pattern/spec';

export interface CountingShape {
  /** The stage's condition (every take), event-only. */
  readonly condition: EdgeCondition;
  readonly stage: string;
  /** Repetitions (n ≥ 2). */
  readonly n: number;
  /** states[k]: the state of a run that has taken k events (states[0] is the start state). */
  readonly states: readonly number[];
  /** Whether a match prunes every run (SKIP_PAST_LAST_EVENT); otherwise only the completed run leaves. */
  readonly prunesAll: boolean;
}

/** The pattern's counting shape, read from its automaton (not its spec), or null. */
export function countingShape(
  states: readonly NfaStateDef[],
  startState: number,
  skip: SkipStrategy,
  hasStateWindows: boolean,
): CountingShape | null {
  if (hasStateWindows) return null;
  // SKIP_TO_NEXT prunes runs that start at the match's first EventId: equal EventIds (the low-level
  // API may step back in time, where Flink's counters restart) would make it differ from NO_SKIP.
  if (skip.kind !== 'NO_SKIP' && skip.kind !== 'SKIP_PAST_LAST_EVENT') return null;
  const start = states[startState];
  if (start === undefined || start.transitions.length !== 1) return null;
  const first = start.transitions[0];
  const condition = first.condition;
  if (first.action !== 'take' || condition.eventOnly !== true) return null;
  const chain = [startState];
  let at = first.target;
  for (;;) {
    const def = states[at];
    if (def === undefined) return null;
    if (def.kind === 'final') break;
    if (def.kind !== 'normal' || def.transitions.length !== 2 || chain.includes(at)) return null;
    const take = def.transitions.find((t) => t.action === 'take');
    const ignore = def.transitions.find((t) => t.action === 'ignore');
    if (take === undefined || ignore === undefined || take.condition !== condition) return null;
    if (ignore.target !== at || ignore.condition.negates !== condition) return null;
    chain.push(at);
    at = take.target;
  }
  // Nothing else in the automaton (no stop states, no other branches).
  if (states.length !== chain.length + 1 || chain.length < 2) return null;
  return {
    condition,
    stage: start.stage,
    n: chain.length,
    states: chain,
    prunesAll: skip.kind === 'SKIP_PAST_LAST_EVENT',
  };
}

/** Whether a new key state can use the counting representation (no run would ever hit the cap). */
export function countingFits(nfa: CompiledNfa, maxPartialMatches: number): boolean {
  return nfa.counting != null && maxPartialMatches >= nfa.counting.n - 1;
}

const NO_MATCHES = Object.freeze([]) as unknown as Match[];
const NO_TIMEOUTS = Object.freeze([]) as unknown as TimedOutMatch[];
const EMPTY: NfaStepResult = Object.freeze({ matches: NO_MATCHES, timeouts: NO_TIMEOUTS });

const ctx: NfaConditionContext = {
  eventsOf: () => [],
  timestamp: 0,
};

function matchFrom(shape: CountingShape, st: NfaState, from: number, to: number): Match {
  const store = st.countStore as CountStore;
  const at = st.countAt;
  const refs: EventRef[] = [];
  for (let i = at + from; i < at + to; i++)
    refs.push({ seq: store.seq[i], timestamp: store.ts[i], event: store.events[i] as EventRecord });
  return { stages: [{ stage: shape.stage, events: refs }] };
}

function dropFirst(st: NfaState, k: number): void {
  const store = st.countStore as CountStore;
  const len = st.countLen;
  if (k >= len) {
    store.release(st.countAt, len);
    st.countAt = -1;
    st.countLen = 0;
  } else {
    store.dropFirst(st.countAt, k, len);
    st.countLen = len - k;
  }
  st.liveNodes = st.countLen;
}

/** advanceTime for a counting state: runs time out oldest first. Null when none times out. */
export function advanceCounting(
  nfa: CompiledNfa,
  st: NfaState,
  ts: number,
  withTimeouts: boolean,
): NfaStepResult | null {
  const shape = nfa.counting as CountingShape;
  const W = nfa.windowTime;
  const len = st.countLen;
  if (W <= 0 || len <= 0) return null;
  const times = (st.countStore as CountStore).ts;
  const at = st.countAt;
  if (ts - times[at] < W) return null;
  let k = 1;
  while (k < len && ts - times[at + k] >= W) k++;
  if (!withTimeouts) {
    dropFirst(st, k);
    return droppedResult(k);
  }
  const timeouts: TimedOutMatch[] = [];
  for (let i = 0; i < k; i++)
    timeouts.push({ match: matchFrom(shape, st, i, len), timestamp: times[at + i] + W });
  dropFirst(st, k);
  return { matches: [], timeouts };
}

/**
 * The result of k runs timing out unbuilt: frozen and shared (results are read, never written), so
 * the ~800k timeouts of an hour-long `times` rule cost no allocation. Small counts are kept.
 */
const DROPPED: NfaStepResult[] = [];

function droppedResult(k: number): NfaStepResult {
  const kept = DROPPED[k];
  if (kept !== undefined) return kept;
  const r: NfaStepResult = Object.freeze({ matches: NO_MATCHES, timeouts: NO_TIMEOUTS, timedOut: k });
  if (k < 64) DROPPED[k] = r;
  return r;
}

/**
 * processEvent for a counting state (no observer): null when the general path must take the step
 * (the condition threw, or the event does not come after the last accepted one).
 */
export function processCounting(
  nfa: CompiledNfa,
  st: NfaState,
  event: EventRecord,
  ts: number,
  seq: number,
  limits: StepLimits | undefined,
): NfaStepResult | null {
  const shape = nfa.counting as CountingShape;
  let accepted: boolean;
  try {
    (ctx as { timestamp: number }).timestamp = ts;
    accepted = shape.condition.test(event, ctx);
  } catch {
    return null;
  }
  if (!accepted) return EMPTY;
  const store = st.countStore as CountStore;
  const len = st.countLen;
  // Entries must come in EventId order (a step back in time restarts Flink's counters).
  if (len > 0) {
    const last = st.countAt + len - 1;
    const lastTs = store.ts[last];
    if (ts < lastTs || (ts === lastTs && peekFid(st, ts) <= store.fid[last])) return null;
  }
  // The run budget, as the general step counts it: the start run, every live run, the new one.
  if (limits !== undefined) {
    if (len + 2 > limits.runs - st.completed.length) throw new BudgetBreach('partial-matches', shape.stage);
    if (len + 1 >= shape.n && limits.matches < 1) throw new BudgetBreach('matches-per-event', shape.stage);
  }
  const fid = nextFid(st, ts);
  // Written in place: most keys hold one or two entries, in a block of their size.
  let at = st.countAt;
  if (len === 0) at = st.countAt = store.alloc(0);
  else if (len === store.capacity(at)) at = st.countAt = store.grow(at, len);
  store.set(at + len, ts, fid, seq, event);
  st.countLen = len + 1;
  st.liveNodes = len + 1;
  // Flink's flag for the operator's window timer (a run spawned from the start state, ts > 0).
  if (ts > 0) st.newStartPartialMatch = true;
  if (len + 1 < shape.n) return EMPTY;
  const match = matchFrom(shape, st, 0, shape.n);
  dropFirst(st, shape.prunesAll ? len + 1 : 1);
  return { matches: [match], timeouts: [] };
}

/**
 * The general representation of a counting state's runs, as the general runtime would hold them:
 * run i in the state of i's taken count with its own chain of shared-buffer nodes, sorted by start
 * (a valid heap), the start run last. `nextRunId` numbers the new runs.
 */
export function generalRuns(
  nfa: CompiledNfa,
  st: NfaState,
  nextRunId: number,
): { partial: PartialRun[]; liveNodes: number; nextRunId: number } {
  const shape = nfa.counting as CountingShape;
  const store = st.countStore as CountStore;
  const at = st.countAt;
  const len = st.countLen;
  const partial: PartialRun[] = [];
  let liveNodes = 0;
  let id = nextRunId;
  for (let i = 0; i < len; i++) {
    let node: BufferNode | null = null;
    for (let j = i; j < len; j++) {
      const parent: BufferNode | null = node;
      node = {
        stage: shape.stage,
        event: store.events[at + j] as EventRecord,
        ts: store.ts[at + j],
        seq: store.seq[at + j],
        fid: store.fid[at + j],
        parent,
        refs: 1,
        memo: null,
      };
      liveNodes++;
    }
    partial.push({
      id: id++,
      state: shape.states[len - i],
      node,
      startTs: store.ts[at + i],
      startFid: store.fid[at + i],
    });
  }
  partial.sort(compareRuns);
  partial.push(st.partial[st.partial.length - 1]);
  return { partial, liveNodes, nextRunId: id };
}

/** Turns a counting state into the general representation, in place. */
export function leaveCounting(nfa: CompiledNfa, st: NfaState): void {
  const g = generalRuns(nfa, st, st.nextRunId);
  st.partial = g.partial;
  st.liveNodes = g.liveNodes;
  st.nextRunId = g.nextRunId;
  st.completed = NO_RUNS;
  // The store stays with the state (compactAgain may count again); the block goes back.
  if (st.countAt >= 0) (st.countStore as CountStore).release(st.countAt, st.countLen);
  st.countAt = -1;
  st.countLen = -1;
}
