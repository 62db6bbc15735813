/** Event-time reading for the CLI: the engine's shared implementation, with the wall clock for processing time. */
import type { TimeSettings } from '../engine/format';
import { timeReader as engineTimeReader, type TimeReader } from '../engine';

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
