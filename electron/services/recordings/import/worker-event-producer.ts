/**
 * An EventProducer whose reading and parsing run in a worker thread (parse-worker.ts), so the
 * importing thread only writes: on two cores parsing and SQLite overlap. Batches arrive in order
 * through a small queue; the worker sends at most BATCHES_IN_FLIGHT ahead of the importer.
 */
import { Worker } from 'node:worker_threads';
import type { ImportRequest } from '../types';
import type { DigestSummary, EventBatch, EventProducer } from './event-batches';
import { RecordingImportError } from './import-error';
import {
  unpackPayloads,
  type FromParser,
  type PackedBatch,
  type ParseWorkerData,
  type ToParser,
} from './parse-protocol';
import { moduleUrlOf, workerScript } from '../../worker-script';

/** The worker could not start (its script is missing, or it crashed before reading): parse in this thread instead. */
export class ParseWorkerUnavailable extends Error {
  override name = 'ParseWorkerUnavailable';
}

type Received = FromParser | { type: 'crashed'; message: string };

/** A batch as received, checked: every event must come with its key and payload. */
function checked(batch: PackedBatch): EventBatch {
  const ends = batch.payloadEnds;
  if (
    ends.length !== batch.ts.length ||
    batch.keys.length !== batch.ts.length ||
    (ends.length > 0 && ends[ends.length - 1] !== batch.payloadText.length)
  ) {
    throw new RecordingImportError({
      code: 'internal',
      message: `The parse worker sent a damaged batch (${batch.ts.length} times, ${batch.keys.length} keys, ${ends.length} payloads).`,
    });
  }
  const { payloadText: _text, payloadEnds: _ends, ...rest } = batch;
  return { ...rest, payloads: unpackPayloads(batch) };
}

export async function openEventProducerInWorker(request: ImportRequest): Promise<EventProducer> {
  const { url, execArgv } = workerScript(moduleUrlOf((import.meta as { url?: string }).url), 'parse-worker');
  const data: ParseWorkerData = { request };
  let worker: Worker;
  try {
    worker = new Worker(url, { workerData: data, execArgv });
  } catch (error) {
    throw new ParseWorkerUnavailable(error instanceof Error ? error.message : String(error));
  }
  const queue: Received[] = [];
  let waiting: ((message: Received) => void) | null = null;
  const deliver = (message: Received): void => {
    if (waiting) {
      const resolve = waiting;
      waiting = null;
      resolve(message);
    } else queue.push(message);
  };
  let ended = false;
  worker.on('message', (message: FromParser) => deliver(message));
  worker.on('error', (error) => deliver({ type: 'crashed', message: error.message }));
  worker.on('exit', (code) => {
    if (!ended) deliver({ type: 'crashed', message: `exit code ${code}` });
  });
  const next = (): Promise<Received> => {
    const queued = queue.shift();
    return queued ? Promise.resolve(queued) : new Promise((resolve) => (waiting = resolve));
  };
  const close = (): void => {
    ended = true;
    void worker.terminate();
  };

  const first = await next();
  if (first.type !== 'info') {
    close();
    if (first.type === 'failed') throw new RecordingImportError(first.error);
    throw new ParseWorkerUnavailable(
      first.type === 'crashed' ? first.message : `unexpected first message '${first.type}'`,
    );
  }

  let summary: DigestSummary | null = null;
  async function* batches(): AsyncGenerator<EventBatch> {
    for (;;) {
      const message = await next();
      switch (message.type) {
        case 'batch':
          worker.postMessage({ type: 'taken' } satisfies ToParser);
          yield checked(message.batch);
          break;
        case 'end':
          ended = true;
          summary = message.summary;
          return;
        case 'failed':
          throw new RecordingImportError(message.error);
        case 'crashed':
          throw new RecordingImportError({
            code: 'internal',
            message: `The parse worker stopped: ${message.message}`,
          });
        case 'info':
          throw new RecordingImportError({
            code: 'internal',
            message: 'The parse worker sent its source twice',
          });
      }
    }
  }

  return {
    info: first.info,
    batches: batches(),
    summary: () => {
      if (summary === null) throw new Error('summary() called before all batches were read');
      return summary;
    },
    close,
  };
}
