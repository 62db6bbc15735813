/**
 * Server → client pushes. Electron forwards them on one IPC channel, the web host as
 * Server-Sent Events; both deliver `(name, payload)` to listeners registered with `api.on`.
 */

export type PatternChangeKind = 'created' | 'saved' | 'renamed' | 'duplicated' | 'deleted' | 'restored';

export type RecordingChangeKind = 'imported' | 'renamed' | 'deleted';

export interface CepEvents {
  /** A pattern was added, changed or removed (by this window or another client of the back end). */
  'patterns.changed': { id: string; kind: PatternChangeKind; latestVersion: number | null };
  /** A recording was imported, renamed or deleted. */
  'recordings.changed': { id: number; kind: RecordingChangeKind };
  /** Progress of `recordings.import` (about 10 per second); bytes are of the file on disk. */
  'recordings.importProgress': {
    importId: string;
    bytesRead: number;
    totalBytes: number;
    rows: number;
    malformed: number;
  };
  /** Progress of a replay session's whole-recording analysis ('analysis') or of a replay.run ('run'), in steps. */
  'replay.progress': { sessionId: string; phase: 'analysis' | 'run'; done: number; total: number };
  /** Progress of tests.run ('tests') or tests.diff ('diff'), in events processed. */
  'tests.progress': { runId: string; phase: 'tests' | 'diff'; done: number; total: number };
}

export type CepEventName = keyof CepEvents;

export const cepEventNames: readonly CepEventName[] = [
  'patterns.changed',
  'recordings.changed',
  'recordings.importProgress',
  'replay.progress',
  'tests.progress',
];

export type Unsubscribe = () => void;
