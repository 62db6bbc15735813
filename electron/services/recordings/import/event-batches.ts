/**
 * The reading half of an import: file → rows → events, in batches ready to be written (time,
 * key, payload text), with the statistics (time range, schema, malformed rows) gathered on
 * the way. Kept apart from the writing half (run-import.ts) so that it can run in a thread of its
 * own: large files are parsed in parse-worker.ts while the importing thread writes.
 */
import { SchemaBuilder } from '../inspect/schema-builder';
import { openTextSource, type TextSource } from '../../../../node/recordings/open-source';
import { readRows } from '../../../../node/recordings/read-rows';
import { peekText, sniffFormat } from '../../../../node/recordings/sniff';
import { headerNames, lineFeeds, toRecord } from '../../../../node/recordings/csv-rows';
import { CsvSplitter, type CsvSink } from '../../../../node/recordings/csv-splitter';
import { SourceFormatError } from '../../../../node/recordings/source-row';
import { isProblem, type SourceRow } from '../../../../node/recordings/source-row';
import type { ImportRequest, InferredField, MalformedReport, OutOfOrderEvent, SourceFormat } from '../types';
import { ColumnTypeRules } from './column-types';
import { CsvEventEncoder } from './csv-event-encoder';
import { CsvLineEncoder } from './csv-line-encoder';
import { PayloadBytes, type PackedPayloads } from './payload-bytes';
import { EventExtractor, type Extracted } from './event-extractor';
import { KeyNotes, type SortedKeyRows } from './key-notes';
import { MalformedLog } from './malformed-log';

export interface SourceInfo {
  format: SourceFormat;
  compressed: boolean;
  fileBytes: number;
  /** Rows in the whole file, judged from its head: decides whether indexes are rebuilt. */
  estimatedRows: number;
}

export interface EventBatch {
  ts: ArrayLike<number>;
  keys: (string | null)[];
  /** The payloads' JSON as UTF-8 bytes (payloadStrings turns them into the strings stored). */
  payloads: PackedPayloads;
  /** UTF-8 bytes of the payloads (counted here, off the writing thread when parsing runs in a worker). */
  payloadBytes: number;
  /** Progress after this batch. */
  bytesRead: number;
  malformedTotal: number;
}

/** A batch while rows are added to it. */
interface FillingBatch {
  ts: number[];
  keys: (string | null)[];
  payloads: PayloadBytes;
}

export interface DigestSummary {
  minTs: number | null;
  maxTs: number | null;
  outOfOrder: number;
  outOfOrderSample: OutOfOrderEvent[];
  schema: InferredField[];
  malformed: MalformedReport;
  /** The stored events' rows of `event_keys`, sorted (key-notes.ts). */
  keyRows: SortedKeyRows;
}

export interface EventProducer {
  info: SourceInfo;
  batches: AsyncIterable<EventBatch>;
  /**
   * Asked once `batches` is exhausted. A promise: the parse worker still sorts the key rows after
   * its last batch, and the importer commits its last events meanwhile.
   */
  summary(): Promise<DigestSummary>;
  /** Work that can be done ahead while the consumer is behind (sorting the keys seen so far). */
  idle(): void;
  close(): void;
}

const SNIFF_CHARS = 64 * 1024;
/** Out-of-order events kept for the import summary. */
const MAX_KEPT_OUT_OF_ORDER = 100;

/** Rows in the whole file, judged from the lines of its head (gzip: assume 5:1 compression). */
function estimateRows(head: string, source: TextSource): number {
  let lines = 0;
  for (let i = head.indexOf('\n'); i !== -1; i = head.indexOf('\n', i + 1)) lines += 1;
  if (lines === 0) return 1;
  return Math.round(((source.compressed ? 5 : 1) * source.fileBytes * lines) / Buffer.byteLength(head));
}

/** Batch buffers: a 256 KiB chunk of the risk CSV makes ~1,300 rows and ~280 kB of payloads. */
const BATCH_BYTES = 384 * 1024;
const BATCH_ROWS = 2048;

export interface ProducerOptions {
  /** CSV lines without quotes in printable ASCII are read in place (csv-line-encoder.ts); false: never. */
  bytePath?: boolean;
}

export async function openEventProducer(
  request: ImportRequest,
  options: ProducerOptions = {},
): Promise<EventProducer> {
  const source = await openTextSource(request.path);
  try {
    const peeked = await peekText(source.chunks, SNIFF_CHARS);
    const sniffed = sniffFormat(peeked.head);
    const format = sniffed.format;
    const extractor = new EventExtractor(request.timestampField, request.timestampFormat, request.keyField);
    const schema = new SchemaBuilder();
    const malformed = new MalformedLog();
    const rejecting = request.onMalformed === 'reject';
    const rules = ColumnTypeRules.of(request.columnTypes, request.timestampField);
    const outOfOrderSample: OutOfOrderEvent[] = [];
    const keyNotes = new KeyNotes();
    let stored = 0;
    let summary: DigestSummary | undefined;

    const newBatch = (): FillingBatch => ({
      ts: [],
      keys: [],
      payloads: new PayloadBytes(BATCH_BYTES, BATCH_ROWS),
    });
    const finish = (batch: FillingBatch): EventBatch => ({
      ts: batch.ts,
      keys: batch.keys,
      payloads: batch.payloads.packed(),
      payloadBytes: batch.payloads.length,
      bytesRead: source.bytesRead(),
      malformedTotal: malformed.total,
    });
    /**
     * Adds the event's time and key, or notes why the row is not one. True when it is stored: the
     * caller then adds its payload (only then, so the schema counts stored rows only).
     */
    const storeEvent = (batch: FillingBatch, line: number, event: Extracted): boolean => {
      if ('problem' in event) {
        malformed.add(line, event.problem);
        return false;
      }
      // Under 'reject' keep reading after the first bad row to report them all, but stop writing.
      if (rejecting && malformed.total > 0) return false;
      if (extractor.lastBehindMs > 0 && outOfOrderSample.length < MAX_KEPT_OUT_OF_ORDER)
        outOfOrderSample.push({ seq: stored, line, ts: event.ts, behindMs: extractor.lastBehindMs });
      if (event.key !== null) keyNotes.add(event.key, stored);
      stored += 1;
      batch.ts.push(event.ts);
      batch.keys.push(event.key);
      return true;
    };
    const addRecord = (
      batch: FillingBatch,
      row: SourceRow,
      raw?: (name: string) => string | undefined,
    ): void => {
      if (isProblem(row)) {
        malformed.add(row.line, row.problem);
        return;
      }
      const problem = rules?.problem(row.record);
      if (problem) {
        malformed.add(row.line, problem);
        return;
      }
      const json = rules?.toText(row.record, raw) ? undefined : row.json;
      if (storeEvent(batch, row.line, extractor.extract(row.record))) {
        schema.add(row.record);
        batch.payloads.addString(json ?? JSON.stringify(row.record));
      }
    };

    async function* recordBatches(): AsyncGenerator<EventBatch> {
      for await (const rows of readRows(peeked.all, { format, delimiter: sniffed.delimiter })) {
        const batch = newBatch();
        for (const row of rows) addRecord(batch, row);
        yield finish(batch);
      }
    }

    /**
     * CSV: cells to events directly when the header allows (csv-event-encoder.ts), else as
     * records; quote-free ASCII lines without even cells (csv-line-encoder.ts). Records are handled
     * in file order as the splitter cuts them, whichever path takes them.
     */
    async function* csvBatches(): AsyncGenerator<EventBatch> {
      const delimiter = sniffed.delimiter ?? ',';
      const splitter = new CsvSplitter(delimiter);
      let header: string[] | null = null;
      let encoder: CsvEventEncoder | null = null;
      let bytePath: CsvLineEncoder | null = null;
      /** A row (or a problem) came after the header: the schema counts the encoder's columns. */
      let sawRows = false;
      let rowsInBatch = 0;
      let batch = newBatch();
      const cells = (line: number, row: string[], names: string[]): void => {
        const fast = encoder;
        if (fast === null) {
          addRecord(batch, { line, record: toRecord(names, row) }, (name) => {
            const cell = row[names.indexOf(name)];
            return cell === '' ? undefined : cell;
          });
          return;
        }
        const problem = fast.problem(row);
        if (problem) malformed.add(line, problem);
        else if (storeEvent(batch, line, extractor.extractValues(fast.timestamp(row), fast.key(row))))
          batch.payloads.addString(fast.encode(row));
      };
      const sink: CsvSink = {
        record(item) {
          if (header !== null || 'problem' in item) {
            sawRows = header !== null || sawRows;
            rowsInBatch += 1;
          }
          if ('problem' in item) malformed.add(item.line, item.problem);
          else if (header === null) {
            header = headerNames(item.cells);
            encoder = CsvEventEncoder.forHeader(
              header,
              request.timestampField,
              request.keyField,
              request.columnTypes,
            );
            bytePath = encoder && options.bytePath !== false ? CsvLineEncoder.of(encoder, delimiter) : null;
          } else if (item.cells.length !== header.length)
            malformed.add(
              item.line,
              `expected ${header.length} columns (as in the header), found ${item.cells.length}`,
            );
          else cells(item.line, item.cells, header);
        },
        quoteFree(text, start, end, line) {
          const bytes = bytePath;
          if (bytes === null || !bytes.locate(text, start, end) || !bytes.fits(text)) return false;
          sawRows = true;
          rowsInBatch += 1;
          if (storeEvent(batch, line, extractor.extractValues(bytes.timestamp(text), bytes.key(text))))
            bytes.write(text, batch.payloads);
          return true;
        },
      };
      for await (const chunk of lineFeeds(peeked.all)) {
        splitter.pushTo(chunk, sink);
        if (rowsInBatch === 0) continue;
        yield finish(batch);
        batch = newBatch();
        rowsInBatch = 0;
      }
      splitter.endTo(sink);
      if (header === null) throw new SourceFormatError(1, 'the CSV file is empty; expected a header row');
      if (rowsInBatch > 0) yield finish(batch);
      const done = encoder as CsvEventEncoder | null;
      if (done && sawRows) schema.addColumns(done.rows, done.schemaColumns());
    }

    const digest = (): DigestSummary =>
      (summary ??= {
        minTs: extractor.minTs,
        maxTs: extractor.maxTs,
        outOfOrder: extractor.outOfOrder,
        outOfOrderSample,
        schema: (rules?.schema(schema.build()) ?? schema.build()).map((f) =>
          f.name === request.timestampField ? { ...f, type: 'timestamp' as const } : f,
        ),
        malformed: malformed.report(),
        keyRows: keyNotes.sorted(),
      });

    return {
      info: {
        format,
        compressed: source.compressed,
        fileBytes: source.fileBytes,
        estimatedRows: estimateRows(peeked.head, source),
      },
      batches: format === 'csv' ? csvBatches() : recordBatches(),
      // A throw inside the executor rejects the promise, as from the worker.
      summary: () => new Promise<DigestSummary>((resolve) => resolve(digest())),
      idle: () => keyNotes.presort(),
      close: () => source.close(),
    };
  } catch (error) {
    source.close();
    throw error;
  }
}
