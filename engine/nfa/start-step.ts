/**
 * The NFA step on a fresh key state's start run, for the matcher's shortcuts: whether an event
 * starts nothing, and what an observer sees of an event that does not.
 */
import type { EventGuard } from '../expr/guard';
import type { EventRecord } from '../pattern/spec';
import type { NfaObserver } from './observer';
import { guardsFail, newGuardStep } from './stay-check';
import { ctx, decisionGraph, edges, edgesN, step, type Step } from './transitions';
import type { CompiledNfa } from './types';

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
    newGuardStep();
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
