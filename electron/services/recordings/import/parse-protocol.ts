/**
 * Messages between an import and its parse worker (parse-worker.ts). A batch's times travel in
 * a transferred Float64Array; its keys and payloads are copied (structured clone).
 */
import type { ImportRequest } from '../types';
import type { DigestSummary, EventBatch, SourceInfo } from './event-batches';
import type { ImportErrorInfo } from './import-error';

export interface ParseWorkerData {
  request: ImportRequest;
}

/** An EventBatch whose times can be transferred rather than copied. */
export type PackedBatch = EventBatch & { ts: Float64Array };

export type FromParser =
  | { type: 'info'; info: SourceInfo }
  | { type: 'batch'; batch: PackedBatch }
  | { type: 'end'; summary: DigestSummary }
  | { type: 'failed'; error: ImportErrorInfo };

/** The importer has taken one batch off the queue: the parser may send another. */
export type ToParser = { type: 'taken' };

/** Batches the parser may have sent that the importer has not taken yet (bounds memory). */
export const BATCHES_IN_FLIGHT = 8;
