/**
 * createBackend: the composition root of the back end. Electron's main process, the web host
 * and the tests all call this, so they run the very same code against the same SQLite file.
 */
import { mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { AppMethods, CepApi, HostKind } from '../contract';
import { openDatabase } from './db/open-database';
import { createDatabaseGuard } from './db/database-guard';
import { explainDatabaseError } from './db/database-errors';
import { LATEST_SCHEMA_VERSION } from './db/migrations';
import { PatternStore } from './patterns/pattern-store';
import { createPatternService } from './patterns/pattern-service';
import { PushHub, type PushListener } from './push-hub';
import { createRecordingMethods, createRecordingsService } from './recordings';
import { createReplayService, type ReplayServiceDeps } from './replay';
import { createSamplesService } from './samples/samples-service';
import { createTestingService } from './testing/testing-service';
import { FileGrants } from './file-grants';
import { createFileMethods, grantedRecordings, grantedReplay, type FileDialogs } from './granted-files';

export const DATABASE_FILE = 'cepheus.db';
/**
 * The repo's samples/ folder (development, tests and the web host). Electron's main passes its own
 * (the bundled main has no import.meta.dirname), so this is only evaluated when none is given.
 */
export function defaultSamplesDir(): string {
  return path.resolve(import.meta.dirname, '..', '..', 'samples');
}

export interface BackendOptions {
  /** Absolute folder for cepheus.db (see resolveDataDir). Created if missing. */
  dataDir: string;
  /** Reported by app.info. */
  appVersion: string;
  host?: HostKind;
  /** Milliseconds since the epoch; injected so tests control timestamps. */
  clock?: () => number;
  /** Folder with catalog.json, patterns/ and recordings/ (the repo's samples/, or the packaged copy). */
  samplesDir?: string;
  /**
   * Seed the samples into a fresh data folder (no database yet) and report the welcome sample in
   * app.info. On for the app and `npm run web`; off by default so tests start from an empty library.
   */
  seedSamplesOnFirstRun?: boolean;
  /** The system's open and save dialogs (the desktop app); without them `files.*` is refused. */
  fileDialogs?: FileDialogs;
  /** How long a call waits for another process's write lock before `database-busy` (default 30 s). */
  busyDeadlineMs?: number;
  /** Replay session limits (count, worker heap, open timeout); the defaults suit a laptop. */
  replayLimits?: ReplayServiceDeps['limits'];
}

export interface CepBackend extends CepApi {
  /** For hosts and tests: records files a person chose (dialogs, uploads) as grants. Not in the contract. */
  grants: FileGrants;
  /** Every push, for transports that forward all events (IPC, SSE). */
  subscribeAll(listener: PushListener): () => void;
  /** Closes the database (checkpoints the WAL). The backend must not be used afterwards. */
  close(): void;
}

/** Opens the database (migrating it if needed) and returns the CepApi implementation. Throws CepError('database-too-new'). */
export function createBackend(options: BackendOptions): CepBackend {
  const dataDir = path.resolve(options.dataDir);
  const databasePath = path.join(dataDir, DATABASE_FILE);
  try {
    mkdirSync(dataDir, { recursive: true });
  } catch (error) {
    throw explainDatabaseError(error, databasePath);
  }
  // A 0-byte file is what an interrupted first start leaves: SQLite treats it as new, so do we.
  const freshDataDir = (statSync(databasePath, { throwIfNoEntry: false })?.size ?? 0) === 0;
  const db = openDatabase(databasePath);
  // Short waits inside SQLite (they block this thread); the guard retries busy calls asynchronously.
  db.pragma('busy_timeout = 100');
  const guard = createDatabaseGuard({
    file: databasePath,
    ...(options.busyDeadlineMs !== undefined ? { busyDeadlineMs: options.busyDeadlineMs } : {}),
  });
  const clock = options.clock ?? Date.now;
  const now = (): string => new Date(clock()).toISOString();
  const hub = new PushHub();

  const patterns = createPatternService({ store: new PatternStore(db), hub, now });
  const grants = new FileGrants();
  // Samples import from their own folder; the contract's callers name files only through grants.
  const recordings = createRecordingMethods(createRecordingsService({ db, dbPath: databasePath }), hub);
  const replay = createReplayService({
    dbPath: databasePath,
    hub,
    getPattern: (id) => patterns.get({ id }),
    checkRecording: (id) => recordings.get({ id }),
    ...(options.replayLimits ? { limits: options.replayLimits } : {}),
  });
  const tests = createTestingService({ dbPath: databasePath, hub, patterns, recordings });
  const samples = createSamplesService({
    samplesDir: options.samplesDir ?? defaultSamplesDir(),
    patterns,
    recordings,
  });
  // Seeding imports recordings in a worker; app.info waits for it so the UI opens on a ready sample.
  const welcome =
    freshDataDir && options.seedSamplesOnFirstRun ? samples.seedFirstRun() : Promise.resolve(null);
  welcome.catch(() => undefined);

  const app: AppMethods = {
    info: async () => ({
      name: 'Cepheus',
      version: options.appVersion,
      host: options.host ?? 'test',
      dataDir,
      databasePath,
      schemaVersion: LATEST_SCHEMA_VERSION,
      // A failed seeding must not stop the app: the library simply starts empty.
      welcome: await welcome.catch(() => null),
    }),
  };

  return {
    app,
    patterns: guard.wrap(patterns),
    recordings: guard.wrap(grantedRecordings(recordings, grants)),
    samples: guard.wrap({ list: () => samples.list(), open: (args) => samples.open(args) }),
    replay: guard.wrap(grantedReplay(replay, grants)),
    tests: guard.wrap(tests),
    files: createFileMethods(grants, options.fileDialogs),
    grants,
    on: (event, cb) => hub.on(event, cb),
    subscribeAll: (listener) => hub.subscribe(listener),
    close: () => {
      void replay.closeAll();
      void tests.closeAll();
      if (db.open) db.close();
    },
  };
}
