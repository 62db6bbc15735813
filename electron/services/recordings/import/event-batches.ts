/**
 * The reading half of an import: file → rows → events, in batches ready to be written (time,
 * key, payload text), with the statistics (time range, keys, schema, malformed rows) gathered on
 * the way. Kept apart from the writing half (run-import.ts) so that it could move to a thread of
 * its own; measured on a saturated 2-core machine that did not pay yet (the batches' structured
 * clone and the worker's start cost as much as the parsing it moved).
 */
import { SchemaBuilder } from '../inspect/schema-builder';
import { openTextSource, type TextSource } from '../source/open-source';
import { readRows } from '../source/read-rows';
import { peekText, sniffFormat } from '../source/sniff';
import { isProblem } from '../source/source-row';
import type { ImportRequest, InferredField, MalformedReport, SourceFormat } from '../types';
import { EventExtractor } from './event-extractor';
import { MalformedLog } from './malformed-log';

export interface SourceInfo {
  format: SourceFormat;
  compressed: boolean;
  fileBytes: number;
  /** Rows in the whole file, judged from its head: decides whether indexes are rebuilt. */
  estimatedRows: number;
}

export interface EventBatch {
  ts: number[];
  keys: (string | null)[];
  payloads: string[];
  /** Progress after this batch. */
  bytesRead: number;
  malformedTotal: number;
}

export interface DigestSummary {
  minTs: number | null;
  maxTs: number | null;
  outOfOrder: number;
  keyCount: number;
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

    async function* batches(): AsyncGenerator<EventBatch> {
      for await (const rows of readRows(peeked.all, { format, delimiter })) {
        const batch: EventBatch = { ts: [], keys: [], payloads: [], bytesRead: 0, malformedTotal: 0 };
        for (const row of rows) {
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
          if (rejecting && malformed.total > 0) continue;
          schema.add(row.record);
          batch.ts.push(event.ts);
          batch.keys.push(event.key);
          batch.payloads.push(row.json ?? JSON.stringify(row.record));
        }
        batch.bytesRead = source.bytesRead();
        batch.malformedTotal = malformed.total;
        yield batch;
      }
    }

    return {
      info: { format, compressed: source.compressed, fileBytes: source.fileBytes, estimatedRows: estimateRows(peeked.head, source) },
      batches: batches(),
      summary: () => ({
        minTs: extractor.minTs,
        maxTs: extractor.maxTs,
        outOfOrder: extractor.outOfOrder,
        keyCount: extractor.keyCount,
        schema: schema.build().map((f) => (f.name === request.timestampField ? { ...f, type: 'timestamp' as const } : f)),
        malformed: malformed.report(),
      }),
      close: () => source.close(),
    };
  } catch (error) {
    source.close();
    throw error;
  }
}
