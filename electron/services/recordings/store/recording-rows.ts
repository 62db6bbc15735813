/** Row shapes of the recordings tables and their mapping to the service's types. */
import type {
  InferredField,
  MalformedRow,
  OutOfOrderEvent,
  RecordingDetail,
  RecordingSummary,
  SourceFormat,
  StoredEvent,
  TimestampFormat,
} from '../types';

export interface RecordingRow {
  id: number;
  name: string;
  source_path: string;
  source_format: SourceFormat;
  compressed: number;
  source_bytes: number;
  payload_bytes: number;
  row_count: number;
  min_ts: number | null;
  max_ts: number | null;
  timestamp_field: string;
  timestamp_format: TimestampFormat;
  key_field: string | null;
  key_count: number;
  out_of_order: number;
  malformed_count: number;
  malformed: string;
  out_of_order_sample: string;
  schema: string;
  created_at: string;
}

export interface EventRow {
  seq: number;
  ts: number;
  key: string | null;
  payload: string;
}

export const SUMMARY_COLUMNS = `id, name, source_path, source_format, compressed, source_bytes, payload_bytes, row_count, min_ts, max_ts,
  timestamp_field, timestamp_format, key_field, key_count, out_of_order, malformed_count, schema, created_at`;

export function toSummary(row: Omit<RecordingRow, 'malformed' | 'out_of_order_sample'>): RecordingSummary {
  return {
    id: row.id,
    name: row.name,
    sourcePath: row.source_path,
    sourceFormat: row.source_format,
    compressed: row.compressed === 1,
    rowCount: row.row_count,
    sourceBytes: row.source_bytes,
    payloadBytes: row.payload_bytes,
    minTs: row.min_ts,
    maxTs: row.max_ts,
    timestampField: row.timestamp_field,
    timestampFormat: row.timestamp_format,
    keyField: row.key_field,
    keyCount: row.key_count,
    outOfOrderCount: row.out_of_order,
    malformedCount: row.malformed_count,
    schema: JSON.parse(row.schema) as InferredField[],
    createdAt: row.created_at,
  };
}

export function toDetail(row: RecordingRow): RecordingDetail {
  return {
    ...toSummary(row),
    malformed: { total: row.malformed_count, rows: JSON.parse(row.malformed) as MalformedRow[] },
    outOfOrder: JSON.parse(row.out_of_order_sample) as OutOfOrderEvent[],
  };
}

export function toEvent(row: EventRow): StoredEvent {
  return {
    seq: row.seq,
    ts: row.ts,
    key: row.key,
    payload: JSON.parse(row.payload) as Record<string, unknown>,
  };
}
