/** Messages between the replay service (main thread) and a session's worker. Plain data. */
import type { CepErrorInfo } from '../../contract';

export interface ReplayWorkerData {
  dbPath: string;
  recordingId: number;
  sessionId: string;
  patternName: string;
  /** A document already validated by loadDocument. */
  document: unknown;
}

export type ToReplayWorker = { type: 'call'; id: number; method: string; args: unknown } | { type: 'cancel' };

export type FromReplayWorker =
  | { type: 'reply'; id: number; ok: true; value: unknown }
  | { type: 'reply'; id: number; ok: false; error: CepErrorInfo }
  | { type: 'progress'; phase: 'analysis' | 'run'; done: number; total: number };
