/**
 * Messages between an import and its parse worker (parse-worker.ts). A batch's times and the
 * ends of its payloads travel in transferred typed arrays; its payloads as one joined text, and
 * its keys, are copied (structured clone). One text of a thousand payloads clones for a fraction
 * of what a thousand strings cost, on both threads; the importer cuts it back into payloads
 * (`unpackPayloads`), slices that share the text rather than copies.
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

/** An EventBatch as sent: times transferable, payloads joined (`payloadEnds[i]`: where payload i ends). */
export type PackedBatch = Omit<EventBatch, 'payloads'> & {
  ts: Float64Array<ArrayBuffer>;
  payloadText: string;
  payloadEnds: Uint32Array<ArrayBuffer>;
};

export function packBatch(batch: EventBatch): PackedBatch {
  const { payloads, ...rest } = batch;
  const payloadEnds = new Uint32Array(payloads.length);
  let end = 0;
  for (let i = 0; i < payloads.length; i++) payloadEnds[i] = end += payloads[i].length;
  return { ...rest, ts: Float64Array.from(batch.ts), payloadText: payloads.join(''), payloadEnds };
}

export function unpackPayloads(batch: PackedBatch): string[] {
  const { payloadText, payloadEnds } = batch;
  const payloads = new Array<string>(payloadEnds.length);
  let start = 0;
  for (let i = 0; i < payloadEnds.length; i++)
    payloads[i] = payloadText.slice(start, (start = payloadEnds[i]));
  return payloads;
}

export type FromParser =
  | { type: 'info'; info: SourceInfo }
  | { type: 'batch'; batch: PackedBatch }
  | { type: 'end'; summary: DigestSummary }
  | { type: 'failed'; error: ImportErrorInfo };

/** The importer has taken one batch off the queue: the parser may send another. */
export type ToParser = { type: 'taken' };

/** Batches the parser may have sent that the importer has not taken yet (bounds memory). */
export const BATCHES_IN_FLIGHT = 8;
