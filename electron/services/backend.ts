/**
 * createBackend: the composition root of the back end. Electron's main process, the web host
 * and the tests all call this, so they run the very same code against the same SQLite file.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { AppMethods, CepApi, HostKind } from '../contract';
import { openDatabase } from './db/open-database';
import { LATEST_SCHEMA_VERSION } from './db/migrations';
import { PatternStore } from './patterns/pattern-store';
import { createPatternService } from './patterns/pattern-service';
import { PushHub, type PushListener } from './push-hub';
import { createRecordingMethods, createRecordingsService } from './recordings';
import { asyncGroup } from './sync-group';

export const DATABASE_FILE = 'cepheus.db';

export interface BackendOptions {
  /** Absolute folder for cepheus.db (see resolveDataDir). Created if missing. */
  dataDir: string;
  /** Reported by app.info. */
  appVersion: string;
  host?: HostKind;
  /** Milliseconds since the epoch; injected so tests control timestamps. */
  clock?: () => number;
}

export interface CepBackend extends CepApi {
  /** Every push, for transports that forward all events (IPC, SSE). */
  subscribeAll(listener: PushListener): () => void;
  /** Closes the database (checkpoints the WAL). The backend must not be used afterwards. */
  close(): void;
}

/** Opens the database (migrating it if needed) and returns the CepApi implementation. Throws CepError('database-too-new'). */
export function createBackend(options: BackendOptions): CepBackend {
  const dataDir = path.resolve(options.dataDir);
  mkdirSync(dataDir, { recursive: true });
  const databasePath = path.join(dataDir, DATABASE_FILE);
  const db = openDatabase(databasePath);
  const clock = options.clock ?? Date.now;
  const now = (): string => new Date(clock()).toISOString();
  const hub = new PushHub();

  const app = asyncGroup<AppMethods>({
    info: () => ({
      name: 'Cepheus',
      version: options.appVersion,
      host: options.host ?? 'test',
      dataDir,
      databasePath,
      schemaVersion: LATEST_SCHEMA_VERSION,
    }),
  });

  return {
    app,
    patterns: createPatternService({ store: new PatternStore(db), hub, now }),
    recordings: createRecordingMethods(createRecordingsService({ db, dbPath: databasePath }), hub),
    on: (event, cb) => hub.on(event, cb),
    subscribeAll: (listener) => hub.subscribe(listener),
    close: () => {
      if (db.open) db.close();
    },
  };
}
