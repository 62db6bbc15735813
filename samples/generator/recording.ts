/**
 * Shared shape of a generated recording: events with an id and a timestamp, written in arrival order.
 * Arrival order differs from timestamp order by a bounded jitter, as in real collection pipelines,
 * and every planted incident and near miss is listed: they become the sample patterns' tests.
 */
export type SampleEvent = Record<string, string | number | boolean> & { id: string };

export interface PlantedMatch {
  /** The sample pattern that must find it. */
  pattern: string;
  /** Event ids of the match (or of the timed-out partial match), in pattern order. */
  ids: string[];
  kind: 'match' | 'timeout';
  why: string;
}

/** A near miss: almost an incident, and the sample pattern must not fire for that key in that time range. */
export interface PlantedNearMiss {
  pattern: string;
  kind: 'near-miss';
  key: string;
  /** Epoch ms, both ends included. */
  from: number;
  to: number;
  why: string;
}

export type Planted = PlantedMatch | PlantedNearMiss;

export interface GeneratedRecording {
  events: SampleEvent[];
  planted: Planted[];
}

/** Stable ids: "tx-000042". */
export function idMaker(prefix: string): () => string {
  let n = 0;
  return () => `${prefix}-${String(++n).padStart(6, '0')}`;
}

/**
 * Shuffles events by a bounded delay: each event "arrives" up to maxDelayMs after its timestamp.
 * `ts` returns an event's timestamp in ms.
 */
export function arrivalOrder<T>(events: T[], ts: (e: T) => number, delay: () => number): T[] {
  return events
    .map((e, i) => ({ e, at: ts(e) + delay(), i }))
    .sort((a, b) => a.at - b.at || a.i - b.i)
    .map((x) => x.e);
}

export const START_MS = Date.UTC(2026, 2, 2, 9, 0, 0);
export const MINUTE = 60_000;

/**
 * Gives events ids in timestamp order ("tx-000001" is the earliest), rewriting the planted ids to match,
 * so that ids read naturally in the replay table.
 */
export function renumber(rec: GeneratedRecording, prefix: string): GeneratedRecording {
  const byTime = [...rec.events].sort(
    (a, b) => (a.ts as number) - (b.ts as number) || a.id.localeCompare(b.id),
  );
  const nextId = idMaker(prefix);
  const map = new Map<string, string>();
  for (const e of byTime) map.set(e.id, nextId());
  const rename = (id: string): string => map.get(id) ?? id;
  return {
    events: rec.events.map((e) => ({ ...e, id: rename(e.id) })),
    planted: rec.planted.map((p) => (p.kind === 'near-miss' ? p : { ...p, ids: p.ids.map(rename) })),
  };
}
