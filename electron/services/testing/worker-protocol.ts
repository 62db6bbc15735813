/** Messages between the testing service (main thread) and its worker threads. Plain data. */
import type { CepErrorInfo } from '../../contract';

/** Recording name → stored recording (id and events), resolved by the service. */
export type ResolvedRecordings = Record<string, { id: number; events: number } | null>;

export interface TestsJob {
  kind: 'tests';
  /** Loaded (current-format) document. */
  document: unknown;
  caseIds?: string[];
  recordings: ResolvedRecordings;
}

export interface DiffJob {
  kind: 'diff';
  before: unknown;
  after: unknown;
  recordingId: number;
  maxItems: number;
}

export type ToTestingWorker =
  { type: 'job'; jobId: string; job: TestsJob | DiffJob } | { type: 'cancel'; jobId: string };

export type FromTestingWorker =
  | { type: 'progress'; jobId: string; done: number; total: number }
  | { type: 'done'; jobId: string; ok: true; value: unknown; cancelled: boolean }
  | { type: 'done'; jobId: string; ok: false; error: CepErrorInfo };

export interface TestingWorkerData {
  dbPath: string;
}
