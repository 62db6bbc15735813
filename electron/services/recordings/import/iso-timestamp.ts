/**
 * The event time of an ISO-8601 cell: the engine's digit-by-digit reader for the shape almost every
 * file uses (2026-03-02T09:00:00.000Z, or without the fraction); anything else goes to
 * parseTimestamp, so the answer is always exactly parseTimestamp's.
 */
import { isoCommonShape } from '../../../../engine/runtime/iso8601';
import { parseTimestamp } from '../inspect/timestamps';

export class IsoTimestampReader {
  /** Epoch milliseconds, or null when the text is not an ISO-8601 timestamp. */
  read(text: string): number | null {
    return isoCommonShape(text) ?? parseTimestamp(text, 'iso8601');
  }
}
