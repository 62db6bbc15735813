/** Messages between the import worker and the thread that started it. */
import type { ImportProgress, ImportRequest } from '../types';
import type { ImportErrorInfo } from './import-error';

export interface ImportWorkerData {
  dbPath: string;
  request: ImportRequest;
}

export type ToWorker = { type: 'cancel' };

export type FromWorker =
  | { type: 'progress'; progress: ImportProgress }
  | { type: 'done'; recordingId: number }
  | { type: 'failed'; error: ImportErrorInfo };
