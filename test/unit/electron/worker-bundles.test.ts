/**
 * The web host's import workers bundled from source (electron/web/worker-bundles.ts): built once per
 * content, chosen by worker-script.ts only while set and only for the bundled names, and the bundles
 * import exactly what the sources do: same rows, a bad cell named by its line, nothing left behind.
 */
import type { Database } from 'better-sqlite3';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runImport, type ImportRequest } from '../../../electron/services/recordings';
import { importRecordingInWorker } from '../../../electron/services/recordings/import/import-recording';
import { openEventProducerInWorker } from '../../../electron/services/recordings/import/worker-event-producer';
import { useWorkerBundles, workerScript } from '../../../electron/services/worker-script';
import { startWebHost, TOKEN_HEADER } from '../../../electron/web';
import { buildWorkerBundles } from '../../../electron/web/worker-bundles';
import { countRows, importError, tempDb, writeFile, type TempDb } from '../recordings/helpers';

const root = path.resolve(import.meta.dirname, '../../..');
const caller = pathToFileURL(path.join(root, 'electron/services/recordings/import/import-recording.ts')).href;
const risk: ImportRequest = {
  path: path.join(root, 'samples/recordings/risk-transactions.csv'),
  name: 'risk',
  timestampField: 'ts',
  timestampFormat: 'iso8601',
  keyField: 'cardId',
  onMalformed: 'reject',
  columnTypes: { amount: 'number', knownDevice: 'boolean', cardId: 'string', userId: 'string' },
};

function stored(db: Database, id: number): unknown {
  const {
    id: _i,
    created_at: _c,
    ...recording
  } = db.prepare('SELECT * FROM recordings WHERE id = ?').get(id) as Record<string, unknown>;
  const events = db
    .prepare('SELECT seq, ts, key, payload FROM events WHERE recording_id = ? ORDER BY seq')
    .all(id);
  const keys = db.prepare('SELECT key, seq FROM event_keys WHERE recording_id = ? ORDER BY key, seq').all(id);
  return { recording, events, keys };
}

let dir: string;
beforeAll(async () => {
  dir = await buildWorkerBundles(root);
}, 120_000);
afterAll(() => useWorkerBundles(null));

describe('bundled import workers (web host)', () => {
  it('are written once per content: a second build finds the same folder', async () => {
    expect(existsSync(path.join(dir, 'import-worker.cjs'))).toBe(true);
    expect(existsSync(path.join(dir, 'parse-worker.cjs'))).toBe(true);
    expect(await buildWorkerBundles(root)).toBe(dir);
  });

  it('are chosen while set, for the bundled workers only; tsx otherwise', () => {
    useWorkerBundles(dir);
    expect(workerScript(caller, 'import-worker')).toEqual({
      url: pathToFileURL(path.join(dir, 'import-worker.cjs')),
      execArgv: [],
    });
    expect(workerScript(caller, 'replay-worker').execArgv).toEqual(['--import', 'tsx']);
    useWorkerBundles(null);
    expect(workerScript(caller, 'import-worker')).toEqual({
      url: new URL('./import-worker.ts', caller),
      execArgv: ['--import', 'tsx'],
    });
  });

  it('the web host builds them at the first inspection, not at start', { timeout: 120_000 }, async () => {
    useWorkerBundles(null);
    const work = mkdtempSync(path.join(tmpdir(), 'cepheus-bundles-'));
    const rendererDir = path.join(work, 'renderer');
    mkdirSync(rendererDir);
    writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>t</title>');
    const host = await startWebHost({
      port: 0,
      dataDir: path.join(work, 'data'),
      rendererDir,
      build: 'never',
    });
    try {
      await fetch(`${host.origin}/api/app.info`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [TOKEN_HEADER]: host.token },
        body: '{}',
      });
      expect(workerScript(caller, 'import-worker').execArgv).toEqual(['--import', 'tsx']);
      const inspected = await fetch(`${host.origin}/api/recordings.inspect`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [TOKEN_HEADER]: host.token },
        body: JSON.stringify({ path: 'grant:none' }),
      });
      expect(inspected.status).toBeGreaterThanOrEqual(400);
    } finally {
      await host.close(); // waits for the build
      rmSync(work, { recursive: true, force: true });
    }
    expect(workerScript(caller, 'import-worker')).toEqual({
      url: pathToFileURL(path.join(dir, 'import-worker.cjs')),
      execArgv: [],
    });
    useWorkerBundles(null);
  });

  describe('importing through them', () => {
    let t: TempDb;
    beforeEach(() => {
      t = tempDb();
      useWorkerBundles(dir);
    });
    afterEach(() => {
      useWorkerBundles(null);
      t.cleanup();
    });

    it('stores what an import in this thread stores', { timeout: 120_000 }, async () => {
      const there = await importRecordingInWorker(t.dbPath, risk);
      const here = await runImport(t.db, { ...risk }, { parseInWorker: false });
      expect(stored(t.db, there)).toEqual(stored(t.db, here));
      expect(countRows(t.db)).toEqual({ recordings: 2, events: 2 * 2014 });
    });

    it('the parse worker bundle reads the same batches', { timeout: 120_000 }, async () => {
      // Called directly: a bundle that cannot start throws here instead of falling back to this thread.
      const producer = await openEventProducerInWorker(risk);
      let rows = 0;
      try {
        for await (const batch of producer.batches) rows += batch.ts.length;
        expect(rows).toBe(2014);
        expect((await producer.summary()).keyRows).toBeDefined();
      } finally {
        producer.close();
      }
    });

    it(
      'a cell of the wrong type is reported with its line and nothing is stored',
      { timeout: 120_000 },
      async () => {
        const rows = ['id,ts,amount'];
        for (let i = 0; i < 50; i++)
          rows.push(`t${i},2026-03-02T09:00:${String(i).padStart(2, '0')}.000Z,${i}.5`);
        rows[41] = 't40,2026-03-02T09:00:40.000Z,n/a';
        const file = writeFile(t.dir, 'bad.csv', rows.join('\n') + '\n');
        const error = await importError(
          importRecordingInWorker(t.dbPath, {
            ...risk,
            path: file,
            keyField: undefined,
            columnTypes: { amount: 'number' },
          }),
        );
        expect(error.code).toBe('malformed-rows');
        expect(error.message).toMatch(/line 42: 'amount' is "n\/a", not a number/);
        expect(countRows(t.db)).toEqual({ recordings: 0, events: 0 });
      },
    );
  });
});
