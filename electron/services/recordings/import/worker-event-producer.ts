/**
 * An EventProducer whose reading and parsing run in a worker thread (parse-worker.ts), so the
 * importing thread only writes: on two cores parsing and SQLite overlap. Batches arrive in order
 * through a small queue; the worker sends at most BATCHES_IN_FLIGHT ahead of the importer.
 * The app's import worker does not start its parse worker itself: the thread that starts the
 * import worker starts both at once (startParseWorkerBeside) and hands the import worker a port
 * to it, so the two threads load their code side by side rather than one after the other.
 */
import { statSync } from 'node:fs';
import { MessageChannel, Worker, type MessagePort } from 'node:worker_threads';
import type { ImportRequest } from '../types';
import type { DigestSummary, EventBatch, EventProducer } from './event-batches';
import { RecordingImportError } from './import-error';
import { type FromParser, type PackedBatch, type ParseWorkerData, type ToParser } from './parse-protocol';
import { moduleUrlOf, workerScript } from '../../worker-script';

/** The worker could not start (its script is missing, or it crashed before reading): parse in this thread instead. */
export class ParseWorkerUnavailable extends Error {
  override name = 'ParseWorkerUnavailable';
}

type Received = FromParser | { type: 'crashed'; message: string };

/** A batch as received, checked: every event must come with its key and payload. */
function checked(batch: PackedBatch): EventBatch {
  const { ends, data } = batch.payloads;
  if (
    ends.length !== batch.ts.length ||
    batch.keys.length !== batch.ts.length ||
    (ends.length > 0 && ends[ends.length - 1] > data.length)
  ) {
    throw new RecordingImportError({
      code: 'internal',
      message: `The parse worker sent a damaged batch (${batch.ts.length} times, ${batch.keys.length} keys, ${ends.length} payloads).`,
    });
  }
  return batch;
}

/** Files this large are parsed in a worker thread, where that outweighs starting a thread. */
export const PARSE_WORKER_MIN_BYTES = 16 * 1024 * 1024;

function spawnParseWorker(request: ImportRequest, port?: MessagePort): Worker {
  const { url, execArgv } = workerScript(moduleUrlOf((import.meta as { url?: string }).url), 'parse-worker');
  const data: ParseWorkerData = port ? { request, port } : { request };
  try {
    return new Worker(url, { workerData: data, execArgv, transferList: port ? [port] : [] });
  } catch (error) {
    throw new ParseWorkerUnavailable(error instanceof Error ? error.message : String(error));
  }
}

/** A parse worker started for an import worker: pass `port` to it (transferred); end `worker` after it. */
export interface ParserBeside {
  worker: Worker;
  port: MessagePort;
}

/**
 * Starts the parse worker of an import that another worker will run, when the file is large
 * enough for one (else null: the import parses in its own thread). Its failures reach the
 * importer as its port closing (openEventProducerInWorker), which then parses in its own thread
 * if nothing was read yet.
 */
export function startParseWorkerBeside(
  request: ImportRequest,
  minBytes = PARSE_WORKER_MIN_BYTES,
): ParserBeside | null {
  let bytes: number;
  try {
    bytes = statSync(request.path).size;
  } catch {
    return null; // the import reports why the file cannot be read
  }
  if (bytes < minBytes) return null;
  const { port1, port2 } = new MessageChannel();
  try {
    const worker = spawnParseWorker(request, port1);
    worker.on('error', () => {}); // seen by the importer as the port closing
    return { worker, port: port2 };
  } catch {
    port2.close();
    return null;
  }
}

/** Only messages and their end: the thread's own events belong to whoever started it. */
interface ParserLink {
  post(message: ToParser): void;
  close(): void;
}

function linkTo(
  source: Worker | MessagePort,
  deliver: (message: Received) => void,
  isEnded: () => boolean,
): ParserLink {
  source.on('message', (message: FromParser) => deliver(message));
  if (source instanceof Worker) {
    source.on('error', (error) => deliver({ type: 'crashed', message: error.message }));
    source.on('exit', (code) => {
      if (!isEnded()) deliver({ type: 'crashed', message: `exit code ${code}` });
    });
    return { post: (m) => source.postMessage(m), close: () => void source.terminate() };
  }
  // The port closes when the parse worker's thread ends, after its last message.
  source.on('close', () => {
    if (!isEnded()) deliver({ type: 'crashed', message: 'its thread ended' });
  });
  return { post: (m) => source.postMessage(m), close: () => source.close() };
}

/**
 * Batches from a parse worker: one started here, or one started beside this thread whose port is
 * given (startParseWorkerBeside).
 */
export async function openEventProducerInWorker(
  request: ImportRequest,
  port?: MessagePort,
): Promise<EventProducer> {
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
  const link = linkTo(port ?? spawnParseWorker(request), deliver, () => ended);
  const next = (): Promise<Received> => {
    const queued = queue.shift();
    return queued ? Promise.resolve(queued) : new Promise((resolve) => (waiting = resolve));
  };
  const close = (): void => {
    ended = true;
    link.close();
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
  let rowsEnded = false;
  const unexpected = (message: Received): RecordingImportError => {
    if (message.type === 'failed') return new RecordingImportError(message.error);
    return new RecordingImportError({
      code: 'internal',
      message:
        message.type === 'crashed'
          ? `The parse worker stopped: ${message.message}`
          : `The parse worker sent '${message.type}' out of turn`,
    });
  };
  async function* batches(): AsyncGenerator<EventBatch> {
    for (;;) {
      const message = await next();
      if (message.type === 'rows-end') {
        rowsEnded = true;
        return;
      }
      if (message.type !== 'batch') throw unexpected(message);
      link.post({ type: 'taken' });
      yield checked(message.batch);
    }
  }
  /** After 'rows-end': the summary the worker sends once it has sorted the key rows. */
  async function finalSummary(): Promise<DigestSummary> {
    if (summary !== null) return summary;
    if (!rowsEnded) throw new Error('summary() called before all batches were read');
    const message = await next();
    if (message.type !== 'end') throw unexpected(message);
    ended = true;
    summary = message.summary;
    return summary;
  }

  return {
    info: first.info,
    batches: batches(),
    summary: finalSummary,
    idle: () => {}, // the parse worker does its own
    close,
  };
}
