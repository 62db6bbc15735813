/**
 * Inserting and finishing the `recordings` row of an import. The row is inserted with
 * `importing = 1` (invisible to every reader) and made visible by finishRecording, in the
 * import's last transaction.
 */
import type { Database } from 'better-sqlite3';
import type { ImportRequest, InferredField, MalformedReport, OutOfOrderEvent, SourceFormat } from '../types';

export interface RecordingStats {
  rowCount: number;
  payloadBytes: number;
  minTs: number | null;
  maxTs: number | null;
  keyCount: number;
  outOfOrder: number;
  outOfOrderSample: OutOfOrderEvent[];
  malformed: MalformedReport;
  schema: InferredField[];
}

export function insertRecording(
  db: Database,
  request: ImportRequest,
  source: { format: SourceFormat; compressed: boolean; fileBytes: number },
  createdAt: string,
): number {
  const result = db
    .prepare(
      `INSERT INTO recordings (name, source_path, source_format, compressed, source_bytes, payload_bytes, row_count,
         timestamp_field, timestamp_format, key_field, key_count, out_of_order, malformed_count, malformed, schema, created_at, importing)
       VALUES (?, ?, ?, ?, ?, 0, 0, ?, ?, ?, 0, 0, 0, '[]', '[]', ?, 1)`,
    )
    .run(
      request.name.trim(),
      request.path,
      source.format,
      source.compressed ? 1 : 0,
      source.fileBytes,
      request.timestampField,
      request.timestampFormat,
      request.keyField ?? null,
      createdAt,
    );
  return Number(result.lastInsertRowid);
}

/** Fills in the statistics and makes the recording visible; false if the row is gone (see unfinished-imports.ts). */
export function finishRecording(db: Database, id: number, stats: RecordingStats): boolean {
  const result = db
    .prepare(
      `UPDATE recordings SET payload_bytes = ?, row_count = ?, min_ts = ?, max_ts = ?, key_count = ?, out_of_order = ?,
       out_of_order_sample = ?, malformed_count = ?, malformed = ?, schema = ?, importing = 0
     WHERE id = ? AND importing = 1`,
    )
    .run(
      stats.payloadBytes,
      stats.rowCount,
      stats.minTs,
      stats.maxTs,
      stats.keyCount,
      stats.outOfOrder,
      JSON.stringify(stats.outOfOrderSample),
      stats.malformed.total,
      JSON.stringify(stats.malformed.rows),
      JSON.stringify(stats.schema),
      id,
    );
  return result.changes === 1;
}
