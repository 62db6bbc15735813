/**
 * Suggests which field holds the event time and which one the key, from names and sampled
 * values. Only suggestions: the user confirms them before importing.
 */
import type { InferredField, TimestampFormat } from '../types';
import { getField } from './field-path';
import { detectTimestampFormat } from './timestamps';

/** Names people give event-time fields, normalised (lower case, no _ - . @), best first. */
const TIME_NAMES = [
  'timestamp',
  'ts',
  'eventtime',
  'eventtimestamp',
  'time',
  'datetime',
  'occurredat',
  'createdat',
  'date',
  'timestampms',
  'epoch',
  'epochms',
];

function normalise(name: string): string {
  const last = name.slice(name.lastIndexOf('.') + 1);
  return last.toLowerCase().replace(/[_\-.@\s]/g, '');
}

function timeNameRank(name: string): number {
  const index = TIME_NAMES.indexOf(normalise(name));
  return index === -1 ? TIME_NAMES.length : index;
}

export interface TimestampSuggestion {
  field: string;
  format: TimestampFormat;
}

export function suggestTimestamp(
  fields: InferredField[],
  records: Record<string, unknown>[],
): TimestampSuggestion | null {
  const candidates: { field: string; format: TimestampFormat; rank: number; order: number }[] = [];
  fields.forEach((field, order) => {
    if (field.type === 'object' || field.type === 'array' || field.type === 'boolean') return;
    const rank = timeNameRank(field.name);
    const named = rank < TIME_NAMES.length;
    const format = detectTimestampFormat(
      records.map((r) => getField(r, field.name)),
      named,
    );
    if (format) candidates.push({ field: field.name, format, rank, order });
  });
  candidates.sort((a, b) => a.rank - b.rank || a.order - b.order);
  const best = candidates[0];
  return best ? { field: best.field, format: best.format } : null;
}

/** Names of partitioning keys, normalised, best first; "...id" names come after these. */
const KEY_NAMES = [
  'key',
  'partitionkey',
  'userid',
  'user',
  'accountid',
  'account',
  'customerid',
  'deviceid',
  'device',
  'sessionid',
  'symbol',
  'sensorid',
  'host',
  'id',
];

function keyNameRank(name: string): number {
  const n = normalise(name);
  const index = KEY_NAMES.indexOf(n);
  if (index !== -1) return index;
  return n.endsWith('id') ? KEY_NAMES.length : -1;
}

/**
 * A key must be a scalar and not the timestamp. A field whose values repeat in the sample comes
 * first (a unique id per event partitions nothing). A field named like a partitioning key
 * (`userId`, not the generic `id`/`…Id`) is still proposed when its values do not repeat: with
 * ~100k users, the first 1,000 rows of a recording often hold each user once. Returns null when
 * no field qualifies.
 */
export function suggestKey(
  fields: InferredField[],
  sampleSize: number,
  distinctCount: (name: string) => number | null,
  timestampField: string | null,
): string | null {
  const generic = KEY_NAMES.indexOf('id');
  let best: { name: string; rank: number } | null = null;
  for (const field of fields) {
    if (field.name === timestampField || (field.type !== 'string' && field.type !== 'number')) continue;
    const named = keyNameRank(field.name);
    if (named < 0) continue;
    const distinct = distinctCount(field.name) ?? 0;
    if (distinct < 1) continue;
    const repeats = sampleSize < 2 || distinct < sampleSize;
    if (!repeats && named >= generic) continue;
    const rank = repeats ? named : KEY_NAMES.length + 1 + named;
    if (!best || rank < best.rank) best = { name: field.name, rank };
  }
  return best?.name ?? null;
}
