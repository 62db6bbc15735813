/**
 * The strict-chain representation of a pattern whose automaton is one line of take edges:
 * `begin(a).next(b).next(c)` with singleton stages, event-only conditions, no per-state window and a
 * skip strategy of NO_SKIP, SKIP_TO_NEXT or SKIP_PAST_LAST_EVENT. In Flink's NFA a run of such a
 * pattern that has taken d events either takes the next event (its state's one condition holds) or
 * dies; it never waits or branches. So every live run has taken a suffix of the key's last taken
 * events, at most one run has taken d events, and a key's runs are: their depths and ids, in Flink's
 * queue (heap) order, plus the deepest run's events. A step is then a condition call per run and a
 * few integer writes: no run objects, no shared-buffer nodes, no heap of objects. Matches, timeouts,
 * run ids, EventId counters, the heap's array order and the window-timer flag are exactly the general
 * runtime's. Anything the representation does not answer (an observer, a step back in time, a
 * throwing condition, a step near the run budget) turns the state into the general representation
 * first, exactly as the general runtime would hold it.
 */
import type { EventRecord, SkipStrategy } from '../pattern/spec';
import { nextFid, peekFid, type NfaState, type PartialRun } from './runtime-state';
import { matchOf, type BufferNode } from './shared-buffer';
import type { StepLimits } from './run-budget';
import { EMPTY_RESULT } from './step-outcomes';
import type {
  CompiledNfa,
  EdgeCondition,
  Match,
  NfaConditionContext,
  NfaStateDef,
  NfaStepResult,
  TimedOutMatch,
} from './types';

export interface ChainShape {
  /** conditions[d]: the take condition of a run that has taken d events (d = 0: the start run). */
  readonly conditions: readonly EdgeCondition[];
  /** states[d]: the state of a run that has taken d events; states[n] is the final state. */
  readonly states: readonly number[];
  /** stages[d]: the stage the (d+1)-th taken event is bound to. */
  readonly stages: readonly string[];
  /** Stages in the line (n ≥ 1): a run that takes its n-th event completes. */
  readonly n: number;
  /** Whether a match prunes every run (SKIP_PAST_LAST_EVENT). */
  readonly prunesAll: boolean;
}

/** A key's runs in the strict-chain representation. Written in place; NO_CHAIN is shared until the first take. */
export interface ChainRuns {
  /** Per slot of Flink's queue (its heap array, here sorted: see push): the run's taken count; 0 is the start run. */
  depth: number[];
  /** Per slot: the run's id (the start run's is the one in NfaState.partial). */
  ids: number[];
  size: number;
  /** The deepest run's events, oldest first: the event, and [timestamp, seq, EventId counter] at 3i. */
  events: EventRecord[];
  nums: number[];
  len: number;
}

/** Numbers per taken event in ChainRuns.nums: timestamp, seq, EventId counter. */
const STRIDE = 3;

/** The pattern's strict-chain shape, read from its automaton (not its spec), or null. */
export function chainShape(
  states: readonly NfaStateDef[],
  startState: number,
  skip: SkipStrategy,
  hasStateWindows: boolean,
): ChainShape | null {
  if (hasStateWindows) return null;
  // SKIP_TO_FIRST/LAST prune by a stage's event and may throw: not served here.
  if (skip.kind !== 'NO_SKIP' && skip.kind !== 'SKIP_TO_NEXT' && skip.kind !== 'SKIP_PAST_LAST_EVENT')
    return null;
  const conditions: EdgeCondition[] = [];
  const chain: number[] = [];
  const stages: string[] = [];
  let at = startState;
  for (;;) {
    const def = states[at];
    if (def === undefined || chain.includes(at)) return null;
    chain.push(at);
    if (def.kind === 'final') break;
    if (def.kind !== (at === startState ? 'start' : 'normal') || def.transitions.length !== 1) return null;
    const t = def.transitions[0];
    if (t.action !== 'take' || t.condition.eventOnly !== true) return null;
    conditions.push(t.condition);
    stages.push(def.stage);
    at = t.target;
  }
  // Nothing else in the automaton (no stop states, no other branches).
  if (states.length !== chain.length || conditions.length < 1) return null;
  return {
    conditions,
    states: chain,
    stages,
    n: conditions.length,
    prunesAll: skip.kind === 'SKIP_PAST_LAST_EVENT',
  };
}

/** Whether a new key state can use the representation (no run would ever hit the cap). */
export function chainFits(nfa: CompiledNfa, maxPartialMatches: number): boolean {
  return nfa.chain != null && maxPartialMatches >= nfa.chain.n - 1;
}

/**
 * Shared by every chain state before its first take (replaced, never written): the start run alone.
 * A state whose runs all died under a window returns to it: the window timer holds the key until it
 * fires, and its arrays would stay allocated with nothing in them (most of `login-takeover`'s keys).
 * Without a window the key is swept soon, and its arrays serve the next key.
 */
export const NO_CHAIN: ChainRuns = Object.freeze({
  depth: Object.freeze([0]) as unknown as number[],
  ids: Object.freeze([0]) as unknown as number[],
  size: 1,
  events: Object.freeze([]) as unknown as EventRecord[],
  nums: Object.freeze([]) as unknown as number[],
  len: 0,
});

function newChain(n: number): ChainRuns {
  return {
    depth: new Array<number>(n + 1).fill(0),
    ids: new Array<number>(n + 1).fill(0),
    size: 1,
    events: new Array<EventRecord>(n).fill(NO_EVENT),
    nums: new Array<number>(n * STRIDE).fill(0),
    len: 0,
  };
}

const NO_EVENT: EventRecord = Object.freeze({});

/** Live partial matches of a chain state (the start run not counted). */
export function chainLive(c: ChainRuns): number {
  return c.size - 1;
}

const ctx: NfaConditionContext = { eventsOf: () => [], timestamp: 0 };

/** Scratch: condition results per slot, and the next heap. */
const took: boolean[] = [];
const nextDepth: number[] = [];
const nextIds: number[] = [];
let nextN = 0;

/**
 * Adds a run to the next queue. Flink's queue is a java.util.PriorityQueue by start (deeper runs
 * started earlier, the start run last), and here it is always sorted: runs are visited deepest
 * first, each yields at most one run one deeper (still in order), and the start run, visited last,
 * yields the new run of depth 1 and then itself. A sorted array is a heap that the sift-up of
 * java-heap.ts leaves as it is, so appending builds exactly Flink's array.
 */
function push(depth: number, id: number): void {
  nextDepth[nextN] = depth;
  nextIds[nextN] = id;
  nextN++;
}

/** Writes the scratch heap back and keeps the deepest run's events; returns the new deepest depth. */
function settle(st: NfaState, c: ChainRuns): number {
  let deepest = 0;
  let nodes = 0;
  for (let i = 0; i < nextN; i++) {
    const d = nextDepth[i];
    c.depth[i] = d;
    c.ids[i] = nextIds[i];
    nodes += d;
    if (d > deepest) deepest = d;
  }
  c.size = nextN;
  st.liveNodes = nodes;
  return deepest;
}

/** Drops all but the last `keep` events (in place). */
function keepLast(c: ChainRuns, keep: number): void {
  const from = c.len - keep;
  if (from > 0) {
    const { events, nums } = c;
    for (let j = 0; j < keep; j++) {
      events[j] = events[from + j];
      nums[j * STRIDE] = nums[(from + j) * STRIDE];
      nums[j * STRIDE + 1] = nums[(from + j) * STRIDE + 1];
      nums[j * STRIDE + 2] = nums[(from + j) * STRIDE + 2];
    }
  }
  c.len = keep;
}

/** The shared-buffer path of a run that has taken `d` events: the last d of the chain's events, bound in stage order. */
function pathNodes(shape: ChainShape, c: ChainRuns, d: number): BufferNode[] {
  const path: BufferNode[] = [];
  let parent: BufferNode | null = null;
  const from = c.len - d;
  for (let j = 0; j < d; j++) {
    const i = from + j;
    const node: BufferNode = {
      stage: shape.stages[j],
      event: c.events[i],
      ts: c.nums[i * STRIDE],
      seq: c.nums[i * STRIDE + 1],
      fid: c.nums[i * STRIDE + 2],
      parent,
      refs: 1,
      memo: null,
    };
    path.push(node);
    parent = node;
  }
  return path;
}

/**
 * processEvent for a chain state (no observer): null when the general path must take the step (a
 * condition threw, the event comes before the last taken one, or the run budget is near).
 */
export function processChain(
  nfa: CompiledNfa,
  st: NfaState,
  event: EventRecord,
  ts: number,
  seq: number,
  limits: StepLimits | undefined,
): NfaStepResult | null {
  const shape = nfa.chain as ChainShape;
  let c = st.chain as ChainRuns;
  const size = c.size;
  const len = c.len;
  // Taken events must come in EventId order (a step back in time restarts Flink's counters).
  if (len > 0) {
    const last = (len - 1) * STRIDE;
    const lastTs = c.nums[last];
    if (ts < lastTs || (ts === lastTs && peekFid(st, ts) <= c.nums[last + 2])) return null;
  }
  // The run budget: the general step checks runs and matches as they grow; at most size + 1 runs
  // and one match come out here, so only a budget that close needs the general step.
  if (limits !== undefined && (size + 1 > limits.runs || limits.matches < 1)) return null;
  const conditions = shape.conditions;
  let any = false;
  (ctx as { timestamp: number }).timestamp = ts;
  if (c === NO_CHAIN) {
    // The start run alone. NO_CHAIN's frozen arrays are not read on the way: with them among the
    // arrays a read site sees, TurboFan calls the generic keyed load (~100 instructions a read).
    try {
      any = conditions[0].test(event, ctx);
    } catch {
      return null;
    }
    if (!any) return EMPTY_RESULT;
    took[0] = true;
    st.chain = c = newChain(shape.n);
  } else {
    const depth = c.depth;
    try {
      for (let i = 0; i < size; i++) {
        const t = conditions[depth[i]].test(event, ctx);
        took[i] = t;
        if (t) any = true;
      }
    } catch {
      return null;
    }
    if (!any) {
      // Every started run dies, the start run stays.
      if (size > 1) {
        if (nfa.windowTime > 0) st.chain = NO_CHAIN;
        else {
          c.depth[0] = 0;
          c.ids[0] = 0;
          c.size = 1;
          c.len = 0;
        }
        st.liveNodes = 0;
      }
      return EMPTY_RESULT;
    }
  }
  const depth = c.depth;
  const fid = nextFid(st, ts);
  const n = shape.n;
  nextN = 0;
  let completed = -1;
  for (let i = 0; i < size; i++) {
    const d = depth[i];
    if (d === 0) {
      if (took[i]) {
        const id = st.nextRunId++;
        if (n === 1) completed = 0;
        else push(1, id);
        // Flink's flag for the operator's window timer (a run spawned from the start state, ts > 0).
        if (ts > 0) st.newStartPartialMatch = true;
      }
      push(0, 0);
    } else if (took[i]) {
      const id = st.nextRunId++;
      if (d + 1 === n) completed = d;
      else push(d + 1, id);
    }
  }
  let match: Match | null = null;
  if (completed >= 0) {
    // The completed run is the deepest (n - 1 events, all the chain holds) plus this event.
    const path = pathNodes(shape, c, completed);
    path.push({
      stage: shape.stages[completed],
      event,
      ts,
      seq,
      fid,
      parent: null,
      refs: 1,
      memo: null,
    });
    match = matchOf(path);
    // SKIP_PAST_LAST_EVENT prunes every run started at or before this event: all but the start run.
    if (shape.prunesAll) {
      nextN = 0;
      push(0, 0);
    }
  }
  const deepest = settle(st, c);
  if (deepest === 0) c.len = 0;
  else {
    keepLast(c, deepest - 1);
    const at = c.len;
    c.events[at] = event;
    c.nums[at * STRIDE] = ts;
    c.nums[at * STRIDE + 1] = seq;
    c.nums[at * STRIDE + 2] = fid;
    c.len = at + 1;
  }
  return match === null ? EMPTY_RESULT : { matches: [match], timeouts: [] };
}

/**
 * Whether `event` starts nothing on a chain pattern's key with nothing live (the matcher's
 * startsNothing): the start state has one edge, a take on conditions[0], so the event starts a run
 * exactly when that condition holds. A condition that throws counts as starting something, so the
 * general step meets it and reports it.
 */
export function chainStartsNothing(shape: ChainShape, event: EventRecord, ts: number): boolean {
  (ctx as { timestamp: number }).timestamp = ts;
  try {
    return !shape.conditions[0].test(event, ctx);
  } catch {
    return false;
  }
}

/** Whether advanceTime(ts) would time out a run of this chain state (only the pattern's window applies). */
export function chainTimesOut(nfa: CompiledNfa, c: ChainRuns, ts: number): boolean {
  const W = nfa.windowTime;
  // The deepest run started first: at the chain's first event.
  return W > 0 && c.len > 0 && ts - c.nums[0] >= W;
}

/** advanceTime for a chain state: runs past the pattern's window time out, in queue order. */
export function advanceChain(
  nfa: CompiledNfa,
  st: NfaState,
  ts: number,
  withTimeouts: boolean,
): NfaStepResult {
  const c = st.chain as ChainRuns;
  if (!chainTimesOut(nfa, c, ts)) return EMPTY_RESULT;
  const shape = nfa.chain as ChainShape;
  const W = nfa.windowTime;
  const timeouts: TimedOutMatch[] = [];
  let dropped = 0;
  nextN = 0;
  for (let i = 0; i < c.size; i++) {
    const d = c.depth[i];
    if (d === 0) {
      push(0, 0);
      continue;
    }
    const startTs = c.nums[(c.len - d) * STRIDE];
    if (ts - startTs < W) push(d, c.ids[i]);
    else if (withTimeouts) timeouts.push({ match: matchOf(pathNodes(shape, c, d)), timestamp: startTs + W });
    else dropped++;
  }
  keepLast(c, settle(st, c));
  if (c.size === 1) st.chain = NO_CHAIN;
  return dropped > 0 ? { matches: [], timeouts, timedOut: dropped } : { matches: [], timeouts };
}

/**
 * The general representation of a chain state's runs, as the general runtime would hold them: in
 * the same heap order with the same ids, each with its own chain of shared-buffer nodes; the start
 * run is the state's own.
 */
export function chainRuns(nfa: CompiledNfa, st: NfaState): { partial: PartialRun[]; liveNodes: number } {
  const shape = nfa.chain as ChainShape;
  const c = st.chain as ChainRuns;
  const partial: PartialRun[] = [];
  let liveNodes = 0;
  for (let i = 0; i < c.size; i++) {
    const d = c.depth[i];
    if (d === 0) {
      partial.push(st.partial[0]);
      continue;
    }
    const path = pathNodes(shape, c, d);
    liveNodes += d;
    partial.push({
      id: c.ids[i],
      state: shape.states[d],
      node: path[d - 1],
      startTs: path[0].ts,
      startFid: path[0].fid,
    });
  }
  return { partial, liveNodes };
}

/** Turns a chain state into the general representation, in place. */
export function leaveChain(nfa: CompiledNfa, st: NfaState): void {
  const g = chainRuns(nfa, st);
  st.partial = g.partial;
  st.liveNodes = g.liveNodes;
  st.chain = undefined;
}
