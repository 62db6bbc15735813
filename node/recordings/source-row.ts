/** What every format reader yields: one event record, or the reason a row could not be read. */

export interface RecordRow {
  /** 1-based line where the row starts in the (decompressed) file. */
  line: number;
  record: Record<string, unknown>;
  /** The row's compact JSON text when the source already had it; saves a JSON.stringify. */
  json?: string;
}

export interface ProblemRow {
  line: number;
  problem: string;
}

export type SourceRow = RecordRow | ProblemRow;

export function isProblem(row: SourceRow): row is ProblemRow {
  return 'problem' in row;
}

/**
 * The file's structure is broken beyond one row (e.g. a JSON array that never closes), so no
 * further rows can be read. Always fatal, whatever the malformed-row policy.
 */
export class SourceFormatError extends Error {
  override name = 'SourceFormatError';
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`Line ${line}: ${message}`);
  }
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}
