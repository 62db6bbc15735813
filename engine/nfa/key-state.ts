/**
 * One key's operator state: its NFA state, the events waiting for the watermark and the timestamps
 * of its registered timers. A key back at its start state with nothing buffered or pending holds no
 * information, so the matcher drops it (and reuses the object for the next new key): memory and
 * snapshots follow the live keys, not every key ever seen.
 */
import type { EventRecord } from '../pattern/spec';
import { createNfaState, NO_COUNTERS, type NfaState } from './runtime-state';
import type { CompiledNfa } from './types';

export interface BufferedEvent {
  seq: number;
  ts: number;
  event: EventRecord;
}

export interface KeyState {
  key: string;
  nfa: NfaState;
  /**
   * Events waiting for the watermark, in arrival order: the first inline (most keys hold at most
   * one, and an in-order stream then buffers without allocating), the rest in `more`.
   */
  buffered: number;
  firstSeq: number;
  firstTs: number;
  firstEvent: EventRecord | null;
  more: BufferedEvent[] | null;
  /**
   * Timers of this key still in the matcher's queue. Not deduplicated by timestamp as Flink's timer
   * service is: a second timer at a timestamp fires after the first at the same watermark, when the
   * first has already processed everything due, so it changes nothing; a count is all idleness needs.
   */
  pendingTimers: number;
  /** Queued for the idle sweep (see CepMatcher.release). */
  idleQueued: boolean;
}

export function newKeyState(
  nfa: CompiledNfa,
  key: string,
  maxPartialMatches: number | undefined,
  firstRunId: number,
): KeyState {
  const st = createNfaState(nfa, { maxPartialMatches });
  st.nextRunId = Math.max(st.nextRunId, firstRunId);
  return {
    key,
    nfa: st,
    buffered: 0,
    firstSeq: 0,
    firstTs: 0,
    firstEvent: null,
    more: null,
    pendingTimers: 0,
    idleQueued: false,
  };
}

export function bufferEvent(ks: KeyState, seq: number, ts: number, event: EventRecord): void {
  const n = ks.buffered++;
  if (n === 0) {
    ks.firstSeq = seq;
    ks.firstTs = ts;
    ks.firstEvent = event;
    return;
  }
  (ks.more ??= []).push({ seq, ts, event });
}

/** The buffered events in arrival order (a new array). */
export function bufferedEvents(ks: KeyState): BufferedEvent[] {
  if (ks.buffered === 0) return [];
  const out: BufferedEvent[] = [{ seq: ks.firstSeq, ts: ks.firstTs, event: ks.firstEvent as EventRecord }];
  if (ks.more !== null) for (const b of ks.more) out.push(b);
  return out;
}

/** Replaces the buffer with `list` (arrival order). */
export function setBuffer(ks: KeyState, list: readonly BufferedEvent[]): void {
  ks.buffered = list.length;
  ks.more = null;
  ks.firstEvent = null;
  if (list.length === 0) return;
  ks.firstSeq = list[0].seq;
  ks.firstTs = list[0].ts;
  ks.firstEvent = list[0].event;
  if (list.length > 1) ks.more = list.slice(1);
}

export function clearBuffer(ks: KeyState): void {
  ks.buffered = 0;
  ks.firstEvent = null;
  ks.more = null;
}

/** True when the key holds nothing a later event or timer could observe. */
export function isIdle(ks: KeyState): boolean {
  const st = ks.nfa;
  // The key's own fields first: a live key usually has a timer pending, and then its NFA state
  // (another object, often not in cache) is not read at all.
  return (
    ks.pendingTimers === 0 &&
    ks.buffered === 0 &&
    st.liveNodes === 0 &&
    st.completed.length === 0 &&
    st.partial.length === 1 &&
    st.partial[0].startFid < 0
  );
}

/** Makes an idle key state ready for another key; run ids keep growing so they never repeat. */
export function recycleKeyState(ks: KeyState, key: string, firstRunId: number): KeyState {
  ks.key = key;
  const st = ks.nfa;
  st.counters = NO_COUNTERS;
  st.nextRunId = Math.max(st.nextRunId, firstRunId);
  st.newStartPartialMatch = false;
  clearBuffer(ks);
  ks.idleQueued = false;
  return ks;
}
