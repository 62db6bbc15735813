/**
 * An import commits in short chunks under a recording row marked importing: other writes get
 * through while it runs, and nothing of it is visible until its last transaction. The test drives
 * the import worker itself and holds back its answer to 'ready' (all rows written, waiting to
 * make the recording visible), so the import is provably still running while the test saves and
 * reads, however fast or slow the machine: no timing thresholds. The one-transaction import this
 * replaced held the write lock until then, so these saves could not have completed.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Worker } from 'node:worker_threads';
import { CepError } from '../../../electron/contract';
import { createBackend, type CepBackend } from '../../../electron/services';
import { spawnImportWorker } from '../../../electron/services/recordings/import/import-recording';
import type { FromWorker, ToWorker } from '../../../electron/services/recordings/import/worker-protocol';
import { SqliteEventSource } from '../../../electron/services/replay/sqlite-source';
import { sampleDocument } from '../store/sample-document';
import { jsonlText, request, writeFile } from './helpers';

const ROWS = 200_000;

/** The worker's messages as events the test can wait for. */
class ImportDriver {
  readonly seen: FromWorker['type'][] = [];
  private waiters: { type: FromWorker['type']; resolve: (m: FromWorker) => void }[] = [];
  readonly exited: Promise<void>;
  constructor(readonly worker: Worker) {
    worker.on('message', (message: FromWorker) => {
      this.seen.push(message.type);
      for (const w of this.waiters.filter((x) => x.type === message.type)) w.resolve(message);
      this.waiters = this.waiters.filter((x) => x.type !== message.type);
    });
    this.exited = new Promise((resolve) => worker.on('exit', () => resolve()));
  }
  next(type: FromWorker['type']): Promise<FromWorker> {
    return new Promise((resolve) => this.waiters.push({ type, resolve }));
  }
  send(message: ToWorker): void {
    this.worker.postMessage(message);
  }
}

describe('an import in chunks (real SQLite, the real import worker)', () => {
  let dir: string;
  let dbPath: string;
  let backend: CepBackend;
  let driver: ImportDriver | null;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'cepheus-chunks-'));
    dbPath = path.join(dir, 'cepheus.db');
    backend = createBackend({ dataDir: dir, appVersion: '0.0.0' });
    driver = null;
  });
  afterEach(async () => {
    if (driver) {
      await driver.worker.terminate();
      await driver.exited;
    }
    backend.close();
    rmSync(dir, { recursive: true, force: true });
  });

  function start(): ImportDriver {
    const file = writeFile(dir, 'big.jsonl', jsonlText(ROWS));
    driver = new ImportDriver(spawnImportWorker(dbPath, request(file, { keyField: 'key' })));
    return driver;
  }

  it('saves made while an import writes its rows complete before it ends', { timeout: 240_000 }, async () => {
    const created = await backend.patterns.create({ name: 'p', document: sampleDocument('a > 1') });
    const d = start();
    const ready = d.next('ready');
    let readySeen = false;
    void ready.then(() => (readySeen = true));
    await d.next('progress');
    // Save again and again while the rows go in, until the import has written them all.
    let startedBeforeReady = 0;
    let n = 2;
    while (!readySeen) {
      startedBeforeReady++;
      await backend.patterns.save({ id: created.id, document: sampleDocument(`a > ${n++}`) });
      // A turn of the event loop, so the worker's messages ('ready') are seen between saves.
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(startedBeforeReady).toBeGreaterThan(0);
    // The import is still running: it waits for the answer the test has not given.
    expect(d.seen).not.toContain('done');
    const saved = await backend.patterns.get({ id: created.id });
    expect(JSON.stringify(saved.document)).toContain(`a > ${n - 1}`);
    const done = d.next('done');
    d.send({ type: 'commit' });
    await done;
    const [recording] = await backend.recordings.list();
    expect(recording.rowCount).toBe(ROWS);
  });

  it('nothing of an unfinished import is visible to any reader', { timeout: 240_000 }, async () => {
    const d = start();
    await d.next('ready');
    const raw = new Database(dbPath, { readonly: true });
    try {
      // Every row is committed (another connection sees them) ...
      expect(raw.prepare('SELECT COUNT(*) AS n FROM events').get()).toEqual({ n: ROWS });
      const { id } = raw.prepare('SELECT id FROM recordings WHERE importing = 1').get() as { id: number };
      // ... but list, get, paging, rename, delete and replay do not show them.
      expect(await backend.recordings.list()).toEqual([]);
      for (const call of [
        () => backend.recordings.get({ id }),
        () => backend.recordings.readEvents({ id, offset: 0, limit: 10 }),
        () => backend.recordings.rename({ id, name: 'x' }),
        () => backend.recordings.delete({ id }),
      ]) {
        const error = await call().then(
          () => null,
          (e: unknown) => CepError.from(e),
        );
        expect(error?.code).toBe('not-found');
      }
      expect(() => new SqliteEventSource(raw, id)).toThrow(/does not exist/);
      const done = d.next('done');
      d.send({ type: 'commit' });
      await done;
      expect((await backend.recordings.list()).map((r) => r.id)).toEqual([id]);
    } finally {
      raw.close();
    }
  });

  it('a cancelled import deletes every row it committed', { timeout: 240_000 }, async () => {
    const d = start();
    await d.next('ready');
    const raw = new Database(dbPath, { readonly: true });
    try {
      expect(raw.prepare('SELECT COUNT(*) AS n FROM events').get()).toEqual({ n: ROWS });
      const failed = d.next('failed');
      d.send({ type: 'cancel' });
      const message = await failed;
      expect(message).toMatchObject({ type: 'failed', error: { code: 'cancelled' } });
      expect(d.seen).toContain('discarding');
      expect(raw.prepare('SELECT COUNT(*) AS n FROM recordings').get()).toEqual({ n: 0 });
      expect(raw.prepare('SELECT COUNT(*) AS n FROM events').get()).toEqual({ n: 0 });
    } finally {
      raw.close();
    }
  });
});
