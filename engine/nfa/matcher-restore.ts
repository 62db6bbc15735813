/** Rebuilds a matcher from a snapshot taken with CepMatcher.snapshot(). */
import { loadNfaState, newKeyState, type KeyState } from './key-state';
import { CepMatcher } from './matcher';
import { decodeTime } from './matcher-snapshot';
import type { MatcherOptions, MatcherSnapshot } from './matcher-types';
import { restoreNfaState } from './nfa-snapshot';
import type { TimerEntry } from './timer-queue';
import type { CompiledNfa } from './types';

export type RestoreMatcherResult = { ok: true; matcher: CepMatcher } | { ok: false; error: string };

/**
 * Rebuilds a matcher from a snapshot. The pattern must compile to the same NFA; the functions in
 * `options` (key, timestamp, comparator) cannot be serialized and are passed again.
 */
export function restoreMatcher(
  nfa: CompiledNfa,
  snapshot: MatcherSnapshot,
  options: MatcherOptions,
): RestoreMatcherResult {
  if (snapshot?.format !== 'cepheus.matcher/1')
    return { ok: false, error: 'not a Cepheus matcher snapshot (format cepheus.matcher/1 expected)' };
  if (snapshot.time !== options.time)
    return { ok: false, error: `the snapshot was taken in ${snapshot.time} time, not ${options.time} time` };
  const m = new CepMatcher(nfa, options);
  m.watermark = decodeTime(snapshot.watermark);
  m.maxTimestamp = decodeTime(snapshot.maxTimestamp);
  m.nextSeq = snapshot.nextSeq;
  m.timerOrder = snapshot.timerOrder;
  m.counters = { ...snapshot.counters };
  if (snapshot.runIdFloor !== undefined) m.runIdFloor = snapshot.runIdFloor;
  const timers: TimerEntry<KeyState>[] = [];
  for (const k of snapshot.keys) {
    if (k.stateless === true) {
      for (const b of k.buffer) for (const e of b.events) m.pending.push(b.ts, e.seq, k.key, e.event, null);
      continue;
    }
    const st = restoreNfaState(nfa, k.nfa);
    if (typeof st === 'string') return { ok: false, error: `key ${k.key}: ${st}` };
    const ks: KeyState = newKeyState(nfa, k.key, m.perKeyCap, 1, m.countStore);
    loadNfaState(ks, st);
    if (m.budget !== null) m.budget.add(ks);
    // Waiting events hold their key state until released, unless they started nothing (a snapshot
    // of an older matcher also lists a timer per waiting event: it only advances the key again
    // when the event is released).
    for (const b of k.buffer)
      for (const e of b.events) {
        if (e.keyless === true) m.pending.push(b.ts, e.seq, k.key, e.event, null);
        else {
          ks.pendingEvents++;
          m.pending.push(b.ts, e.seq, k.key, e.event, ks);
        }
      }
    for (const t of k.timers) {
      const ts = decodeTime(t.ts);
      ks.pendingTimers++;
      timers.push({ ts, order: t.order, owner: ks });
    }
    m.keys.set(k.key, ks);
  }
  m.timers.load(timers);
  for (const key of snapshot.idleQueue ?? []) {
    const ks = m.keys.get(key);
    if (ks === undefined)
      return { ok: false, error: `the snapshot's idle queue names key ${key}, which it does not hold` };
    if (ks.idleQueued) return { ok: false, error: `the snapshot's idle queue names key ${key} twice` };
    ks.idleQueued = true;
    m.idleQueue.push(ks);
  }
  return { ok: true, matcher: m };
}
