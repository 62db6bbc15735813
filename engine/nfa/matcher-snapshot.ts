/** Matcher <-> plain JSON snapshot, so a run can be saved mid-stream and resumed exactly. */
import type { EventRecord } from '../pattern/spec';
import { newKeyState, type KeyState } from './key-state';
import type { CepMatcher } from './matcher';
import type { MatcherSnapshot, SnapshotTime } from './matcher-types';
import { snapshotNfaState, type NfaStateSnapshot } from './nfa-snapshot';

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
  // Waiting events by key, in arrival order; an event that started nothing waits without a key
  // state, and a key with only such events is written with a fresh one, marked stateless.
  const waiting = new Map<string, Waiting[]>();
  for (const e of m.pending.entries()) {
    const list = waiting.get(e.key) ?? [];
    list.push({ seq: e.seq, ts: e.ts, event: e.event, keyless: e.owner === null });
    waiting.set(e.key, list);
  }
  for (const list of waiting.values()) list.sort((a, b) => a.seq - b.seq);
  const keys: MatcherSnapshot['keys'] = [...m.keys.values()].map((ks) => ({
    key: ks.key,
    nfa: snapshotNfaState(m.nfa, ks),
    buffer: bufferGroups(waiting.get(ks.key) ?? []),
    timers: (timersByKey.get(ks) ?? []).sort((a, b) => a.order - b.order),
  }));
  // A stateless key's NFA is a fresh one, the same for every key (restoring does not read it): one
  // object for all of them. Most keys of a snapshot are such (events waiting for the watermark), and
  // a key state made and written per key was most of a snapshot's cost.
  let fresh: NfaStateSnapshot | undefined;
  for (const [key, list] of waiting)
    if (!m.keys.has(key)) {
      fresh ??= snapshotNfaState(m.nfa, newKeyState(m.nfa, key, m.options.maxPartialMatchesPerKey, 1));
      keys.push({ key, nfa: fresh, buffer: bufferGroups(list), timers: [], stateless: true });
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
    keys,
  };
}

interface Waiting {
  seq: number;
  ts: number;
  event: EventRecord;
  keyless: boolean;
}

type BufferGroup = MatcherSnapshot['keys'][number]['buffer'][number];

/** Waiting events grouped by timestamp (first-seen order), arrival order within a timestamp. */
function bufferGroups(list: readonly Waiting[]): BufferGroup[] {
  const groups = new Map<number, BufferGroup['events']>();
  for (const b of list) {
    const entry = b.keyless
      ? { seq: b.seq, event: b.event, keyless: true as const }
      : { seq: b.seq, event: b.event };
    const group = groups.get(b.ts);
    if (group) group.push(entry);
    else groups.set(b.ts, [entry]);
  }
  return [...groups].map(([ts, events]) => ({ ts, events }));
}
