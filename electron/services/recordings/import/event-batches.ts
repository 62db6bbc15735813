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
import { readCsvCells, toRecord } from '../../../../node/recordings/csv-rows';
import { isProblem, type SourceRow } from '../../../../node/recordings/source-row';
import type { ImportRequest, InferredField, MalformedReport, OutOfOrderEvent, SourceFormat } from '../types';
import { ColumnTypeRules } from './column-types';
import { CsvEventEncoder } from './csv-event-encoder';
import { EventExtractor, type Extracted } from './event-extractor';
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
  payloads: string[];
  /** UTF-8 bytes of the payloads (counted here, off the writing thread when parsing runs in a worker). */
  payloadBytes: number;
  /** Progress after this batch. */
  bytesRead: number;
  malformedTotal: number;
}

/** A batch while rows are added to it. */
type FillingBatch = EventBatch & { ts: number[] };

export interface DigestSummary {
  minTs: number | null;
  maxTs: number | null;
  outOfOrder: number;
  outOfOrderSample: OutOfOrderEvent[];
  schema: InferredField[];
  malformed: MalformedReport;
}

export interface EventProducer {
  info: SourceInfo;
  batches: AsyncIterable<EventBatch>;
  /** Valid once `batches` is exhausted. */
  summary(): DigestSummary;
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

export async function openEventProducer(request: ImportRequest): Promise<EventProducer> {
  const source = await openTextSource(request.path);
  try {
    const peeked = await peekText(source.chunks, SNIFF_CHARS);
    const { format, delimiter } = sniffFormat(peeked.head);
    const extractor = new EventExtractor(request.timestampField, request.timestampFormat, request.keyField);
    const schema = new SchemaBuilder();
    const malformed = new MalformedLog();
    const rejecting = request.onMalformed === 'reject';
    const rules = ColumnTypeRules.of(request.columnTypes, request.timestampField);
    const outOfOrderSample: OutOfOrderEvent[] = [];
    let stored = 0;

    const newBatch = (): FillingBatch => ({
      ts: [],
      keys: [],
      payloads: [],
      payloadBytes: 0,
      bytesRead: 0,
      malformedTotal: 0,
    });
    const finish = (batch: EventBatch): EventBatch => {
      batch.bytesRead = source.bytesRead();
      batch.malformedTotal = malformed.total;
      return batch;
    };
    /** Adds the event, or notes why the row is not one. `payload` is called only for a stored row. */
    const addEvent = (batch: FillingBatch, line: number, event: Extracted, payload: () => string): void => {
      if ('problem' in event) {
        malformed.add(line, event.problem);
        return;
      }
      // Under 'reject' keep reading after the first bad row to report them all, but stop writing.
      if (rejecting && malformed.total > 0) return;
      if (extractor.lastBehindMs > 0 && outOfOrderSample.length < MAX_KEPT_OUT_OF_ORDER)
        outOfOrderSample.push({ seq: stored, line, ts: event.ts, behindMs: extractor.lastBehindMs });
      stored += 1;
      batch.ts.push(event.ts);
      batch.keys.push(event.key);
      const text = payload();
      batch.payloads.push(text);
      batch.payloadBytes += Buffer.byteLength(text);
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
      addEvent(batch, row.line, extractor.extract(row.record), () => {
        schema.add(row.record);
        return json ?? JSON.stringify(row.record);
      });
    };

    async function* recordBatches(): AsyncGenerator<EventBatch> {
      for await (const rows of readRows(peeked.all, { format, delimiter })) {
        const batch = newBatch();
        for (const row of rows) addRecord(batch, row);
        yield finish(batch);
      }
    }

    /** CSV: cells to events directly when the header allows (csv-event-encoder.ts), else as records. */
    async function* csvBatches(): AsyncGenerator<EventBatch> {
      for await (const { header, rows } of readCsvCells(peeked.all, delimiter ?? ',')) {
        if (encoder === undefined && header.length > 0)
          encoder = CsvEventEncoder.forHeader(
            header,
            request.timestampField,
            request.keyField,
            request.columnTypes,
          );
        const batch = newBatch();
        const fast = encoder ?? null;
        for (const row of rows) {
          if ('problem' in row) malformed.add(row.line, row.problem);
          else if (fast === null) {
            const cells = row.cells;
            addRecord(batch, { line: row.line, record: toRecord(header, cells) }, (name) => {
              const cell = cells[header.indexOf(name)];
              return cell === '' ? undefined : cell;
            });
          } else {
            const problem = fast.problem(row.cells);
            if (problem) malformed.add(row.line, problem);
            else
              addEvent(
                batch,
                row.line,
                extractor.extractValues(fast.timestamp(row.cells), fast.key(row.cells)),
                () => fast.encode(row.cells),
              );
          }
        }
        yield finish(batch);
      }
      if (encoder) schema.addColumns(encoder.rows, encoder.schemaColumns());
    }
    let encoder: CsvEventEncoder | null | undefined;

    return {
      info: {
        format,
        compressed: source.compressed,
        fileBytes: source.fileBytes,
        estimatedRows: estimateRows(peeked.head, source),
      },
      batches: format === 'csv' ? csvBatches() : recordBatches(),
      summary: () => ({
        minTs: extractor.minTs,
        maxTs: extractor.maxTs,
        outOfOrder: extractor.outOfOrder,
        outOfOrderSample,
        schema: (rules?.schema(schema.build()) ?? schema.build()).map((f) =>
          f.name === request.timestampField ? { ...f, type: 'timestamp' as const } : f,
        ),
        malformed: malformed.report(),
      }),
      close: () => source.close(),
    };
  } catch (error) {
    source.close();
    throw error;
  }
}
