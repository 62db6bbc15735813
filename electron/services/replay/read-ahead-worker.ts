/**
 * Worker-thread entry that reads a recording's events for a replay analysis on its own read-only
 * connection and sends them as column batches (event-columns.ts): on two cores, reading SQLite and
 * decoding payloads overlap with the matcher. At most `inFlight` batches are ahead of the analysis.
 * Any failure is sent as a message (the analysis stops with it); the thread then ends.
 */
import Database from 'better-sqlite3';
import { parentPort, receiveMessageOnPort, workerData } from 'node:worker_threads';
import { ColumnWriter, transferables, type StoredRow } from './event-columns';
import type { FromReadAhead, ReadAheadData, ToReadAhead } from './read-ahead-protocol';

const data = workerData as ReadAheadData;
const port = parentPort;
if (port === null) throw new Error('read-ahead-worker must run in a worker thread');
const send = (m: FromReadAhead, transfer: ArrayBuffer[] = []): void => port.postMessage(m, transfer);

let credits = data.inFlight;
let position = data.from;
let read: ((from: number, to: number) => StoredRow[]) | null = null;
let writer: ColumnWriter | null = null;

function fail(e: unknown): void {
  send({ type: 'failed', message: e instanceof Error ? e.message : String(e) });
  port!.close();
}

function handle(m: ToReadAhead): void {
  if (m.type === 'taken') credits++;
  else if (m.type === 'skip' && m.to > position)
    position = Math.min(data.to, m.to - ((m.to - data.from) % data.batchRows));
}

/** Messages already queued (a skip sent while this thread was loading), before reading on. */
function drain(): void {
  for (let m = receiveMessageOnPort(port!); m !== undefined; m = receiveMessageOnPort(port!))
    handle(m.message as ToReadAhead);
}

function pump(): void {
  try {
    drain();
    if (read === null || writer === null) {
      const db = new Database(data.dbPath, { readonly: true, fileMustExist: true });
      const range = db
        .prepare(
          'SELECT seq, ts, key, payload FROM events WHERE recording_id = ? AND seq >= ? AND seq < ? ORDER BY seq',
        )
        .raw();
      read = (from, to) => range.all(data.recordingId, from, to) as StoredRow[];
      writer = new ColumnWriter(data.fields);
    }
    while (credits > 0 && position < data.to) {
      const to = Math.min(data.to, position + data.batchRows);
      const batch = writer.batch(position, to, read(position, to));
      send({ type: 'batch', batch }, transferables(batch));
      credits--;
      position = to;
      drain();
    }
    if (position >= data.to) {
      const cpu = process.threadCpuUsage();
      send({ type: 'end', cpuMs: (cpu.user + cpu.system) / 1000 });
      port!.close();
    }
  } catch (e) {
    fail(e);
  }
}

port.on('message', (m: ToReadAhead) => {
  handle(m);
  pump();
});
pump();
