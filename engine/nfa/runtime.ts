/**
 * The NFA step function (Flink's NFA.process) over a per-key NfaState; advanceTime is in advance-time.ts.
 * Hot path notes: scratch arrays are reused between calls, the start run object is reused, and
 * the condition context materializes bound events only when a condition asks for them.
 */
import type { EventGuard } from '../expr/guard';
import type { StateSkip } from './guards';
import type { EventRecord } from '../pattern/spec';
import { leaveCounting, processCounting } from './counting';
import { leaveChain, processChain } from './strict-chain';
import { heapOffer, heapPushAt } from './java-heap';
import type { NfaObserver } from './observer';
import { BudgetBreach, busiestStage, type StepLimits } from './run-budget';
import { compareRuns, keptRuns, nextFid, SMALL_RUNS, type NfaState, type PartialRun } from './runtime-state';
import { proceedFinals, WALK } from './proceed-final';
import { foldPath, lockNode, pathOf, putNode, releaseNode, type BufferNode } from './shared-buffer';
import { EMPTY_RESULT, errorResult, nameOf, processMatches, reportDiscard, stageOf } from './step-outcomes';
import type { CompiledNfa, Match, NfaConditionContext, NfaStepResult, NfaTransition } from './types';

export { advanceTime } from './advance-time';

const MAX_PROCEED_STEPS = 100_000;

class RunContext implements NfaConditionContext {
  run: PartialRun | null = null;
  timestamp = 0;
  private cache: Map<string, EventRecord[]> | null = null;

  reset(run: PartialRun, timestamp: number): void {
    this.run = run;
    this.timestamp = timestamp;
    this.cache = null;
  }

  readonly fold = <T>(stage: string, id: object, init: T, step: (acc: T, event: EventRecord) => T): T =>
    foldPath(this.run?.node ?? null, stage, id, init, step);

  readonly eventsOf = (stage: string): readonly EventRecord[] => {
    if (this.cache === null) {
      const cache = new Map<string, EventRecord[]>();
      for (const n of pathOf(this.run?.node ?? null)) {
        const list = cache.get(n.stage);
        if (list) list.push(n.event);
        else cache.set(n.stage, [n.event]);
      }
      this.cache = cache;
    }
    return this.cache.get(stage) ?? EMPTY_EVENTS;
  };
}

const EMPTY_EVENTS: readonly EventRecord[] = Object.freeze([]);

/** Empties a scratch array; writing `length` is a runtime call, so skip it when already empty. */
function clear(a: unknown[]): void {
  if (a.length !== 0) a.length = 0;
}
const ctx = new RunContext();
/**
 * Count-based scratch lists: slots past the count are stale, so no truncation per step (a runtime
 * call, and emptying an array frees its backing store: the next push would grow it again).
 */
const stack: number[] = [];
const finalStack: number[] = [];
const edges: NfaTransition[] = [];
let edgesN = 0;
const produced: PartialRun[] = [];
let producedN = 0;
/** The run computeNextStates last expanded, as it was before an ignore successor took its object. */
let lastParentId = 0;
let lastParentState = 0;

/** Per-step facts shared by the helpers (one step runs at a time). */
interface Step {
  nfa: CompiledNfa;
  st: NfaState;
  event: EventRecord;
  ts: number;
  seq: number;
  fid: number;
  observer: NfaObserver | undefined;
  /** proceedFinals of the automaton; null when an observer watches edges (the walk is the reference). */
  finals: Int32Array | null;
}

function assignFid(step: Step): number {
  if (step.fid < 0) step.fid = nextFid(step.st, step.ts);
  return step.fid;
}

function newRun(
  st: NfaState,
  state: number,
  node: BufferNode | null,
  startTs: number,
  startFid: number,
): PartialRun {
  lockNode(node);
  return { id: st.nextRunId++, state, node, startTs, startFid };
}

/** Follows PROCEED edges depth-first (Java Stack order) and collects the TAKE/IGNORE edges that hold. */
function decisionGraph(step: Step, run: PartialRun): void {
  const { nfa, event, observer } = step;
  edgesN = 0;
  let sp = 0;
  stack[sp++] = run.state;
  let guard = 0;
  while (sp > 0) {
    if (++guard > MAX_PROCEED_STEPS)
      throw new Error('the pattern has a cycle of always-true proceed transitions');
    const def = nfa.states[stack[--sp]];
    if (def === undefined) continue;
    for (const t of def.transitions) {
      const ok = t.condition.test(event, ctx);
      if (observer?.edge)
        observer.edge({
          runId: run.id,
          state: def.name,
          stage: def.stage,
          action: t.action,
          target: (nfa.states[t.target] as { name: string }).name,
          result: ok,
          seq: step.seq,
          timestamp: step.ts,
        });
      if (!ok) continue;
      if (t.action === 'proceed') stack[sp++] = t.target;
      else edges[edgesN++] = t;
    }
  }
}

function findFinalAfterProceed(nfa: CompiledNfa, state: number, event: EventRecord): number {
  let sp = 0;
  finalStack[sp++] = state;
  let guard = 0;
  while (sp > 0) {
    if (++guard > MAX_PROCEED_STEPS)
      throw new Error('the pattern has a cycle of always-true proceed transitions');
    const def = nfa.states[finalStack[--sp]];
    if (def === undefined) continue;
    for (const t of def.transitions) {
      if (t.action !== 'proceed' || !t.condition.test(event, ctx)) continue;
      if ((nfa.states[t.target] as { kind: string }).kind === 'final') return t.target;
      finalStack[sp++] = t.target;
    }
  }
  return -1;
}

/** `pre`: the edges a state skip already decided (see guards.ts); null walks the decision graph. */
function computeNextStates(step: Step, run: PartialRun, pre: readonly NfaTransition[] | null): void {
  const { nfa, st, event, ts, observer } = step;
  ctx.reset(run, ts);
  if (pre === null) decisionGraph(step, run);
  else {
    edgesN = pre.length;
    for (let k = 0; k < pre.length; k++) edges[k] = pre[k];
  }
  const isStart = (nfa.states[run.state] as { kind: string }).kind === 'start';
  producedN = 0;
  const parentRunId = run.id;
  lastParentId = parentRunId;
  lastParentState = run.state;
  // The first IGNORE successor of a non-start run takes over its object (and its lock on the node):
  // an ignore changes only the state, and the old run is dead after this step. Ids are as if new.
  let reused = false;
  const n = edgesN;
  for (let i = 0; i < n; i++) {
    const edge = edges[i];
    if (edge.action === 'ignore') {
      if (isStart) continue;
      let r: PartialRun;
      if (!reused) {
        reused = true;
        const m = run as MutableRun;
        m.id = st.nextRunId++;
        m.state = edge.target;
        r = run;
      } else r = newRun(st, edge.target, run.node, run.startTs, run.startFid);
      produced[producedN++] = r;
      if (observer?.branched)
        observer.branched({
          parentRunId,
          runId: r.id,
          via: 'ignore',
          state: nameOf(nfa, edge.target),
          stage: stageOf(nfa, edge.source),
          timestamp: ts,
          seq: step.seq,
        });
    } else {
      const fid = assignFid(step);
      const node = putNode(st, stageOf(nfa, edge.source), event, ts, step.seq, fid, run.node);
      const startTs = isStart ? ts : run.startTs;
      const startFid = isStart ? fid : run.startFid;
      const r = newRun(st, edge.target, node, startTs, startFid);
      produced[producedN++] = r;
      if (observer?.branched)
        observer.branched({
          parentRunId,
          runId: r.id,
          via: 'take',
          state: nameOf(nfa, edge.target),
          stage: stageOf(nfa, edge.source),
          timestamp: ts,
          seq: step.seq,
        });
      // The walk's answer when no condition on it can change it (proceed-final.ts), else the walk.
      const known = step.finals === null ? WALK : step.finals[edge.target];
      const fin = known === WALK ? findFinalAfterProceed(nfa, edge.target, event) : known;
      if (fin >= 0) {
        const f = newRun(st, fin, node, startTs, startFid);
        produced[producedN++] = f;
        if (observer?.branched)
          observer.branched({
            parentRunId,
            runId: f.id,
            via: 'completed',
            state: nameOf(nfa, fin),
            stage: stageOf(nfa, edge.source),
            timestamp: ts,
            seq: step.seq,
          });
      }
    }
  }
  if (isStart) produced[producedN++] = run;
  else if (!reused) {
    if (producedN === 0) reportDiscard(nfa, observer, run, 'no-transition', ts, step.seq);
    releaseNode(st, run.node);
  }
}

type MutableRun = { -readonly [K in keyof PartialRun]: PartialRun[K] };

/** Guard results of the current step, by guard index: each guard runs at most once per event. */
let guardStep = 0;
const guardAt: number[] = [];
const guardHeld: boolean[] = [];

function guardsFail(all: readonly EventGuard[], which: readonly number[], event: EventRecord): boolean {
  for (let k = 0; k < which.length; k++) {
    const g = which[k];
    if (guardAt[g] !== guardStep) {
      guardAt[g] = guardStep;
      guardHeld[g] = all[g].test(event);
    }
    if (guardHeld[g]) return false;
  }
  return true;
}

/**
 * True when `event` leaves every run of any key state where it is (every state's guards reject it
 * and each state's outcome is to stay): processing it would only renumber runs.
 */
export function eventIsInert(nfa: CompiledNfa, event: EventRecord): boolean {
  const inert = nfa.inert;
  if (inert == null) return false;
  guardStep++;
  return guardsFail(nfa.guards as readonly EventGuard[], inert, event);
}

/** Per state, whether the current event leaves a run there where it is (cached per step, like guards). */
const stayAt: number[] = [];
const stayHeld: boolean[] = [];

/**
 * True when `event` leaves every run of `st` where it is: each run's state has a skip whose guards
 * all reject the event and whose outcome is to stay (from the start state: no take; otherwise one
 * ignore edge back to the state). The full step would then only renumber the runs outside the start
 * state, in array order, and push them back into a heap that comes out as the same array (each run
 * stays under its parent). Cheaper than one skip per run: each state is tested once per event, and
 * a state's runs cost an array read. False whenever the full step could do more: completed runs
 * held, live runs over the cap, a list over the run budget, a list that is not a heap.
 */
function everyRunStays(
  nfa: CompiledNfa,
  st: NfaState,
  skips: readonly (StateSkip | null)[],
  guards: readonly EventGuard[],
  event: EventRecord,
  runCap: number,
): boolean {
  const old = st.partial;
  if (old.length > runCap || st.completed.length !== 0) return false;
  let live = 0;
  for (let i = 0; i < old.length; i++) {
    const run = old[i];
    const s = run.state;
    if (stayAt[s] !== guardStep) {
      stayAt[s] = guardStep;
      const sk = skips[s];
      stayHeld[s] =
        sk != null &&
        ((nfa.states[s] as { kind: string }).kind === 'start' ? !sk.takes : sk.ignoreTo === s) &&
        guardsFail(guards, sk.guards, event);
    }
    if (!stayHeld[s]) return false;
    if (run.startFid >= 0 && ++live > st.maxPartialMatches) return false;
    if (i > 0 && compareRuns(run, old[(i - 1) >>> 1]) < 0) return false;
  }
  return true;
}

/** The start run of a fresh key state, as a condition context sees it (no events bound). */
const freshStart = { id: 0, state: 0, node: null, startTs: -1, startFid: -1 };

/** The shared step, set up for `event` on a fresh key state's start run. */
function startStep(
  nfa: CompiledNfa,
  event: EventRecord,
  ts: number,
  observer: NfaObserver | undefined,
): Step {
  freshStart.state = nfa.startState;
  step.nfa = nfa;
  step.event = event;
  step.ts = ts;
  step.observer = observer;
  ctx.reset(freshStart, ts);
  return step;
}

/**
 * True when `event` at `ts` would leave a fresh key state (only its start run) unchanged: no
 * transition out of the start state takes it. Side-effect free; false when a condition throws, so
 * the caller takes the normal path, which reports the error where Flink would.
 */
export function startsNothing(nfa: CompiledNfa, event: EventRecord, ts: number): boolean {
  const sk = nfa.startSkip;
  if (sk != null) {
    guardStep++;
    if (guardsFail(nfa.guards as readonly EventGuard[], sk.guards, event)) return !sk.takes;
  }
  try {
    decisionGraph(startStep(nfa, event, ts, undefined), freshStart);
  } catch {
    return false;
  }
  for (let i = 0; i < edgesN; i++) if (edges[i].action === 'take') return false;
  return true;
}

/**
 * Shows an observer the start state's evaluations of an event that starts nothing on a key with
 * nothing live (what processing it on a fresh key state reports; it changes nothing).
 */
export function traceStart(
  nfa: CompiledNfa,
  event: EventRecord,
  ts: number,
  seq: number,
  observer: NfaObserver,
): void {
  step.seq = seq;
  try {
    decisionGraph(startStep(nfa, event, ts, observer), freshStart);
  } catch {
    // It threw when it came too: the event started something then (the normal path reports it).
  }
}

/**
 * Feeds one event (Flink's NFA.process). Call advanceTime(ts) first, as Flink's operator does:
 * windows are only checked there. The returned result may be a shared frozen empty object.
 */
const step: Step = {
  nfa: null as unknown as CompiledNfa,
  st: null as unknown as NfaState,
  event: {},
  ts: 0,
  seq: 0,
  fid: -1,
  observer: undefined,
  finals: null,
};
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
  guardStep++;
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
  // Every run stays (see everyRunStays): only the ids of the runs outside the start state move.
  if (
    observer === undefined &&
    skips !== undefined &&
    old.length > 1 &&
    matchCap >= 0 &&
    everyRunStays(nfa, st, skips, guards, event, runCap)
  ) {
    for (let i = 0; i < old.length; i++) {
      const run = old[i] as MutableRun;
      if ((nfa.states[run.state] as { kind: string }).kind !== 'start') run.id = st.nextRunId++;
    }
    return EMPTY_RESULT;
  }
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
      }
    }
    if (nextN !== next.length) next.length = nextN;
    nextN = -1;
    if (potentialN > 0 || st.completed.length > 0) {
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
    if (matches.length === 0 && dropped === 0) return EMPTY_RESULT;
    result = { matches: matches.slice(), timeouts: [] };
  } else result.matches = matches.slice();
  if (dropped > 0)
    result.warnings = [
      `partial-match limit of ${st.maxPartialMatches} reached: ${dropped} new partial match${dropped === 1 ? ' was' : 'es were'} dropped at timestamp ${ts}; matches may be missed`,
    ];
  return result;
}
