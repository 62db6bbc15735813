/**
 * Messages between an import and its parse worker (parse-worker.ts). A batch's times and its
 * payloads (UTF-8 bytes and their ends, payload-bytes.ts) travel in transferred buffers: nothing
 * of them is copied. Its keys are copied (structured clone).
 */
import type { MessagePort } from 'node:worker_threads';
import type { ImportRequest } from '../types';
import type { DigestSummary, EventBatch, SourceInfo } from './event-batches';
import type { ImportErrorInfo } from './import-error';

export interface ParseWorkerData {
  request: ImportRequest;
  /** Where the importer listens, when another thread started this worker for it (else parentPort). */
  port?: MessagePort;
}

/** An EventBatch as sent: times in a transferable array. */
export type PackedBatch = EventBatch & { ts: Float64Array<ArrayBuffer> };

export function packBatch(batch: EventBatch): { batch: PackedBatch; transfer: ArrayBuffer[] } {
  const ts = Float64Array.from(batch.ts);
  const { data, ends } = batch.payloads;
  return { batch: { ...batch, ts }, transfer: [ts.buffer, data.buffer, ends.buffer] };
}

export type FromParser =
  | { type: 'info'; info: SourceInfo }
  | { type: 'batch'; batch: PackedBatch }
  /** The last batch was sent; the summary (key rows sorted) follows as 'end'. */
  | { type: 'rows-end' }
  | { type: 'end'; summary: DigestSummary }
  | { type: 'failed'; error: ImportErrorInfo };

/** The importer has taken one batch off the queue: the parser may send another. */
export type ToParser = { type: 'taken' };

/** Batches the parser may have sent that the importer has not taken yet (bounds memory). */
export const BATCHES_IN_FLIGHT = 8;
