/** Messages between the import worker and the thread that started it. */
import type { ImportProgress, ImportRequest } from '../types';
import type { ImportErrorInfo } from './import-error';

export interface ImportWorkerData {
  dbPath: string;
  request: ImportRequest;
}

/** 'commit' answers 'ready': the import may commit (no cancel came before it). */
export type ToWorker = { type: 'cancel' } | { type: 'commit' };

export type FromWorker =
  | { type: 'progress'; progress: ImportProgress }
  /** Every row is written and the transaction waits for COMMIT: answer 'commit' or 'cancel'. */
  | { type: 'ready' }
  | { type: 'done'; recordingId: number }
  | { type: 'failed'; error: ImportErrorInfo };
