/**
 * The import itself: ONE transaction adds the recording row and appends its events straight to
 * `events`, then fills in the statistics and commits. Until that COMMIT nothing is visible to
 * other connections; cancellation, an error or a killed process leave the database exactly as
 * before (SQLite rolls back an unfinished transaction, also on the next open after a crash).
 * The transaction holds SQLite's write lock from the first row to the COMMIT (readers are never
 * blocked: WAL). Runs in a worker thread (import-worker.ts) in the app; callable directly by the
 * CLI, the benchmark and tests.
 */
import type { Database } from 'better-sqlite3';
import { SchemaBuilder } from '../inspect/schema-builder';
import { openTextSource, SourceOpenError, type TextSource } from '../source/open-source';
import { readRows } from '../source/read-rows';
import { isProblem, SourceFormatError } from '../source/source-row';
import { peekText, sniffFormat } from '../source/sniff';
import type { ImportProgress, ImportRequest } from '../types';
import { EventExtractor } from './event-extractor';
import { bulkImportSettings, deferIndexes } from './deferred-indexes';
import { EventWriter } from './event-writer';
import { RecordingImportError } from './import-error';
import { MalformedLog } from './malformed-log';
import { finishRecording, insertRecording } from './recording-row';

export interface ImportHooks {
  onProgress?: (progress: ImportProgress) => void;
  /** Polled between batches; true stops the import and rolls it back. */
  isCancelled?: () => boolean;
  /** Minimum milliseconds between progress reports (default 100). */
  progressInterval?: number;
  now?: () => number;
}

const SNIFF_CHARS = 64 * 1024;

const cancelledError = (): RecordingImportError =>
  new RecordingImportError({ code: 'cancelled', message: 'Import cancelled; nothing was stored.' });

/** Rows in the whole file, judged from the lines of its head (gzip: assume 5:1 compression). */
function estimateRows(head: string, source: TextSource): number {
  let lines = 0;
  for (let i = head.indexOf('\n'); i !== -1; i = head.indexOf('\n', i + 1)) lines += 1;
  if (lines === 0) return 1;
  return Math.round(((source.compressed ? 5 : 1) * source.fileBytes * lines) / Buffer.byteLength(head));
}

function checkRequest(request: ImportRequest): void {
  const problems: string[] = [];
  if (request.name.trim() === '') problems.push('the recording needs a name');
  if (request.timestampField.trim() === '') problems.push('choose the field that holds the event time');
  if (request.keyField !== undefined && request.keyField.trim() === '') problems.push('the key field name is empty');
  if (problems.length > 0) throw new RecordingImportError({ code: 'invalid-request', message: `Cannot import: ${problems.join('; ')}.` });
}

function wrapReadError(error: unknown, path: string): RecordingImportError {
  if (error instanceof RecordingImportError) return error;
  if (error instanceof SourceFormatError) {
    return new RecordingImportError({ code: 'invalid-file', line: error.line, message: `${path}: ${error.message}` });
  }
  if (error instanceof SourceOpenError) return new RecordingImportError({ code: 'unreadable', message: error.message });
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && code.startsWith('Z_')) {
    return new RecordingImportError({ code: 'unreadable', message: `${path}: the gzip data is damaged (${(error as Error).message})` });
  }
  return new RecordingImportError({ code: 'internal', message: `Import of ${path} failed: ${error instanceof Error ? error.message : String(error)}` });
}

export async function runImport(db: Database, request: ImportRequest, hooks: ImportHooks = {}): Promise<number> {
  checkRequest(request);
  const now = hooks.now ?? Date.now;
  let source: TextSource | null = null;
  let writer: EventWriter | null = null;
  let inTransaction = false;
  let restoreSettings: (() => void) | null = null;
  try {
    source = await openTextSource(request.path);
    const peeked = await peekText(source.chunks, SNIFF_CHARS);
    const { format, delimiter } = sniffFormat(peeked.head);
    const extractor = new EventExtractor(request.timestampField, request.timestampFormat, request.keyField);
    const schema = new SchemaBuilder();
    const malformed = new MalformedLog();

    const interval = hooks.progressInterval ?? 100;
    let lastReport = 0;
    const report = (): void =>
      hooks.onProgress?.({ bytesRead: source!.bytesRead(), totalBytes: source!.fileBytes, rows: writer?.count ?? 0, malformed: malformed.total });

    // BEGIN IMMEDIATE: take the write lock now (waiting busy_timeout for another writer) rather
    // than failing half way through the file.
    restoreSettings = bulkImportSettings(db);
    db.exec('BEGIN IMMEDIATE');
    inTransaction = true;
    const id = insertRecording(db, request, { format, compressed: source.compressed, fileBytes: source.fileBytes }, new Date(now()).toISOString());
    writer = new EventWriter(db, id);
    const indexes = deferIndexes(db, estimateRows(peeked.head, source));
    for await (const batch of readRows(peeked.all, { format, delimiter })) {
      for (const row of batch) {
        if (isProblem(row)) {
          malformed.add(row.line, row.problem);
          continue;
        }
        const event = extractor.extract(row.record);
        if ('problem' in event) {
          malformed.add(row.line, event.problem);
          continue;
        }
        // Under 'reject' keep reading after the first bad row to report them all, but stop writing.
        if (request.onMalformed === 'reject' && malformed.total > 0) continue;
        schema.add(row.record);
        writer.add(event.ts, event.key, row.json ?? JSON.stringify(row.record));
      }
      if (hooks.isCancelled?.()) throw cancelledError();
      const t = now();
      if (t - lastReport >= interval) {
        lastReport = t;
        report();
      }
    }
    writer.flush();

    if (request.onMalformed === 'reject' && malformed.total > 0) {
      const first = malformed.report().rows[0];
      throw new RecordingImportError({
        code: 'malformed-rows',
        message: `${malformed.total} malformed row(s); the first is line ${first.line}: ${first.reason}. Nothing was imported.`,
        malformed: malformed.report(),
      });
    }
    if (writer.count === 0) {
      throw new RecordingImportError({
        code: 'empty',
        message: malformed.total > 0 ? `No valid events: all ${malformed.total} row(s) are malformed.` : 'The file holds no events.',
        malformed: malformed.report(),
      });
    }
    const fields = schema.build().map((f) => (f.name === request.timestampField ? { ...f, type: 'timestamp' as const } : f));
    if (hooks.isCancelled?.()) throw cancelledError();
    indexes.rebuild();
    finishRecording(db, id, {
      rowCount: writer.count,
      payloadBytes: writer.payloadBytes,
      minTs: extractor.minTs,
      maxTs: extractor.maxTs,
      keyCount: extractor.keyCount,
      outOfOrder: extractor.outOfOrder,
      malformed: malformed.report(),
      schema: fields,
    });
    db.exec('COMMIT');
    inTransaction = false;
    report();
    return id;
  } catch (error) {
    throw wrapReadError(error, request.path);
  } finally {
    if (inTransaction && db.inTransaction) db.exec('ROLLBACK');
    restoreSettings?.();
    source?.close();
  }
}
