/** Matcher <-> plain JSON snapshot, so a run can be saved mid-stream and resumed exactly. */
import type { CepMatcher } from './matcher';
import type { MatcherSnapshot, SnapshotTime } from './matcher-types';
import { snapshotNfaState } from './nfa-snapshot';

export function encodeTime(t: number): SnapshotTime {
  if (t === Number.POSITIVE_INFINITY) return '+inf';
  if (t === Number.NEGATIVE_INFINITY) return '-inf';
  return t;
}

export function decodeTime(t: SnapshotTime): number {
  if (t === '+inf') return Number.POSITIVE_INFINITY;
  if (t === '-inf') return Number.NEGATIVE_INFINITY;
  return t;
}

export function snapshotMatcher(m: CepMatcher): MatcherSnapshot {
  const timersByKey = new Map<string, { ts: SnapshotTime; order: number }[]>();
  for (const t of m.timerHeap) {
    const list = timersByKey.get(t.key) ?? [];
    list.push({ ts: encodeTime(t.ts), order: t.order });
    timersByKey.set(t.key, list);
  }
  return {
    format: 'cepheus.matcher/1',
    time: m.options.time,
    watermark: encodeTime(m.watermark),
    maxTimestamp: encodeTime(m.maxTimestamp),
    nextSeq: m.nextSeq,
    timerOrder: m.timerOrder,
    counters: { ...m.counters },
    keys: [...m.keys.values()].map((ks) => ({
      key: ks.key,
      nfa: snapshotNfaState(m.nfa, ks.nfa),
      buffer: [...ks.buffer].map(([ts, events]) => ({ ts, events: events.map((e) => ({ seq: e.seq, event: e.event })) })),
      timers: timersByKey.get(ks.key) ?? [],
    })),
  };
}
