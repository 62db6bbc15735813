/**
 * Reading and recognising event timestamps. Everything becomes integer epoch milliseconds.
 * ISO-8601 text without a zone is read as UTC, so an import gives the same result on every
 * machine (Date.parse would use the local zone).
 */
import type { TimestampFormat } from '../types';
import { parseIso8601 } from '../../../../engine/runtime/iso8601';

export { parseIso8601 };

const NUMERIC = /^\s*-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?\s*$/;
/** ±8.64e15 ms is the range of a JavaScript Date. */
const MAX_MS = 8.64e15;

/**
 * parseIso8601 remembering its last answer: an import reads each timestamp twice (the event
 * time, then schema inference), and neighbouring events often share one.
 */
let lastIsoText = '';
let lastIsoMs: number | null = null;
function parseIsoCached(text: string): number | null {
  if (text !== lastIsoText) {
    lastIsoMs = parseIso8601(text);
    lastIsoText = text;
  }
  return lastIsoMs;
}

export function isIso8601(text: string): boolean {
  // Cheap shape check first: this runs on every string value during schema inference.
  if (text.length < 10 || text.length > 40 || text.charCodeAt(4) !== 0x2d) return false;
  return parseIsoCached(text) !== null;
}

function asNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && NUMERIC.test(value)) return Number(value);
  return null;
}

/** Epoch milliseconds, or null when the value is not a timestamp in `format`. */
export function parseTimestamp(value: unknown, format: TimestampFormat): number | null {
  let ms: number | null;
  if (format === 'iso8601') {
    ms = typeof value === 'string' ? parseIsoCached(value) : null;
  } else {
    const n = asNumber(value);
    ms = n === null ? null : Math.round(format === 'epochSeconds' ? n * 1000 : n);
  }
  return ms !== null && Math.abs(ms) <= MAX_MS ? ms : null;
}

/** 1e8 s is 1973 and 1e11 s is far future; 1e11 ms is 1973 and 1e14 ms is year 5138. */
const SECONDS_RANGE = [1e8, 1e11] as const;
const MILLIS_RANGE = [1e11, 1e14] as const;

function inRange(n: number, [low, high]: readonly [number, number]): boolean {
  return n >= low && n < high;
}

function reads(value: unknown, format: TimestampFormat, named: boolean): boolean {
  if (format === 'iso8601') return typeof value === 'string' && parseIso8601(value) !== null;
  const n = asNumber(value);
  if (n === null) return false;
  if (format === 'epochSeconds') return inRange(n, SECONDS_RANGE);
  return inRange(n, MILLIS_RANGE) || (named && n >= 0 && n < MILLIS_RANGE[1] && !inRange(n, SECONDS_RANGE));
}

/**
 * The format that reads the field's values, or null. Numbers count as timestamps only in a
 * plausible calendar range, unless `named` says the field is called like a timestamp (then
 * small numbers such as 1, 2, 3 are read as milliseconds: logical time in test recordings).
 * A field named like a timestamp may have up to 10% unreadable values (they will be reported as
 * malformed rows on import); any other field must be readable throughout.
 */
export function detectTimestampFormat(values: readonly unknown[], named: boolean): TimestampFormat | null {
  const present = values.filter((v) => v !== null && v !== undefined && v !== '');
  if (present.length === 0) return null;
  const needed = named ? Math.ceil(present.length * 0.9) : present.length;
  let best: { format: TimestampFormat; count: number } | null = null;
  for (const format of ['iso8601', 'epochMillis', 'epochSeconds'] as const) {
    const count = present.filter((v) => reads(v, format, named)).length;
    if (count >= needed && (!best || count > best.count)) best = { format, count };
  }
  return best?.format ?? null;
}
