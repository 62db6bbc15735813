/** Event-time reading for the CLI: the engine's shared implementation, with the wall clock for processing time. */
import type { PatternDocument, TimeSettings } from '../engine/format';
import type { EventRecord } from '../engine/pattern/spec';
import { fieldValue, timeReader as engineTimeReader, type TimeReader } from '../engine';

export {
  fieldValue,
  fieldReader,
  toEpochMillis,
  keyReader,
  keyText,
  type TimeFormat,
  type TimeReader,
} from '../engine';

/** `fieldOverride` (e.g. --time-field) switches a processing-time document to event time on that field. */
export function timeReader(
  settings: TimeSettings,
  fieldOverride?: string,
  now: () => number = Date.now,
): TimeReader {
  return engineTimeReader(settings, fieldOverride, now);
}

const FORMAT_NAME = {
  iso8601: 'an ISO-8601 timestamp',
  epochMillis: 'epoch milliseconds',
  epochSeconds: 'epoch seconds',
} as const;

/**
 * Why an event's time cannot be read under `doc`'s settings, naming the field and what it holds
 * (null when it can, or the pattern runs in processing time). The matcher only knows an event's
 * number; the CLI puts this after the file and line, which is what a user fixes.
 */
export function timeProblemReader(
  doc: PatternDocument,
  fieldOverride?: string,
): (event: EventRecord) => string | null {
  const time = timeReader(doc.settings.time, fieldOverride);
  if (time.mode !== 'event') return () => null;
  const field = fieldOverride ?? (doc.settings.time.mode === 'event' ? doc.settings.time.field : '');
  const format = doc.settings.time.mode === 'event' ? doc.settings.time.format : 'epochMillis';
  return (event) => {
    try {
      time.timestampOf(event);
      return null;
    } catch {
      const value = fieldValue(event, field);
      return value === undefined || value === null
        ? `the time field "${field}" is missing`
        : `the time field "${field}" holds ${JSON.stringify(value).slice(0, 80)}, not ${FORMAT_NAME[format]}`;
    }
  };
}
