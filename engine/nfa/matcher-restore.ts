/** Rebuilds a matcher from a snapshot taken with CepMatcher.snapshot(). */
import { CepMatcher, type KeyState, type Timer } from './matcher';
import { decodeTime } from './matcher-snapshot';
import type { MatcherOptions, MatcherSnapshot } from './matcher-types';
import { restoreNfaState } from './nfa-snapshot';
import { TimerSet } from './timer-set';
import type { CompiledNfa } from './types';

export type RestoreMatcherResult = { ok: true; matcher: CepMatcher } | { ok: false; error: string };

/**
 * Rebuilds a matcher from a snapshot. The pattern must compile to the same NFA; the functions in
 * `options` (key, timestamp, comparator) cannot be serialized and are passed again.
 */
export function restoreMatcher(nfa: CompiledNfa, snapshot: MatcherSnapshot, options: MatcherOptions): RestoreMatcherResult {
  if (snapshot?.format !== 'cepheus.matcher/1') return { ok: false, error: 'not a Cepheus matcher snapshot (format cepheus.matcher/1 expected)' };
  if (snapshot.time !== options.time) return { ok: false, error: `the snapshot was taken in ${snapshot.time} time, not ${options.time} time` };
  const m = new CepMatcher(nfa, options);
  m.watermark = decodeTime(snapshot.watermark);
  m.maxTimestamp = decodeTime(snapshot.maxTimestamp);
  m.nextSeq = snapshot.nextSeq;
  m.timerOrder = snapshot.timerOrder;
  m.counters = { ...snapshot.counters };
  const timers: Timer[] = [];
  for (const k of snapshot.keys) {
    const st = restoreNfaState(nfa, k.nfa);
    if (typeof st === 'string') return { ok: false, error: `key ${k.key}: ${st}` };
    const ks: KeyState = { key: k.key, nfa: st, buffer: new Map(k.buffer.map((b) => [b.ts, b.events.map((e) => ({ seq: e.seq, event: e.event }))])), timers: new TimerSet() };
    for (const t of k.timers) {
      const ts = decodeTime(t.ts);
      ks.timers.add(ts);
      timers.push({ ts, key: k.key, order: t.order });
    }
    m.keys.set(k.key, ks);
  }
  // Timers are totally ordered by (ts, order), so any valid heap pops them identically.
  timers.sort((a, b) => (a.ts !== b.ts ? (a.ts < b.ts ? -1 : 1) : a.order - b.order));
  m.timerHeap = timers;
  return { ok: true, matcher: m };
}
