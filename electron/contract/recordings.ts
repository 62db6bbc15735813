/**
 * The recordings part of the contract: data shapes of inspected files, stored recordings and
 * event pages, and the zod schemas of the `recordings.*` arguments. Implemented by
 * electron/services/recordings. Plain JSON-safe data: it crosses IPC, HTTP and worker threads.
 */
import { z } from 'zod';
import { fileGrant } from './files';

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

/** How a field's values read as event times (over the inferred rows), for choosing its format. */
export interface FieldTimeInfo {
  /** The format that reads (nearly) all of them, as suggested for this field; null if none does. */
  detected: TimestampFormat | null;
  /** Values readable in each format. */
  readable: Record<TimestampFormat, number>;
  /** Non-empty values seen. */
  present: number;
}

/** A column type the user can force before importing; other kinds (objects, arrays) are stored as read. */
export type ColumnType = 'number' | 'string' | 'boolean' | 'any';

/** What `inspectFile` found, for the user to confirm before importing. */
export interface InspectResult {
  /** The file grant that was inspected (pass it on to recordings.import). */
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
  /** Malformed rows seen within the sample, with cells that do not fit their column's type ("n/a" among numbers). */
  malformedSample: MalformedRow[];
  /** Per scalar field: how its values read as times (for the timestamp field's format). */
  timeFields: Record<string, FieldTimeInfo>;
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
  /**
   * Types to enforce per field: a value of another kind makes its row malformed ("n/a" in a number
   * column); 'string' keeps CSV cells as text ("42" stays "42"); 'any' stores what was read.
   */
  columnTypes?: Record<string, ColumnType>;
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

/** An event whose time is earlier than an event before it in the file: late for a tight watermark. */
export interface OutOfOrderEvent {
  /** Event number (seq, from 0). */
  seq: number;
  /** 1-based line in the file. */
  line: number;
  ts: number;
  /** How far behind the latest time before it. */
  behindMs: number;
}

export interface RecordingDetail extends RecordingSummary {
  malformed: MalformedReport;
  /** The first out-of-order events (at most 100 of outOfOrderCount). */
  outOfOrder: OutOfOrderEvent[];
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
  /** A condition in the pattern language, e.g. `amount > 10000 && type == 'transfer'` (rejected with its error). */
  expression?: string;
  /** Only these events (seq), e.g. the events of one result. */
  seqs?: number[];
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

// ---- argument schemas -------------------------------------------------------------------

export const recordingId = z
  .number()
  .int('Recording id must be a whole number')
  .min(1, 'Recording ids count from 1');

export const recordingName = z
  .string()
  .trim()
  .min(1, 'Recording name must not be empty')
  .max(200, 'Recording name is at most 200 characters');

const fieldName = z
  .string()
  .min(1, 'Field name must not be empty')
  .max(500, 'Field name is at most 500 characters');
export const importId = z
  .string()
  .min(1, 'Import id must not be empty')
  .max(64, 'Import id is at most 64 characters');

export const recordingRef = z.strictObject({ id: recordingId });
/** `path`: a file grant (see files.ts), never a path. */
export const inspectRecordingArgs = z.strictObject({ path: fileGrant });
export const importRecordingArgs = z.strictObject({
  path: fileGrant,
  name: recordingName,
  timestampField: fieldName,
  timestampFormat: z.enum(['epochMillis', 'epochSeconds', 'iso8601']),
  keyField: fieldName.optional(),
  onMalformed: z.enum(['reject', 'skip']),
  columnTypes: z
    .record(fieldName, z.enum(['number', 'string', 'boolean', 'any']))
    .refine((types) => Object.keys(types).length <= 500, 'At most 500 column types')
    .optional(),
  /** Chosen by the caller to match `recordings.importProgress` pushes and to cancel. */
  importId: importId.optional(),
});
export const cancelImportArgs = z.strictObject({ importId });
export const renameRecordingArgs = z.strictObject({ id: recordingId, name: recordingName });

const filterValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export const eventFilter = z.strictObject({
  equals: z
    .array(z.strictObject({ field: fieldName, value: filterValue }))
    .max(20, 'At most 20 field conditions')
    .optional(),
  contains: z.string().max(1000, 'Search text is at most 1000 characters').optional(),
  fromTs: z.number().optional(),
  toTs: z.number().optional(),
  expression: z.string().max(2000, 'A filter condition is at most 2,000 characters').optional(),
  seqs: z.array(z.number().int().min(0)).max(10_000, 'At most 10,000 events by number').optional(),
});
export const readEventsArgs = z.strictObject({
  id: recordingId,
  offset: z.number().int().min(0, 'Offset must not be negative'),
  limit: z.number().int().min(1, 'Limit is at least 1').max(10_000, 'Limit is at most 10,000 events'),
  filter: eventFilter.optional(),
});

export type RecordingRef = z.infer<typeof recordingRef>;
export type InspectRecordingArgs = z.infer<typeof inspectRecordingArgs>;
export type ImportRecordingArgs = z.infer<typeof importRecordingArgs>;
export type CancelImportArgs = z.infer<typeof cancelImportArgs>;
export type RenameRecordingArgs = z.infer<typeof renameRecordingArgs>;
export type ReadEventsArgs = z.infer<typeof readEventsArgs>;
