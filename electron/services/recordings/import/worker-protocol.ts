/** Messages between the import worker and the thread that started it. */
import type { MessagePort } from 'node:worker_threads';
import type { ImportProgress, ImportRequest } from '../types';
import type { ImportErrorInfo } from './import-error';

export interface ImportWorkerData {
  dbPath: string;
  request: ImportRequest;
  /** The parent process's write-turn counter (db/write-turn.ts): the import gives way while it is above 0. */
  writeTurn: SharedArrayBuffer;
  /** The import's parse worker, started beside this one (worker-event-producer.ts); absent: parse here. */
  parser?: MessagePort;
}

/** 'commit' answers 'ready': the import may commit (no cancel came before it). */
export type ToWorker = { type: 'cancel' } | { type: 'commit' };

export type FromWorker =
  | { type: 'progress'; progress: ImportProgress }
  /** Every row is written and the transaction waits for COMMIT: answer 'commit' or 'cancel'. */
  | { type: 'ready' }
  /** Cancelled or failed: deleting the chunks it committed; 'failed' follows when nothing is left. */
  | { type: 'discarding' }
  | { type: 'done'; recordingId: number }
  | { type: 'failed'; error: ImportErrorInfo };
