/**
 * Infers a schema by watching records go by: per field, which kinds of values appeared and
 * whether it was ever missing or null. Nested objects contribute dotted fields ("user.id").
 * Bounded: at most MAX_FIELDS fields and MAX_DEPTH levels, so odd data cannot exhaust memory.
 */
import type { InferredField, InferredType } from '../types';
import { isIso8601 } from './timestamps';

const MAX_FIELDS = 500;
const MAX_DEPTH = 3;
const MAX_DISTINCT = 1000;

/** The kinds of value a field held, as bits (exported for columnar readers: addColumns). */
export const KIND = { number: 1, string: 2, boolean: 4, timestamp: 8, object: 16, array: 32 } as const;
const TYPE_OF_MASK = new Map<number, InferredType>([
  [KIND.number, 'number'],
  [KIND.string, 'string'],
  [KIND.boolean, 'boolean'],
  [KIND.timestamp, 'timestamp'],
  [KIND.object, 'object'],
  [KIND.array, 'array'],
  // Some strings looked like dates and some did not: they are text.
  [KIND.string | KIND.timestamp, 'string'],
]);

interface FieldStats {
  kinds: number;
  /** Rows where the field held a non-null value. */
  present: number;
  /** Rows where it held a number (a few text cells among many numbers are malformed cells, not text). */
  numbers: number;
  distinct: Set<unknown> | null;
}

/**
 * A column of numbers with a few text cells ("n/a", "-") is a number column with malformed cells:
 * at most 5% of its values (at least one) and at most a fifth as many as its numbers.
 */
export function isNumberWithOddCells(kinds: number, present: number, numbers: number): boolean {
  const odd = present - numbers;
  if ((kinds & KIND.number) === 0 || (kinds & ~(KIND.number | KIND.string | KIND.timestamp)) !== 0)
    return false;
  return odd > 0 && odd <= Math.max(1, present * 0.05) && numbers >= 4 * odd;
}

function kindOf(value: unknown): number {
  switch (typeof value) {
    case 'number':
      return KIND.number;
    case 'boolean':
      return KIND.boolean;
    case 'string':
      return isIso8601(value) ? KIND.timestamp : KIND.string;
    default:
      return Array.isArray(value) ? KIND.array : KIND.object;
  }
}

export class SchemaBuilder {
  private readonly fields = new Map<string, FieldStats>();
  private rows = 0;
  truncated = false;

  /** `trackDistinct` keeps up to 1,000 distinct scalar values per field (for key suggestions). */
  constructor(private readonly trackDistinct = false) {}

  add(record: Record<string, unknown>): void {
    this.rows += 1;
    this.visit(record, '', 1);
  }

  private visit(object: Record<string, unknown>, prefix: string, depth: number): void {
    for (const key in object) {
      const value = object[key];
      const name = prefix === '' ? key : `${prefix}.${key}`;
      let stats = this.fields.get(name);
      if (!stats) {
        if (this.fields.size >= MAX_FIELDS) {
          this.truncated = true;
          continue;
        }
        stats = { kinds: 0, present: 0, numbers: 0, distinct: this.trackDistinct ? new Set() : null };
        this.fields.set(name, stats);
      }
      if (value === null || value === undefined) continue;
      stats.present += 1;
      const kind = kindOf(value);
      stats.kinds |= kind;
      if (kind === KIND.number) stats.numbers += 1;
      if (
        stats.distinct &&
        kind !== KIND.object &&
        kind !== KIND.array &&
        stats.distinct.size <= MAX_DISTINCT
      ) {
        stats.distinct.add(value);
      }
      if (kind === KIND.object && depth < MAX_DEPTH)
        this.visit(value as Record<string, unknown>, name, depth + 1);
    }
  }

  /**
   * Adds `rows` flat records at once, described per field (in the records' key order) by the
   * KIND bits of their values and how many were non-null: what a columnar reader gathers without
   * building the records. Distinct values are not known this way.
   */
  addColumns(
    rows: number,
    columns: readonly { name: string; kinds: number; present: number; numbers?: number }[],
  ): void {
    if (this.trackDistinct) throw new Error('addColumns cannot track distinct values');
    if (rows === 0) return;
    this.rows += rows;
    for (const column of columns) {
      let stats = this.fields.get(column.name);
      if (!stats) {
        if (this.fields.size >= MAX_FIELDS) {
          this.truncated = true;
          continue;
        }
        stats = { kinds: 0, present: 0, numbers: 0, distinct: null };
        this.fields.set(column.name, stats);
      }
      stats.kinds |= column.kinds;
      stats.present += column.present;
      stats.numbers += column.numbers ?? 0;
    }
  }

  get rowCount(): number {
    return this.rows;
  }

  /** Distinct values seen (capped at 1,001), or null when not tracked. */
  distinctCount(name: string): number | null {
    return this.fields.get(name)?.distinct?.size ?? null;
  }

  build(): InferredField[] {
    return [...this.fields].map(([name, stats]) => ({
      name,
      type: isNumberWithOddCells(stats.kinds, stats.present, stats.numbers)
        ? 'number'
        : (TYPE_OF_MASK.get(stats.kinds) ?? 'any'),
      nullable: stats.present < this.rows,
    }));
  }
}
