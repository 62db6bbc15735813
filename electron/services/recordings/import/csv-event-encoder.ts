/**
 * CSV cells straight to what an import stores, without a record object per row: the payload's
 * JSON text is put together from the cells (the same text JSON.stringify gives for the record
 * readCsv would build), and the schema is counted per column. Only for headers where that
 * equivalence is plain: every name an ordinary object key (no array-index names, which objects
 * order first, no __proto__), and the timestamp and key fields named columns.
 */
import { KIND } from '../inspect/schema-builder';
import { isIso8601 } from '../inspect/timestamps';
import { NUMBER_CELL, cellValue } from '../../../../node/recordings/cell-value';
import type { ColumnType } from '../types';
import { typeProblem } from './column-types';

/** Per column: store as read, or the enforced type (column-types.ts). */
const AS_READ = 0;
const CHECKED = 1;
export const TEXT = 2;

/** The schema builder's field limit: a wider file takes the general path, which truncates. */
const MAX_COLUMNS = 500;

/** What JSON.stringify escapes in a string (surrogates included, paired or not: escaping is then only checked). */
// eslint-disable-next-line no-control-regex -- control characters are what JSON escapes
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

function isPlainName(name: string): boolean {
  return name !== '__proto__' && !/^\d+$/.test(name);
}

/**
 * True when the cell is a number that JSON writes exactly as the cell: a plain decimal (what
 * NUMBER_CELL accepts, without an exponent) of at most 15 digits, so that its shortest round-trip
 * form is these digits; no trailing zero after the point, not -0, and not below 1e-6, where
 * String() switches to an exponent. Any other number goes through Number and String.
 */
export function isPlainNumber(cell: string): boolean {
  const length = cell.length;
  let i = cell.charCodeAt(0) === 0x2d ? 1 : 0;
  const intStart = i;
  const lead = cell.charCodeAt(i);
  if (lead === 0x30) i += 1;
  else if (lead >= 0x31 && lead <= 0x39) while (i < length && isDigit(cell.charCodeAt(i))) i += 1;
  else return false;
  if (i === length) return i - intStart <= 15 && !(intStart === 1 && lead === 0x30);
  if (cell.charCodeAt(i) !== 0x2e) return false;
  const fracStart = i + 1;
  for (i = fracStart; i < length; i++) if (!isDigit(cell.charCodeAt(i))) return false;
  if (length === fracStart || length - intStart - 1 > 15 || cell.charCodeAt(length - 1) === 0x30)
    return false;
  return !(lead === 0x30 && cell.startsWith('000000', fracStart));
}

/** A cell cellValue reads as a boolean ("true", "FALSE"). */
function isBooleanCell(cell: string): boolean {
  if (cell.length !== 4 && cell.length !== 5) return false;
  const lower = cell.toLowerCase();
  return lower === 'true' || lower === 'false';
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** The cheap part of isIso8601's test, done here so most text cells skip the call. */
function mayBeIso(cell: string): boolean {
  return (
    cell.length >= 10 &&
    cell.charCodeAt(4) === 0x2d &&
    isDigit(cell.charCodeAt(0)) &&
    isDigit(cell.charCodeAt(1)) &&
    isDigit(cell.charCodeAt(2)) &&
    isDigit(cell.charCodeAt(3))
  );
}

export interface ColumnSchema {
  name: string;
  kinds: number;
  present: number;
  /** Rows holding a number. */
  numbers: number;
}

export class CsvEventEncoder {
  /** Rows encoded (each one counted in the schema). */
  rows = 0;
  // Read and counted by the byte path too (csv-line-encoder.ts), which encodes the same rows alike.
  readonly kinds: number[];
  readonly present: number[];
  readonly numbers: number[];
  /** `{"name":` for the first column, `,"name":` for the others. */
  readonly prefixes: string[];
  /** Reused by encode. */
  private readonly parts: string[] = [];
  /** Per column AS_READ, CHECKED or TEXT. */
  readonly modes: number[];
  /** Columns whose type is checked, with it. */
  readonly checkedColumns: [number, ColumnType][];

  private constructor(
    readonly header: readonly string[],
    readonly tsColumn: number,
    readonly keyColumn: number,
    types: Record<string, ColumnType>,
  ) {
    this.modes = header.map((name, i) => {
      const type = i === tsColumn ? undefined : types[name];
      if (type === 'string') return TEXT;
      return type === 'number' || type === 'boolean' ? CHECKED : AS_READ;
    });
    this.checkedColumns = header.flatMap((name, i): [number, ColumnType][] =>
      this.modes[i] === CHECKED ? [[i, types[name]]] : [],
    );
    this.kinds = header.map(() => 0);
    this.present = header.map(() => 0);
    this.numbers = header.map(() => 0);
    this.prefixes = header.map((name, i) => `${i === 0 ? '{' : ','}${JSON.stringify(name)}:`);
  }

  /** The encoder for this header, or null when the general path must be taken. */
  static forHeader(
    header: readonly string[],
    timestampField: string,
    keyField: string | undefined,
    types: Record<string, ColumnType> = {},
  ): CsvEventEncoder | null {
    if (header.length === 0 || header.length > MAX_COLUMNS || !header.every(isPlainName)) return null;
    const tsColumn = header.indexOf(timestampField);
    const keyColumn = keyField === undefined ? -1 : header.indexOf(keyField);
    if (tsColumn < 0 || (keyField !== undefined && keyColumn < 0)) return null;
    return new CsvEventEncoder(header, tsColumn, keyColumn, types);
  }

  /**
   * Why the row's cells do not fit the enforced column types, or null. Empty cells, plain decimals
   * in a number column and true/false in a boolean one fit without making their value (the import
   * dialog enforces every inferred type, so this runs for most columns of most rows).
   */
  problem(cells: readonly string[]): string | null {
    for (const [i, type] of this.checkedColumns) {
      const cell = cells[i] ?? '';
      if (cell === '' || (type === 'number' ? isPlainNumber(cell) : isBooleanCell(cell))) continue;
      const problem = typeProblem(this.header[i], cellValue(cell), type);
      if (problem) return problem;
    }
    return null;
  }

  /** The timestamp field's value, as the record would hold it. */
  timestamp(cells: readonly string[]): unknown {
    return cellValue(cells[this.tsColumn]);
  }

  /** The key field's value, as the record would hold it; undefined without a key field. */
  key(cells: readonly string[]): unknown {
    return this.keyColumn < 0 ? undefined : cellValue(cells[this.keyColumn]);
  }

  /**
   * The row's payload text; also counts the row in the schema. Joined from an array of parts, so
   * the text is one flat string at once rather than a rope of concatenations (which the database
   * binding or a worker message would have to flatten later, and which costs the collector more).
   */
  encode(cells: readonly string[]): string {
    this.rows += 1;
    const { kinds, present, prefixes, parts } = this;
    parts.length = 0;
    for (let i = 0; i < cells.length; i++) {
      const cell = cells[i];
      parts.push(prefixes[i]);
      if (cell === '') {
        parts.push('null');
        continue;
      }
      present[i] += 1;
      const first = cell.charCodeAt(0);
      if (this.modes[i] === TEXT) {
        kinds[i] |= KIND.string;
      } else if (isDigit(first) || first === 0x2d) {
        if (isPlainNumber(cell)) {
          kinds[i] |= KIND.number;
          this.numbers[i] += 1;
          parts.push(cell);
          continue;
        }
        if (NUMBER_CELL.test(cell)) {
          const n = Number(cell);
          if (Number.isFinite(n)) {
            kinds[i] |= KIND.number;
            this.numbers[i] += 1;
            parts.push(String(n));
            continue;
          }
        }
      } else if (
        (cell.length === 4 || cell.length === 5) &&
        ((first | 0x20) === 0x74 || (first | 0x20) === 0x66)
      ) {
        const lower = cell.toLowerCase();
        if (lower === 'true' || lower === 'false') {
          kinds[i] |= KIND.boolean;
          parts.push(lower);
          continue;
        }
      }
      // The timestamp column's schema type is fixed to timestamp by the import, whatever is seen.
      if (i === this.tsColumn) kinds[i] |= KIND.timestamp;
      else kinds[i] |= mayBeIso(cell) && isIso8601(cell) ? KIND.timestamp : KIND.string;
      if (NEEDS_ESCAPE.test(cell)) parts.push(JSON.stringify(cell));
      else parts.push('"', cell, '"');
    }
    parts.push('}');
    return parts.join('');
  }

  /** Per column: the kinds of value seen and how many rows held one. */
  schemaColumns(): ColumnSchema[] {
    return this.header.map((name, i) => ({
      name,
      kinds: this.kinds[i],
      present: this.present[i],
      numbers: this.numbers[i],
    }));
  }
}
