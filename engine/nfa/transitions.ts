/**
 * The NFA step's transition computation (Flink's computeNextStates): the decision graph of one run
 * and the runs it produces. runtime.ts runs the step loop and reads the results back from the
 * exported bindings here (live bindings: a plain load, no object in between on the hot path).
 */
import type { EventRecord } from '../pattern/spec';
import type { NfaObserver } from './observer';
import { nextFid, type NfaState, type PartialRun } from './runtime-state';
import { WALK } from './proceed-final';
import { foldPath, lockNode, pathOf, putNode, releaseNode, type BufferNode } from './shared-buffer';
import { nameOf, reportDiscard, stageOf } from './step-outcomes';
import type { CompiledNfa, NfaConditionContext, NfaTransition } from './types';

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

export const ctx = new RunContext();
/**
 * Count-based scratch lists: slots past the count are stale, so no truncation per step (a runtime
 * call, and emptying an array frees its backing store: the next push would grow it again).
 */
const stack: number[] = [];
const finalStack: number[] = [];
export const edges: NfaTransition[] = [];
export let edgesN = 0;
export const produced: PartialRun[] = [];
export let producedN = 0;
/** The run computeNextStates last expanded, as it was before an ignore successor took its object. */
export let lastParentId = 0;
export let lastParentState = 0;

/** Per-step facts shared by the helpers (one step runs at a time). */
export interface Step {
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

/** The one Step object, filled in by processEvent and the start step. */
export const step: Step = {
  nfa: null as unknown as CompiledNfa,
  st: null as unknown as NfaState,
  event: {},
  ts: 0,
  seq: 0,
  fid: -1,
  observer: undefined,
  finals: null,
};

/** Follows PROCEED edges depth-first (Java Stack order) and collects the TAKE/IGNORE edges that hold. */
export function decisionGraph(step: Step, run: PartialRun): void {
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
export function computeNextStates(step: Step, run: PartialRun, pre: readonly NfaTransition[] | null): void {
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

export type MutableRun = { -readonly [K in keyof PartialRun]: PartialRun[K] };
