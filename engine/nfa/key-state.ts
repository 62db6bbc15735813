/**
 * One key's operator state: its NFA state, how many of its events wait in the matcher's reorder
 * buffer and how many of its timers are pending. A key back at its start state with nothing waiting
 * holds no information, so the matcher drops it (and reuses the object for the next new key): memory
 * and snapshots follow the live keys, not every key ever seen.
 *
 * The key state is its NFA state: one object per key, not a key object pointing at an NFA state.
 * A released event, a timer and the idle sweep each read both, and with ~100k live keys each was a
 * cache miss of its own (and an object header and a pointer more per key).
 */
import type { EventRecord } from '../pattern/spec';
import type { CountStore } from './count-store';
import { compactAgain, createNfaState, NO_COUNTERS, type NfaState } from './runtime-state';
import type { CompiledNfa } from './types';

export interface BufferedEvent {
  seq: number;
  ts: number;
  event: EventRecord;
}

export interface KeyState extends NfaState {
  key: string;
  /** Events of this key in the reorder buffer that hold this state (see CepMatcher.push). */
  pendingEvents: number;
  /**
   * Timers of this key still in the matcher's queue. Not deduplicated by timestamp as Flink's timer
   * service is: a second timer at a timestamp fires after the first at the same watermark, when the
   * first has already advanced the key, so it changes nothing; a count is all idleness needs.
   */
  pendingTimers: number;
  /** Queued for the idle sweep (see CepMatcher.release). */
  idleQueued: boolean;
  /** The watermark move that last touched this key (it is advanced to the watermark once per move). */
  touched: number;
}

export function newKeyState(
  nfa: CompiledNfa,
  key: string,
  maxPartialMatches: number | undefined,
  firstRunId: number,
  store?: CountStore,
): KeyState {
  const st = createNfaState(nfa, { maxPartialMatches, counting: true, ...(store ? { store } : {}) });
  // Every field in one literal, so that V8 keeps them all in the object (no property array).
  return {
    partial: st.partial,
    completed: st.completed,
    counters: st.counters,
    nextRunId: Math.max(st.nextRunId, firstRunId),
    newStartPartialMatch: st.newStartPartialMatch,
    maxPartialMatches: st.maxPartialMatches,
    liveNodes: st.liveNodes,
    countStore: st.countStore,
    countAt: st.countAt,
    countLen: st.countLen,
    chain: st.chain,
    spare: undefined,
    key,
    pendingEvents: 0,
    pendingTimers: 0,
    idleQueued: false,
    touched: 0,
  };
}

/** Puts a restored NFA state into a key state (its fields, not the object: see above). */
export function loadNfaState(ks: KeyState, st: NfaState): void {
  // Every field of st is one of ks's already (newKeyState declares them all), so this keeps the shape.
  // The key keeps the matcher's counting store (a restored state is general and holds no block).
  const store = ks.countStore;
  Object.assign(ks, st);
  ks.countStore = store ?? st.countStore;
  ks.spare = undefined;
}

/** True when the key holds nothing a later event or timer could observe. */
export function isIdle(ks: KeyState): boolean {
  // A live key usually has a timer pending: the run list (another object) is then not read.
  return (
    ks.pendingTimers === 0 &&
    ks.pendingEvents === 0 &&
    ks.liveNodes === 0 &&
    ks.completed.length === 0 &&
    ks.partial.length === 1 &&
    ks.partial[0].startFid < 0
  );
}

/** Makes an idle key state ready for another key; run ids keep growing so they never repeat. */
export function recycleKeyState(nfa: CompiledNfa, ks: KeyState, key: string, firstRunId: number): KeyState {
  ks.key = key;
  // An idle state holds no runs: it may take a compact representation again.
  compactAgain(nfa, ks);
  ks.counters = NO_COUNTERS;
  ks.nextRunId = Math.max(ks.nextRunId, firstRunId);
  ks.newStartPartialMatch = false;
  ks.idleQueued = false;
  ks.touched = 0;
  return ks;
}
