/** Matcher <-> plain JSON snapshot, so a run can be saved mid-stream and resumed exactly. */
import type { EventRecord } from '../pattern/spec';
import { bufferedEvents, type KeyState } from './key-state';
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
  const timersByKey = new Map<KeyState, { ts: SnapshotTime; order: number }[]>();
  for (const t of m.timers.entries()) {
    const list = timersByKey.get(t.owner) ?? [];
    list.push({ ts: encodeTime(t.ts), order: t.order });
    timersByKey.set(t.owner, list);
  }
  return {
    format: 'cepheus.matcher/1',
    time: m.options.time,
    watermark: encodeTime(m.watermark),
    maxTimestamp: encodeTime(m.maxTimestamp),
    nextSeq: m.nextSeq,
    timerOrder: m.timerOrder,
    runIdFloor: m.runIdFloor,
    idleQueue: m.idleQueue.map((ks) => ks.key),
    counters: { ...m.counters },
    keys: [...m.keys.values()].map((ks) => ({
      key: ks.key,
      nfa: snapshotNfaState(m.nfa, ks.nfa),
      buffer: bufferGroups(ks),
      timers: (timersByKey.get(ks) ?? []).sort((a, b) => a.order - b.order),
    })),
  };
}

/** Buffered events grouped by timestamp (first-seen order), arrival order within a timestamp. */
function bufferGroups(ks: KeyState): { ts: number; events: { seq: number; event: EventRecord }[] }[] {
  const groups = new Map<number, { seq: number; event: EventRecord }[]>();
  for (const b of bufferedEvents(ks)) {
    const list = groups.get(b.ts);
    if (list) list.push({ seq: b.seq, event: b.event });
    else groups.set(b.ts, [{ seq: b.seq, event: b.event }]);
  }
  return [...groups].map(([ts, events]) => ({ ts, events }));
}
