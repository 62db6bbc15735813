/**
 * Turns an event's time field into epoch milliseconds per a document's time settings. Shared by
 * the app (replay), the CLI and servers so every host reads time the same way. Pure: processing
 * time reads an injected clock, never the wall clock.
 */
import { FLINK_WATERMARK_INTERVAL_MS, type TimeSettings } from '../format/schema';
import type { EventRecord } from '../pattern/spec';
import { isoCommonShape, parseIso8601 } from './iso8601';

export type TimeFormat = 'epochMillis' | 'epochSeconds' | 'iso8601';

/** Reads a dotted field path (`user.id`). */
export function fieldValue(event: EventRecord, path: string): unknown {
  return fieldReader(path)(event);
}

/** A reader of a dotted field path, split once (a reader runs per event, per rule). */
export function fieldReader(path: string): (event: EventRecord) => unknown {
  const keys = path.split('.');
  if (keys.length === 1) {
    const k = keys[0];
    return (event) => event[k];
  }
  return (event) => {
    let v: unknown = event;
    for (const k of keys) {
      if (v === null || typeof v !== 'object') return undefined;
      v = (v as Record<string, unknown>)[k];
    }
    return v;
  };
}

/** Milliseconds, or null when the value cannot be read as a time in this format. */
export function toEpochMillis(value: unknown, format: TimeFormat): number | null {
  if (typeof value === 'number' && Number.isFinite(value))
    return format === 'epochSeconds' ? value * 1000 : value;
  if (typeof value === 'string' && value.trim() !== '') {
    // The usual ISO shape first: no Number() (never a number) and no regular expression.
    const iso = isoCommonShape(value);
    if (iso !== null) return iso;
    const n = Number(value);
    if (Number.isFinite(n)) return format === 'epochSeconds' ? n * 1000 : n;
    return parseIso8601(value);
  }
  return null;
}

export interface TimeReader {
  mode: 'event' | 'processing';
  /** Event time of an event (processing time: the clock); throws with the field and value when it cannot be read. */
  timestampOf: (event: EventRecord) => number;
  outOfOrdernessMs: number;
  /** Periodic watermark interval (ms), as the matcher's watermarkIntervalMs; 0 in processing time. */
  watermarkIntervalMs: number;
}

/**
 * `fieldOverride` (e.g. --time-field) switches a processing-time document to event time on that
 * field. `clock` supplies processing time (the CLI passes the wall clock, replay the recorded time).
 */
export function timeReader(
  settings: TimeSettings,
  fieldOverride: string | undefined,
  clock: () => number,
): TimeReader {
  const field = fieldOverride ?? (settings.mode === 'event' ? settings.field : undefined);
  if (field === undefined)
    return { mode: 'processing', timestampOf: () => clock(), outOfOrdernessMs: 0, watermarkIntervalMs: 0 };
  const format: TimeFormat = settings.mode === 'event' ? settings.format : 'epochMillis';
  const read = fieldReader(field);
  return {
    mode: 'event',
    outOfOrdernessMs: settings.mode === 'event' ? settings.outOfOrdernessMs : 0,
    // --time-field on a processing-time document: Flink's default interval.
    watermarkIntervalMs:
      settings.mode === 'event' ? settings.watermarkIntervalMs : FLINK_WATERMARK_INTERVAL_MS,
    timestampOf: (event) => {
      const ms = toEpochMillis(read(event), format);
      if (ms === null)
        throw new Error(
          `the time field "${field}" is ${JSON.stringify(fieldValue(event, field)) ?? 'missing'} in ${JSON.stringify(event).slice(0, 200)}`,
        );
      return ms;
    },
  };
}

/** A reader of a partition key as text (see keyText). */
export function keyReader(path: string): (event: EventRecord) => string {
  const read = fieldReader(path);
  return (event) => keyText(read(event));
}

/** A partition key value as text; objects by their JSON so different values stay different keys. */
export function keyText(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}
