import type { Database } from 'better-sqlite3';
import { once } from 'node:events';
import { statSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runImport, type ImportRequest } from '../../../electron/services/recordings';
import { importRecordingInWorker } from '../../../electron/services/recordings/import/import-recording';
import {
  openEventProducerInWorker,
  PARSE_WORKER_MIN_BYTES,
  startParseWorkerBeside,
  type ParserBeside,
} from '../../../electron/services/recordings/import/worker-event-producer';
import {
  countRows,
  fixture,
  importError,
  jsonlText,
  request,
  tempDb,
  writeFile,
  type TempDb,
} from './helpers';

/** Everything an import stored, without what differs by design between two imports (id, name, time). */
function stored(db: Database, id: number): unknown {
  const {
    id: _id,
    name: _name,
    created_at: _created,
    ...recording
  } = db.prepare('SELECT * FROM recordings WHERE id = ?').get(id) as Record<string, unknown>;
  const events = db
    .prepare('SELECT seq, ts, key, payload FROM events WHERE recording_id = ? ORDER BY seq')
    .all(id);
  return { recording, events };
}

describe('parsing in a worker thread (parseInWorker)', () => {
  let t: TempDb;
  beforeEach(() => {
    t = tempDb();
  });
  afterEach(() => t.cleanup());

  const both = async (req: ImportRequest): Promise<[unknown, unknown]> => {
    const here = await runImport(t.db, req, { parseInWorker: false });
    const there = await runImport(t.db, req, { parseInWorker: true });
    return [stored(t.db, here), stored(t.db, there)];
  };

  it(
    'stores exactly what parsing in the importing thread stores: CSV, JSON Lines, gzip, a JSON array',
    { timeout: 60_000 },
    async () => {
      const risk = path.resolve('samples/recordings/risk-transactions.csv');
      const [here, there] = await both({
        path: risk,
        name: 'risk',
        timestampField: 'ts',
        timestampFormat: 'iso8601',
        keyField: 'cardId',
        onMalformed: 'reject',
      });
      expect((there as { events: unknown[] }).events).toHaveLength(2014);
      expect(there).toEqual(here);
      const bytes = t.db
        .prepare(
          'SELECT r.payload_bytes AS said, (SELECT SUM(length(CAST(payload AS BLOB))) FROM events WHERE recording_id = r.id) AS stored FROM recordings r',
        )
        .all() as { said: number; stored: number }[];
      expect(bytes.every((b) => b.said === b.stored && b.said > 0)).toBe(true);
      for (const [file, extra] of [
        [writeFile(t.dir, 'many.jsonl', jsonlText(5000)), { keyField: 'key' }],
        [
          fixture('trades-semicolon.csv.gz'),
          { timestampField: 'time', timestampFormat: 'iso8601' as const, keyField: 'symbol' },
        ],
        [
          fixture('sensors.json'),
          { timestampField: 'epoch', timestampFormat: 'epochSeconds' as const, keyField: 'deviceId' },
        ],
        [fixture('malformed.jsonl'), { onMalformed: 'skip' as const }],
      ] as const) {
        const [a, b] = await both(request(file, extra));
        expect(b).toEqual(a);
      }
    },
  );

  it('really parses in a worker thread (no silent fallback here)', async () => {
    const producer = await openEventProducerInWorker(request(fixture('clicks.jsonl')));
    let rows = 0;
    try {
      for await (const batch of producer.batches) rows += batch.ts.length;
      expect((await producer.summary()).malformed.total).toBe(0);
    } finally {
      producer.close();
    }
    expect(rows).toBeGreaterThan(0);
  });

  it('reports the same errors and stores nothing: malformed rows, a broken file, a missing file', async () => {
    const cases: ImportRequest[] = [
      request(fixture('malformed.csv')),
      request(fixture('unclosed-array.json'), { onMalformed: 'skip' }),
      request(path.join(t.dir, 'missing.csv')),
    ];
    for (const req of cases) {
      const here = await importError(runImport(t.db, req, { parseInWorker: false }));
      const there = await importError(runImport(t.db, req, { parseInWorker: true }));
      expect(there.toInfo()).toEqual(here.toInfo());
    }
    expect(countRows(t.db)).toEqual({ recordings: 0, events: 0 });
  });

  it('rolls back when cancelled while the worker is still sending', { timeout: 60_000 }, async () => {
    const file = writeFile(t.dir, 'big.jsonl', jsonlText(200_000));
    let batches = 0;
    const error = await importError(
      runImport(t.db, request(file), { parseInWorker: true, isCancelled: () => ++batches > 3 }),
    );
    expect(error.code).toBe('cancelled');
    expect(countRows(t.db)).toEqual({ recordings: 0, events: 0 });
    // The connection is usable again at once: the transaction was rolled back, the worker stopped.
    await runImport(t.db, request(fixture('clicks.jsonl')), { parseInWorker: true });
    expect(countRows(t.db).recordings).toBe(1);
  });

  describe('started beside the importer, batches through a port (as the app starts it)', () => {
    const beside = (req: ImportRequest): ParserBeside => {
      const started = startParseWorkerBeside(req, 0);
      if (started === null) throw new Error('no parse worker started');
      return started;
    };

    it('stores exactly what parsing in the importing thread stores, and reports the same errors', async () => {
      // Through the port itself (runImport would fall back to parsing in its thread).
      const clicks = request(fixture('clicks.jsonl'));
      const producer = await openEventProducerInWorker(clicks, beside(clicks).port);
      let rows = 0;
      try {
        for await (const batch of producer.batches) rows += batch.ts.length;
      } finally {
        producer.close();
      }
      expect(rows).toBeGreaterThan(0);
      for (const req of [
        request(writeFile(t.dir, 'many.jsonl', jsonlText(5000)), { keyField: 'key' }),
        request(fixture('malformed.jsonl'), { onMalformed: 'skip' }),
      ]) {
        const here = await runImport(t.db, req, { parseInWorker: false });
        const there = await runImport(t.db, req, { parser: beside(req).port });
        expect(stored(t.db, there)).toEqual(stored(t.db, here));
      }
      for (const req of [request(fixture('malformed.csv')), request(fixture('unclosed-array.json'))]) {
        const here = await importError(runImport(t.db, req, { parseInWorker: false }));
        const there = await importError(runImport(t.db, req, { parser: beside(req).port }));
        expect(there.toInfo()).toEqual(here.toInfo());
      }
    });

    it(
      'stops when the import is cancelled, and a parse worker that dies fails the import',
      { timeout: 60_000 },
      async () => {
        const req = request(writeFile(t.dir, 'big.jsonl', jsonlText(200_000)));
        const cancelled = beside(req);
        const exited = once(cancelled.worker, 'exit');
        let batches = 0;
        const error = await importError(
          runImport(t.db, req, { parser: cancelled.port, isCancelled: () => ++batches > 3 }),
        );
        expect(error.code).toBe('cancelled');
        await exited; // the importer closed its port: the parse worker ended without being terminated
        const dying = beside(req);
        batches = 0;
        const crashed = await importError(
          runImport(t.db, req, {
            parser: dying.port,
            isCancelled: () => {
              if (++batches === 2) void dying.worker.terminate();
              return false;
            },
          }),
        );
        expect(crashed.code).toBe('internal');
        expect(crashed.message).toMatch(/parse worker stopped/);
        expect(countRows(t.db)).toEqual({ recordings: 0, events: 0 });
      },
    );

    it(
      "runs a large file in the app's import worker, the same rows in the same order",
      { timeout: 180_000 },
      async () => {
        const req = request(writeFile(t.dir, 'large.jsonl', jsonlText(250_000)), { keyField: 'key' });
        expect(startParseWorkerBeside({ ...req, path: fixture('clicks.jsonl') })).toBeNull();
        const here = await runImport(t.db, req, { parseInWorker: false });
        t.db.pragma('wal_checkpoint(TRUNCATE)');
        const there = await importRecordingInWorker(t.dbPath, req);
        expect(statSync(req.path).size).toBeGreaterThanOrEqual(PARSE_WORKER_MIN_BYTES);
        expect(stored(t.db, there)).toEqual(stored(t.db, here));
      },
    );
  });
});
