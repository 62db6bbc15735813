/**
 * Data shapes of the recordings service: inspecting an event file, importing it into SQLite and
 * paging through stored events. Plain JSON-safe data so they cross IPC, HTTP and worker threads.
 */

/** How the events are laid out in the file (after gzip, if any, is undone). */
export type SourceFormat = 'csv' | 'jsonl' | 'json-array';

export type CsvDelimiter = ',' | ';' | '\t' | '|';

/** How a timestamp value is read: numbers (or numeric strings) since 1970, or ISO-8601 text. */
export type TimestampFormat = 'epochMillis' | 'epochSeconds' | 'iso8601';

export type InferredType = 'number' | 'string' | 'boolean' | 'timestamp' | 'object' | 'array' | 'any';

/** One field of an inferred schema. Nested fields use dotted names ("user.id"). */
export interface InferredField {
  name: string;
  /** 'any' when values of different kinds (or only nulls) were seen. */
  type: InferredType;
  /** True when some rows lack the field or hold null. */
  nullable: boolean;
}

/** A row that could not become an event; `line` is the 1-based line where it starts. */
export interface MalformedRow {
  line: number;
  reason: string;
}

/** The first malformed rows ("showing 1,000 of N"). */
export interface MalformedReport {
  total: number;
  rows: MalformedRow[];
}

export interface SampleRow {
  line: number;
  record: Record<string, unknown>;
}

/** What `inspectFile` found, for the user to confirm before importing. */
export interface InspectResult {
  path: string;
  format: SourceFormat;
  /** Only for CSV. */
  delimiter?: CsvDelimiter;
  compressed: boolean;
  /** Size of the file on disk (compressed size for .gz). */
  fileBytes: number;
  /** The first rows of the file (at most 20). */
  sampleRows: SampleRow[];
  /** Inferred from up to the first 1,000 rows. */
  schema: InferredField[];
  suggestedTimestampField: string | null;
  /** Detected format of the suggested timestamp field. */
  timestampFormat: TimestampFormat | null;
  suggestedKeyField: string | null;
  /** Number of rows in the file: exact when the whole file was sampled, otherwise estimated. */
  rowEstimate: number;
  rowEstimateExact: boolean;
  /** Malformed rows seen within the sample. */
  malformedSample: MalformedRow[];
}

export type MalformedPolicy = 'reject' | 'skip';

export interface ImportRequest {
  path: string;
  name: string;
  timestampField: string;
  timestampFormat: TimestampFormat;
  keyField?: string;
  /** 'reject': any malformed row aborts the import, nothing is stored. 'skip': store the rest. */
  onMalformed: MalformedPolicy;
}

export interface ImportProgress {
  /** Bytes of the file read so far (compressed bytes for .gz) and its size. */
  bytesRead: number;
  totalBytes: number;
  /** Events accepted so far. */
  rows: number;
  malformed: number;
}

/** A stored recording as listed in the library. Times are epoch milliseconds. */
export interface RecordingSummary {
  id: number;
  name: string;
  sourcePath: string;
  sourceFormat: SourceFormat;
  compressed: boolean;
  rowCount: number;
  /** Size of the imported file on disk. */
  sourceBytes: number;
  /** Size of the stored event payloads (JSON text). */
  payloadBytes: number;
  minTs: number | null;
  maxTs: number | null;
  timestampField: string;
  timestampFormat: TimestampFormat;
  keyField: string | null;
  /** Distinct keys (0 without a key field). */
  keyCount: number;
  /** Events whose timestamp is earlier than an event before them in the file. */
  outOfOrderCount: number;
  /** Rows skipped as malformed during import. */
  malformedCount: number;
  schema: InferredField[];
  /** ISO-8601 (UTC). */
  createdAt: string;
}

export interface RecordingDetail extends RecordingSummary {
  malformed: MalformedReport;
}

export interface ImportResult {
  recording: RecordingDetail;
}

/** A stored event. `seq` counts from 0 in file order; `ts` is epoch milliseconds. */
export interface StoredEvent {
  seq: number;
  ts: number;
  key: string | null;
  payload: Record<string, unknown>;
}

export type FilterValue = string | number | boolean | null;

/** All given conditions must hold. */
export interface EventFilter {
  /** field = value; dotted names reach into nested objects. */
  equals?: { field: string; value: FilterValue }[];
  /** Case-insensitive (ASCII) text search over the event's JSON. */
  contains?: string;
  /** Inclusive time range in epoch milliseconds. */
  fromTs?: number;
  toTs?: number;
}

export interface ReadEventsOptions {
  offset: number;
  limit: number;
  filter?: EventFilter;
}

export interface EventsPage {
  /** Events matching the filter in the whole recording. */
  total: number;
  offset: number;
  events: StoredEvent[];
}
