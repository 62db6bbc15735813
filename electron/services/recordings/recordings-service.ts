/**
 * The recordings service: inspect a file, import it (in a worker thread), list, rename and
 * delete recordings, page through their events, and iterate them for replay.
 */
import type { Database } from 'better-sqlite3';
import { importRecordingInWorker, type ImportOptions } from './import/import-recording';
import { inspectFile } from './inspect/inspect-file';
import { discardUnfinishedImports } from './import/unfinished-imports';
import { RecordingStore } from './store/recording-store';
import type {
  EventsPage,
  ImportRequest,
  ImportResult,
  InspectResult,
  ReadEventsOptions,
  RecordingDetail,
  RecordingSummary,
  StoredEvent,
} from './types';

export interface RecordingsService {
  inspectFile(path: string): Promise<InspectResult>;
  /** Rejects with RecordingImportError; on any failure nothing is stored. */
  importRecording(request: ImportRequest, options?: ImportOptions): Promise<ImportResult>;
  listRecordings(): RecordingSummary[];
  /** Throws RecordingNotFoundError. */
  getRecording(id: number): RecordingDetail;
  renameRecording(id: number, name: string): RecordingSummary;
  deleteRecording(id: number): void;
  readEvents(id: number, options: ReadEventsOptions): EventsPage;
  /** fromSeq <= seq < toSeq, streamed in chunks. */
  eventsBetween(id: number, fromSeq: number, toSeq: number): Generator<StoredEvent>;
}

export interface RecordingsServiceOptions {
  /** The app's connection (migrated, foreign keys on). */
  db: Database;
  /** The same database's file, opened separately by import workers. */
  dbPath: string;
}

export function createRecordingsService({ db, dbPath }: RecordingsServiceOptions): RecordingsService {
  const store = new RecordingStore(db);
  try {
    // What an import killed with its process left (invisible, marked importing) goes at open.
    discardUnfinishedImports(db);
  } catch {
    // Busy or read-only: it stays invisible and goes at a later open.
  }
  // One import at a time: two would interleave their chunks and slow each other down (and each
  // other's key index). Queued imports can still be cancelled.
  let queue: Promise<unknown> = Promise.resolve();
  return {
    inspectFile,
    importRecording: (request, options) => {
      const run = queue.then(async () => {
        const id = await importRecordingInWorker(dbPath, request, options);
        return { recording: store.get(id) };
      });
      queue = run.catch(() => undefined);
      return run;
    },
    listRecordings: () => store.list(),
    getRecording: (id) => store.get(id),
    renameRecording: (id, name) => store.rename(id, name),
    deleteRecording: (id) => store.delete(id),
    readEvents: (id, options) => store.readEvents(id, options),
    eventsBetween: (id, fromSeq, toSeq) => store.eventsBetween(id, fromSeq, toSeq),
  };
}
