/**
 * The column types the user confirmed before importing, enforced row by row: a value of another
 * kind ("n/a" in a number column) makes its row malformed, reported with its line like any other;
 * a text column keeps CSV cells as written ("007", "42.50"). Fields not named, and 'any', are
 * stored as read. The timestamp field is read by its own format, never by these rules.
 */
import { getField } from '../inspect/field-path';
import type { ColumnType, InferredField } from '../types';

function describeValue(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

/** The reason a value does not fit `type`, or null (missing values always fit: the field is nullable). */
export function typeProblem(name: string, value: unknown, type: ColumnType): string | null {
  if (value === null || value === undefined || type === 'any' || type === 'string') return null;
  if (type === 'number' ? typeof value === 'number' : typeof value === 'boolean') return null;
  return `'${name}' is ${describeValue(value)}, not a ${type === 'number' ? 'number' : 'boolean'}`;
}

export class ColumnTypeRules {
  /** Checked fields (number, boolean) and text fields, without the timestamp field. */
  private readonly checked: [string, ColumnType][];
  private readonly text: string[];

  private constructor(types: Record<string, ColumnType>, timestampField: string) {
    const entries = Object.entries(types).filter(([name]) => name !== timestampField);
    this.checked = entries.filter(([, type]) => type === 'number' || type === 'boolean');
    this.text = entries.filter(([, type]) => type === 'string').map(([name]) => name);
  }

  /** Null when there is nothing to enforce. */
  static of(types: Record<string, ColumnType> | undefined, timestampField: string): ColumnTypeRules | null {
    const rules = new ColumnTypeRules(types ?? {}, timestampField);
    return rules.checked.length + rules.text.length === 0 ? null : rules;
  }

  /** Why the record does not fit, or null. */
  problem(record: Record<string, unknown>): string | null {
    for (const [name, type] of this.checked) {
      const problem = typeProblem(name, getField(record, name), type);
      if (problem) return problem;
    }
    return null;
  }

  /**
   * Turns the text fields' numbers and booleans back into text: for CSV from the cells as written
   * (`raw`), else with String(). True when the record changed (its source JSON no longer matches).
   */
  toText(record: Record<string, unknown>, raw?: (name: string) => string | undefined): boolean {
    let changed = false;
    for (const name of this.text) {
      const value = record[name];
      if (typeof value !== 'number' && typeof value !== 'boolean') continue;
      record[name] = raw?.(name) ?? String(value);
      changed = true;
    }
    return changed;
  }

  /** The stored schema says what was enforced. */
  schema(fields: InferredField[]): InferredField[] {
    const text = new Set(this.text);
    const checked = new Map(this.checked);
    return fields.map((f) => {
      const type = text.has(f.name) ? 'string' : checked.get(f.name);
      return type ? { ...f, type } : f;
    });
  }
}
