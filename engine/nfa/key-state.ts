/**
 * One key's operator state: its NFA state, how many of its events wait in the matcher's reorder
 * buffer and how many of its timers are pending. A key back at its start state with nothing waiting
 * holds no information, so the matcher drops it (and reuses the object for the next new key): memory
 * and snapshots follow the live keys, not every key ever seen.
 */
import type { EventRecord } from '../pattern/spec';
import { compactAgain, createNfaState, NO_COUNTERS, type NfaState } from './runtime-state';
import type { CompiledNfa } from './types';

export interface BufferedEvent {
  seq: number;
  ts: number;
  event: EventRecord;
}

export interface KeyState {
  key: string;
  nfa: NfaState;
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
): KeyState {
  const st = createNfaState(nfa, { maxPartialMatches, counting: true });
  st.nextRunId = Math.max(st.nextRunId, firstRunId);
  return { key, nfa: st, pendingEvents: 0, pendingTimers: 0, idleQueued: false, touched: 0 };
}

/** True when the key holds nothing a later event or timer could observe. */
export function isIdle(ks: KeyState): boolean {
  const st = ks.nfa;
  // The key's own fields first: a live key usually has a timer pending, and then its NFA state
  // (another object, often not in cache) is not read at all.
  return (
    ks.pendingTimers === 0 &&
    ks.pendingEvents === 0 &&
    st.liveNodes === 0 &&
    st.completed.length === 0 &&
    st.partial.length === 1 &&
    st.partial[0].startFid < 0
  );
}

/** Makes an idle key state ready for another key; run ids keep growing so they never repeat. */
export function recycleKeyState(nfa: CompiledNfa, ks: KeyState, key: string, firstRunId: number): KeyState {
  ks.key = key;
  const st = ks.nfa;
  // An idle state holds no runs: it may take a compact representation again.
  compactAgain(nfa, st);
  st.counters = NO_COUNTERS;
  st.nextRunId = Math.max(st.nextRunId, firstRunId);
  st.newStartPartialMatch = false;
  ks.idleQueued = false;
  ks.touched = 0;
  return ks;
}
