/**
 * Builds the WHERE clause of an event filter. Field names and values are bound as parameters,
 * never spliced into SQL. JSON paths quote each segment, so any key name is safe.
 */
import type { EventFilter, FilterValue } from '../types';
import type { ExpressionSql } from './event-expression-sql';

export interface FilterSql {
  where: string;
  params: (string | number)[];
}

function jsonPath(segments: string[]): string {
  return '$' + segments.map((s) => `."${s.replace(/"/g, '\\"')}"`).join('');
}

/** A literal key "a.b" (CSV header) or the nested path a → b: either may hold the value. */
function paths(field: string): string[] {
  const literal = jsonPath([field]);
  return field.includes('.') ? [literal, jsonPath(field.split('.'))] : [literal];
}

const NUMERIC = /^-?\d+(?:\.\d+)?$/;

/** The events of one key, found in the key table (migration 007) in seq order. */
export const KEY_SEQS_SQL = 'seq IN (SELECT seq FROM event_keys WHERE recording_id = ? AND key = ?)';

function equalsCondition(
  recordingId: number,
  field: string,
  value: FilterValue,
  keyField: string | null,
  params: (string | number)[],
): string {
  if (field === keyField && value !== null) {
    params.push(recordingId, String(value));
    return KEY_SEQS_SQL;
  }
  const alternatives = paths(field).map((path) => {
    if (value === null || typeof value === 'boolean') {
      params.push(path, value === null ? 'null' : String(value));
      return 'json_type(payload, ?) = ?';
    }
    if (typeof value === 'string' && NUMERIC.test(value)) {
      // Typed into a search box as text, but the stored value may be a number (CSV "42" became 42).
      params.push(path, value, Number(value));
      return 'json_extract(payload, ?) IN (?, ?)';
    }
    params.push(path, value);
    return 'json_extract(payload, ?) = ?';
  });
  return alternatives.length === 1 ? alternatives[0] : `(${alternatives.join(' OR ')})`;
}

function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** `expression`: the filter's condition as far as SQL says it (event-expression-sql.ts), if it has one. */
export function filterSql(
  recordingId: number,
  filter: EventFilter | undefined,
  keyField: string | null,
  expression?: ExpressionSql,
): FilterSql {
  const conditions = ['recording_id = ?'];
  const params: (string | number)[] = [recordingId];
  if (filter?.fromTs !== undefined) {
    conditions.push('ts >= ?');
    params.push(filter.fromTs);
  }
  if (filter?.toTs !== undefined) {
    conditions.push('ts <= ?');
    params.push(filter.toTs);
  }
  for (const { field, value } of filter?.equals ?? [])
    conditions.push(equalsCondition(recordingId, field, value, keyField, params));
  if (filter?.contains) {
    conditions.push("payload LIKE ? ESCAPE '\\'");
    params.push(likePattern(filter.contains));
  }
  if (filter?.seqs) {
    // Bound one by one: a list of whole numbers checked by the contract, at most 10,000.
    conditions.push(filter.seqs.length > 0 ? `seq IN (${filter.seqs.map(() => '?').join(', ')})` : '0');
    params.push(...filter.seqs);
  }
  if (expression?.where) {
    conditions.push(`(${expression.where})`);
    params.push(...expression.params);
  }
  return { where: conditions.join(' AND '), params };
}

export function isEmptyFilter(filter: EventFilter | undefined): boolean {
  return (
    !filter ||
    (filter.fromTs === undefined &&
      filter.toTs === undefined &&
      !filter.contains &&
      !filter.expression?.trim() &&
      filter.seqs === undefined &&
      (filter.equals ?? []).length === 0)
  );
}
