/**
 * The event time of an ISO-8601 cell, fast for the shape almost every file uses
 * (2026-03-02T09:00:00.000Z, or without the fraction): digits read in place, and the day's start
 * remembered, since neighbouring events share a date. Anything else, or any field out of range,
 * goes to parseTimestamp, so the answer is always exactly parseTimestamp's.
 */
import { parseTimestamp } from '../inspect/timestamps';

const ZERO = 0x30;

function digit(text: string, i: number): number {
  const d = text.charCodeAt(i) - ZERO;
  return d >= 0 && d <= 9 ? d : -1;
}

/** Two digits at i as a number, or a negative number when either is not a digit. */
function two(text: string, i: number): number {
  const a = digit(text, i);
  const b = digit(text, i + 1);
  return a < 0 || b < 0 ? -1 : a * 10 + b;
}

export class IsoTimestampReader {
  private dayKey = -1;
  private dayMs = 0;

  /** Epoch milliseconds, or null when the text is not an ISO-8601 timestamp. */
  read(text: string): number | null {
    const fast = this.readCommonShape(text);
    return fast ?? parseTimestamp(text, 'iso8601');
  }

  /** null here means "not the common shape", not "invalid". */
  private readCommonShape(text: string): number | null {
    const length = text.length;
    if (length !== 24 && length !== 20) return null;
    if (text.charCodeAt(4) !== 0x2d || text.charCodeAt(7) !== 0x2d || text.charCodeAt(10) !== 0x54)
      return null;
    if (text.charCodeAt(13) !== 0x3a || text.charCodeAt(16) !== 0x3a || text.charCodeAt(length - 1) !== 0x5a)
      return null;
    let fraction = 0;
    if (length === 24) {
      if (text.charCodeAt(19) !== 0x2e) return null;
      const f0 = digit(text, 20);
      const f1 = digit(text, 21);
      const f2 = digit(text, 22);
      if (f0 < 0 || f1 < 0 || f2 < 0) return null;
      fraction = f0 * 100 + f1 * 10 + f2;
    }
    const century = two(text, 0);
    const year2 = two(text, 2);
    const month = two(text, 5);
    const day = two(text, 8);
    const hour = two(text, 11);
    const minute = two(text, 14);
    const second = two(text, 17);
    if (century < 0 || year2 < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23) return null;
    if (minute < 0 || minute > 59 || second < 0 || second > 59) return null;
    const key = ((century * 100 + year2) * 100 + month) * 100 + day;
    if (key !== this.dayKey) {
      const year = century * 100 + year2;
      // Date.UTC as parseIso8601 calls it (years 0-99 included); a day past the month's end is left to it.
      const start = Date.UTC(year, month - 1, day);
      if (new Date(start).getUTCDate() !== day) return null;
      this.dayKey = key;
      this.dayMs = start;
    }
    return this.dayMs + ((hour * 60 + minute) * 60 + second) * 1000 + fraction;
  }
}
