/**
 * Worker-thread entry that reads and parses an import's file (event-batches.ts) while the
 * importing thread writes what it sends to SQLite, so the two halves of an import overlap on two
 * cores. Each batch (one chunk of the file, about a thousand rows) is sent as it is parsed:
 * holding rows back to send fewer, larger messages cost more in garbage collection than it saved.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openEventProducer, type EventBatch } from './event-batches';
import {
  BATCHES_IN_FLIGHT,
  packBatch,
  type FromParser,
  type ParseWorkerData,
  type ToParser,
} from './parse-protocol';
import { wrapReadError } from './read-error';

const { request, port } = workerData as ParseWorkerData;
/** The importer: the thread that started this one, or another one through the given port. */
const importer = port ?? parentPort;
// An importer that stops early (cancel, failure) closes its port: nothing more to parse.
port?.on('close', () => process.exit(0));

function send(message: FromParser, transfer: ArrayBuffer[] = []): void {
  importer?.postMessage(message, transfer);
}

let inFlight = 0;
let wake: (() => void) | null = null;
importer?.on('message', (message: ToParser) => {
  if (message.type !== 'taken') return;
  inFlight -= 1;
  wake?.();
  wake = null;
});

/** Waits while the importer is BATCHES_IN_FLIGHT batches behind, doing `idle` work first. */
async function room(idle: () => void): Promise<void> {
  if (inFlight >= BATCHES_IN_FLIGHT) idle();
  while (inFlight >= BATCHES_IN_FLIGHT) await new Promise<void>((resolve) => (wake = resolve));
}

async function sendBatch(batch: EventBatch, idle: () => void): Promise<void> {
  if (batch.ts.length === 0 && batch.malformedTotal === 0) return;
  await room(idle);
  inFlight += 1;
  const packed = packBatch(batch);
  send({ type: 'batch', batch: packed.batch }, packed.transfer);
}

async function main(): Promise<void> {
  try {
    const producer = await openEventProducer(request);
    try {
      send({ type: 'info', info: producer.info });
      for await (const batch of producer.batches) await sendBatch(batch, () => producer.idle());
      // The importer commits its last events while the key rows are sorted here.
      send({ type: 'rows-end' });
      const summary = await producer.summary();
      const { keyEnds, counts, seqs } = summary.keyRows;
      send({ type: 'end', summary }, [keyEnds.buffer, counts.buffer, seqs.buffer]);
    } finally {
      producer.close();
    }
  } catch (error) {
    send({ type: 'failed', error: wrapReadError(error, request.path).toInfo() });
  } finally {
    importer?.close();
  }
}

void main();
