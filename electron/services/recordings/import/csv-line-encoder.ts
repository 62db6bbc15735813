/**
 * The byte path of a CSV import: a line without quotes whose characters are all printable ASCII
 * (no backslash, no control character) is read in place, in the text it was decoded into, and its
 * payload JSON written byte by byte into the batch's buffer (payload-bytes.ts): no string per
 * cell, no string per payload. The result is exactly what CsvEventEncoder.encode gives for the
 * cells String.split would make (property-tested against it, test/unit/recordings/csv-byte-path),
 * and it counts the row in the same encoder's schema. Any other line, and any cell whose value
 * needs more than its digits (a number to rewrite, a type problem), takes the general path:
 * `locate` and `fits` decide that before anything is counted.
 */
import { KIND } from '../inspect/schema-builder';
import { isIso8601 } from '../inspect/timestamps';
import { NUMBER_CELL, cellValue } from '../../../../node/recordings/cell-value';
import type { CsvEventEncoder } from './csv-event-encoder';
import { TEXT } from './csv-event-encoder';
import type { PayloadBytes } from './payload-bytes';

const BACKSLASH = 0x5c;
const QUOTE = 0x22;
const MINUS = 0x2d;
const ZERO = 0x30;
const NULL_BYTES = [0x6e, 0x75, 0x6c, 0x6c];
const TRUE_BYTES = [0x74, 0x72, 0x75, 0x65];
const FALSE_BYTES = [0x66, 0x61, 0x6c, 0x73, 0x65];

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** isPlainNumber (csv-event-encoder.ts) on text[s, e), s < e. */
function isPlainNumberAt(text: string, s: number, e: number): boolean {
  let i = text.charCodeAt(s) === MINUS ? s + 1 : s;
  const intStart = i;
  const lead = i < e ? text.charCodeAt(i) : -1;
  if (lead === ZERO) i += 1;
  else if (lead >= 0x31 && lead <= 0x39) while (i < e && isDigit(text.charCodeAt(i))) i += 1;
  else return false;
  if (i === e) return i - intStart <= 15 && !(intStart === s + 1 && lead === ZERO);
  if (text.charCodeAt(i) !== 0x2e) return false;
  const fracStart = i + 1;
  for (i = fracStart; i < e; i++) if (!isDigit(text.charCodeAt(i))) return false;
  if (e === fracStart || e - intStart - 1 > 15 || text.charCodeAt(e - 1) === ZERO) return false;
  if (lead !== ZERO || e - fracStart < 6) return true;
  for (i = fracStart; i < fracStart + 6; i++) if (text.charCodeAt(i) !== ZERO) return true;
  return false;
}

/** mayBeIso (csv-event-encoder.ts) on text[s, e). */
function mayBeIsoAt(text: string, s: number, e: number): boolean {
  return (
    e - s >= 10 &&
    text.charCodeAt(s + 4) === MINUS &&
    isDigit(text.charCodeAt(s)) &&
    isDigit(text.charCodeAt(s + 1)) &&
    isDigit(text.charCodeAt(s + 2)) &&
    isDigit(text.charCodeAt(s + 3))
  );
}

/** 1 for true, 0 for false (any letter case), -1 for neither: what cellValue reads as a boolean. */
function booleanAt(text: string, s: number, e: number): number {
  const n = e - s;
  if (n === 4) {
    return (text.charCodeAt(s) | 0x20) === 0x74 &&
      (text.charCodeAt(s + 1) | 0x20) === 0x72 &&
      (text.charCodeAt(s + 2) | 0x20) === 0x75 &&
      (text.charCodeAt(s + 3) | 0x20) === 0x65
      ? 1
      : -1;
  }
  if (n === 5) {
    return (text.charCodeAt(s) | 0x20) === 0x66 &&
      (text.charCodeAt(s + 1) | 0x20) === 0x61 &&
      (text.charCodeAt(s + 2) | 0x20) === 0x6c &&
      (text.charCodeAt(s + 3) | 0x20) === 0x73 &&
      (text.charCodeAt(s + 4) | 0x20) === 0x65
      ? 0
      : -1;
  }
  return -1;
}

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= 0x80) return false;
  return true;
}

export class CsvLineEncoder {
  /** Cell i is text[starts[i], starts[i + 1] - 1); filled by locate. */
  private readonly starts: Int32Array;
  private readonly columns: number;
  private readonly prefixBytes: number[][];
  private readonly prefixLength: number;

  private constructor(
    private readonly encoder: CsvEventEncoder,
    private readonly delimiter: number,
  ) {
    this.columns = encoder.header.length;
    this.starts = new Int32Array(this.columns + 1);
    this.prefixBytes = encoder.prefixes.map((p) => Array.from(p, (c) => c.charCodeAt(0)));
    this.prefixLength = encoder.prefixes.reduce((n, p) => n + p.length, 0);
  }

  /** The byte path for this encoder's header, or null when its names are not ASCII. */
  static of(encoder: CsvEventEncoder, delimiter: string): CsvLineEncoder | null {
    return encoder.prefixes.every(isAscii) ? new CsvLineEncoder(encoder, delimiter.charCodeAt(0)) : null;
  }

  /**
   * Finds the cells of the quote-free line text[start, end); false when the line is not for the
   * byte path: a character that is not printable ASCII, a backslash or quote, or a column count
   * other than the header's.
   */
  locate(text: string, start: number, end: number): boolean {
    const { starts, delimiter, columns } = this;
    let cell = 0;
    starts[0] = start;
    for (let i = start; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c === delimiter) {
        if (++cell === columns) return false;
        starts[cell] = i + 1;
      } else if (c < 0x20 || c >= 0x7f || c === BACKSLASH || c === QUOTE) return false;
    }
    if (cell !== columns - 1) return false;
    starts[columns] = end + 1;
    return true;
  }

  /** True when the located cells plainly fit their enforced types (else the general path words the problem). */
  fits(text: string): boolean {
    const { starts } = this;
    for (const [i, type] of this.encoder.checkedColumns) {
      const s = starts[i];
      const e = starts[i + 1] - 1;
      if (s === e) continue;
      if (type === 'number' ? !isPlainNumberAt(text, s, e) : booleanAt(text, s, e) < 0) return false;
    }
    return true;
  }

  /** The timestamp cell's value, as the record would hold it. */
  timestamp(text: string): unknown {
    const i = this.encoder.tsColumn;
    return cellValue(text.slice(this.starts[i], this.starts[i + 1] - 1));
  }

  /** The key cell's value; undefined without a key field. */
  key(text: string): unknown {
    const i = this.encoder.keyColumn;
    return i < 0 ? undefined : cellValue(text.slice(this.starts[i], this.starts[i + 1] - 1));
  }

  /** Writes the located row's payload (CsvEventEncoder.encode's text) and counts it in the schema. */
  write(text: string, out: PayloadBytes): void {
    const { starts, columns, prefixBytes, encoder } = this;
    const { kinds, present, numbers, modes, tsColumn } = encoder;
    encoder.rows += 1;
    // Every cell takes at most its length + 2 quotes, or 5 bytes; rewritten numbers reserve their own.
    out.reserve(this.prefixLength + starts[columns] - starts[0] + 5 * columns + 1);
    let data = out.data;
    let o = out.length;
    for (let i = 0; i < columns; i++) {
      const prefix = prefixBytes[i];
      for (let p = 0; p < prefix.length; p++) data[o++] = prefix[p];
      const s = starts[i];
      const e = starts[i + 1] - 1;
      if (s === e) {
        for (let p = 0; p < 4; p++) data[o++] = NULL_BYTES[p];
        continue;
      }
      present[i] += 1;
      const first = text.charCodeAt(s);
      if (modes[i] === TEXT) {
        kinds[i] |= KIND.string;
      } else if (isDigit(first) || first === MINUS) {
        if (isPlainNumberAt(text, s, e)) {
          kinds[i] |= KIND.number;
          numbers[i] += 1;
          for (let p = s; p < e; p++) data[o++] = text.charCodeAt(p);
          continue;
        }
        const cell = text.slice(s, e);
        if (NUMBER_CELL.test(cell)) {
          const n = Number(cell);
          if (Number.isFinite(n)) {
            kinds[i] |= KIND.number;
            numbers[i] += 1;
            const written = String(n);
            out.length = o;
            out.reserve(written.length + this.prefixLength + starts[columns] - s + 5 * columns);
            data = out.data;
            for (let p = 0; p < written.length; p++) data[o++] = written.charCodeAt(p);
            continue;
          }
        }
      } else {
        const bool = booleanAt(text, s, e);
        if (bool >= 0) {
          kinds[i] |= KIND.boolean;
          const bytes = bool === 1 ? TRUE_BYTES : FALSE_BYTES;
          for (let p = 0; p < bytes.length; p++) data[o++] = bytes[p];
          continue;
        }
      }
      if (i === tsColumn) kinds[i] |= KIND.timestamp;
      else if (mayBeIsoAt(text, s, e) && isIso8601(text.slice(s, e))) kinds[i] |= KIND.timestamp;
      else kinds[i] |= KIND.string;
      data[o++] = QUOTE;
      for (let p = s; p < e; p++) data[o++] = text.charCodeAt(p);
      data[o++] = QUOTE;
    }
    data[o++] = 0x7d; // }
    out.length = o;
    out.end();
  }
}
