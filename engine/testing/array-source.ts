/**
 * An EventSource over events in memory: a case's inline events, or a file the CLI read. Recorded
 * time is the pattern's event time when it can be read (processing-time patterns: the position, in
 * milliseconds, so a run is deterministic).
 */
import type { ReplayPattern } from '../debug/replay-pattern';
import type { EventSource, ReplayEvent } from '../debug/types';
import type { EventRecord } from '../pattern/spec';

export function arraySource(events: readonly EventRecord[], pattern: ReplayPattern): EventSource {
  const { timestampOf } = pattern.matcherOptions(() => 0);
  const list: ReplayEvent[] = events.map((payload, seq) => {
    let ts = seq;
    if (pattern.time === 'event')
      try {
        ts = timestampOf(payload);
      } catch {
        // The matcher reports the unreadable time when it gets there; the source only needs a number.
      }
    return { seq, ts, key: pattern.partitionKey === null ? null : pattern.keyOf(payload), payload };
  });
  return { count: list.length, read: (from, to) => list.slice(from, to) };
}
