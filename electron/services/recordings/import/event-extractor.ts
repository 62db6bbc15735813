/**
 * Turns a parsed record into what is stored: timestamp, key and payload, or the reason it
 * cannot be an event. Also keeps the time statistics (distinct keys are counted by the database
 * once the events are stored: run-import.ts).
 */
import { getField } from '../inspect/field-path';
import { parseTimestamp } from '../inspect/timestamps';
import type { TimestampFormat } from '../types';
import { IsoTimestampReader } from './iso-timestamp';

export type Extracted = { ts: number; key: string | null } | { problem: string };

function preview(value: unknown): string {
  const text = typeof value === 'string' ? JSON.stringify(value) : String(JSON.stringify(value));
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function keyText(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

export class EventExtractor {
  minTs: number | null = null;
  maxTs: number | null = null;
  outOfOrder = 0;
  /** How far the last extracted event was behind the latest time before it (0: in order). */
  lastBehindMs = 0;
  private readonly iso = new IsoTimestampReader();

  constructor(
    private readonly timestampField: string,
    private readonly format: TimestampFormat,
    private readonly keyField: string | undefined,
  ) {}

  extract(record: Record<string, unknown>): Extracted {
    return this.extractValues(
      getField(record, this.timestampField),
      this.keyField === undefined ? undefined : getField(record, this.keyField),
    );
  }

  /** The same from the two field values themselves (undefined: the field is absent). */
  extractValues(raw: unknown, rawKey: unknown): Extracted {
    if (raw === undefined || raw === null || raw === '')
      return { problem: `missing timestamp field '${this.timestampField}'` };
    const ts =
      this.format === 'iso8601' && typeof raw === 'string'
        ? this.iso.read(raw)
        : parseTimestamp(raw, this.format);
    if (ts === null)
      return { problem: `timestamp ${preview(raw)} in '${this.timestampField}' is not ${this.format}` };
    const key = keyText(rawKey);
    this.lastBehindMs = this.maxTs !== null && ts < this.maxTs ? this.maxTs - ts : 0;
    if (this.lastBehindMs > 0) this.outOfOrder += 1;
    if (this.minTs === null || ts < this.minTs) this.minTs = ts;
    if (this.maxTs === null || ts > this.maxTs) this.maxTs = ts;
    return { ts, key };
  }
}
