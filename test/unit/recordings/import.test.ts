import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { openDatabase } from '../../../electron/services/db/open-database';
import {
  createRecordingsService,
  importRecordingInWorker,
  type ImportProgress,
  type RecordingsService,
} from '../../../electron/services/recordings';
import { spawnImportWorker } from '../../../electron/services/recordings/import/import-recording';
import type { FromWorker } from '../../../electron/services/recordings/import/worker-protocol';
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

describe('importRecording (worker thread)', () => {
  let t: TempDb;
  let service: RecordingsService;
  beforeEach(() => {
    t = tempDb();
    service = createRecordingsService({ db: t.db, dbPath: t.dbPath });
  });
  afterEach(() => t.cleanup());

  it('imports a ;-CSV with ISO timestamps and a key, with progress', async () => {
    const progress: ImportProgress[] = [];
    const { recording } = await service.importRecording(
      request(fixture('trades-semicolon.csv'), {
        name: ' Trades ',
        timestampField: 'time',
        timestampFormat: 'iso8601',
        keyField: 'symbol',
      }),
      { onProgress: (p) => progress.push(p) },
    );
    expect(recording).toMatchObject({
      name: 'Trades',
      sourceFormat: 'csv',
      compressed: false,
      rowCount: 6,
      sourceBytes: 346,
      minTs: Date.UTC(2024, 2, 1, 8, 30, 3),
      maxTs: Date.UTC(2024, 2, 1, 9, 30, 5),
      keyField: 'symbol',
      keyCount: 3,
      outOfOrderCount: 1,
      malformedCount: 0,
      malformed: { total: 0, rows: [] },
    });
    expect(recording.schema[0]).toEqual({ name: 'time', type: 'timestamp', nullable: false });
    expect(progress.at(-1)).toEqual({ bytesRead: 346, totalBytes: 346, rows: 6, malformed: 0 });
    const page = service.readEvents(recording.id, { offset: 3, limit: 1 });
    expect(page.events).toEqual([
      {
        seq: 3,
        ts: Date.UTC(2024, 2, 1, 8, 30, 3),
        key: 'ACME',
        payload: {
          time: '2024-03-01T09:30:03+01:00',
          symbol: 'ACME',
          price: 99,
          qty: 7,
          side: 'sell',
          note: 'two\nlines',
        },
      },
    ]);
  });

  it.each([
    ['clicks.jsonl', 'ts', 'epochMillis', 'userId', 5, 'jsonl'],
    ['clicks.jsonl.gz', 'ts', 'epochMillis', 'userId', 5, 'jsonl'],
    ['sensors.json', 'epoch', 'epochSeconds', 'deviceId', 4, 'json-array'],
    ['sensors.json.gz', 'epoch', 'epochSeconds', 'deviceId', 4, 'json-array'],
    ['trades-semicolon.csv.gz', 'time', 'iso8601', 'symbol', 6, 'csv'],
  ] as const)('imports %s', async (file, timestampField, timestampFormat, keyField, rows, format) => {
    const { recording } = await service.importRecording(
      request(fixture(file), { timestampField, timestampFormat, keyField }),
    );
    expect(recording).toMatchObject({
      rowCount: rows,
      sourceFormat: format,
      compressed: file.endsWith('.gz'),
      keyField,
    });
    const all = [...service.eventsBetween(recording.id, 0, rows)];
    expect(all.map((e) => e.seq)).toEqual([...Array(rows).keys()]);
  });

  it('runs concurrent imports one after another, all complete', async () => {
    const files = ['clicks.jsonl', 'clicks.jsonl.gz', 'clicks-gzip-without-extension.data'].map(fixture);
    const results = await Promise.all(files.map((file) => service.importRecording(request(file))));
    expect(results.map((r) => r.recording.rowCount)).toEqual([5, 5, 5]);
    expect(new Set(results.map((r) => r.recording.id)).size).toBe(3);
    expect(countRows(t.db)).toEqual({ recordings: 3, events: 15 });
  });

  it('stores epoch seconds with fractions as milliseconds', async () => {
    const { recording } = await service.importRecording(
      request(fixture('sensors.json'), { timestampField: 'epoch', timestampFormat: 'epochSeconds' }),
    );
    expect([...service.eventsBetween(recording.id, 0, 10)].map((e) => e.ts)).toEqual([
      1709285400000, 1709285401000, 1709285402500, 1709285403000,
    ]);
    expect(recording.schema.find((f) => f.name === 'temperature')).toEqual({
      name: 'temperature',
      type: 'number',
      nullable: true,
    });
  });

  describe('malformed rows', () => {
    it("rejects the whole file under 'reject', listing every bad row with its line", async () => {
      const error = await importError(service.importRecording(request(fixture('malformed.csv'))));
      expect(error.code).toBe('malformed-rows');
      expect(error.malformed).toEqual({
        total: 4,
        rows: [
          { line: 3, reason: 'expected 3 columns (as in the header), found 2' },
          { line: 4, reason: 'expected 3 columns (as in the header), found 4' },
          { line: 5, reason: "missing timestamp field 'ts'" },
          { line: 6, reason: 'timestamp "not-a-time" in \'ts\' is not epochMillis' },
        ],
      });
      expect(error.message).toContain('line 3');
      expect(countRows(t.db)).toEqual({ recordings: 0, events: 0 });
    });

    it("stores the good rows and the report under 'skip'", async () => {
      const { recording } = await service.importRecording(
        request(fixture('malformed.jsonl'), { onMalformed: 'skip' }),
      );
      expect(recording.rowCount).toBe(2);
      expect(recording.malformedCount).toBe(4);
      expect(recording.malformed.rows.map((r) => r.line)).toEqual([2, 3, 4, 5]);
      expect(recording.malformed.rows[2].reason).toBe("missing timestamp field 'ts'");
      expect(service.getRecording(recording.id).malformed).toEqual(recording.malformed);
      const events = service.readEvents(recording.id, { offset: 0, limit: 10 }).events;
      expect(events.map((e) => [e.seq, e.payload.user])).toEqual([
        [0, 'a'],
        [1, 'e'],
      ]);
    });

    it('keeps the first 1,000 malformed rows and counts all of them', async () => {
      const good = jsonlText(10);
      const bad = Array.from({ length: 1500 }, (_, i) => `{"ts": "bad-${i}"}`).join('\n');
      const file = writeFile(t.dir, 'many-bad.jsonl', good + bad + '\n');
      const { recording } = await service.importRecording(request(file, { onMalformed: 'skip' }));
      expect(recording.malformed.total).toBe(1500);
      expect(recording.malformed.rows).toHaveLength(1000);
      expect(recording.malformed.rows[0].line).toBe(11);
      expect(recording.malformed.rows[999].line).toBe(1010);
      const error = await importError(service.importRecording(request(file)));
      expect(error.malformed?.total).toBe(1500);
      expect(error.malformed?.rows).toHaveLength(1000);
      expect(countRows(t.db)).toEqual({ recordings: 1, events: 10 });
    });

    it('refuses a file where every row is malformed', async () => {
      const error = await importError(
        service.importRecording(
          request(fixture('malformed-elements.json'), { timestampField: 'missing', onMalformed: 'skip' }),
        ),
      );
      expect(error.code).toBe('empty');
      expect(error.malformed?.total).toBe(4);
    });
  });

  it('fails clearly on a broken structure, a damaged gzip and a missing file', async () => {
    const unclosed = await importError(
      service.importRecording(request(fixture('unclosed-array.json'), { onMalformed: 'skip' })),
    );
    expect(unclosed).toMatchObject({ code: 'invalid-file', line: 4 });
    const damaged = await importError(service.importRecording(request(fixture('truncated.jsonl.gz'))));
    expect(damaged.code).toBe('unreadable');
    expect(damaged.message).toContain('gzip data is damaged');
    const missing = await importError(service.importRecording(request(path.join(t.dir, 'missing.jsonl'))));
    expect(missing.code).toBe('unreadable');
    const unnamed = await importError(
      service.importRecording(request(fixture('clicks.jsonl'), { name: '  ' })),
    );
    expect(unnamed.code).toBe('invalid-request');
    expect(countRows(t.db)).toEqual({ recordings: 0, events: 0 });
  });

  describe('atomicity: nothing is stored unless the whole import succeeds', () => {
    const bigRows = 300_000;

    it('cancel via AbortSignal rolls back', { timeout: 120_000 }, async () => {
      const file = writeFile(t.dir, 'big.jsonl', jsonlText(bigRows));
      const controller = new AbortController();
      let seenRows = 0;
      const error = await importError(
        service.importRecording(request(file), {
          signal: controller.signal,
          onProgress: (p) => {
            seenRows = p.rows;
            if (p.rows > 0 && p.rows < bigRows) controller.abort();
          },
        }),
      );
      expect(error.code).toBe('cancelled');
      expect(seenRows).toBeGreaterThan(0);
      expect(countRows(t.db)).toEqual({ recordings: 0, events: 0 });
    });

    it(
      'never blocks readers, who see nothing of the import before its last commit',
      { timeout: 120_000 },
      async () => {
        const file = writeFile(t.dir, 'big.jsonl', jsonlText(bigRows));
        const seenDuringImport: number[] = [];
        t.db.pragma('busy_timeout = 0');
        await service.importRecording(request(file), {
          onProgress: (p) => {
            // Only well before the end: progress messages arrive asynchronously, and the commit follows the last row.
            if (p.rows === 0 || p.rows > bigRows / 2) return;
            seenDuringImport.push(service.listRecordings().length);
          },
        });
        expect(seenDuringImport.length).toBeGreaterThan(0);
        expect(seenDuringImport.every((seen) => seen === 0)).toBe(true);
        expect(countRows(t.db)).toEqual({ recordings: 1, events: bigRows });
      },
    );

    it('an already aborted signal never starts', async () => {
      const controller = new AbortController();
      controller.abort();
      const error = await importError(
        importRecordingInWorker(t.dbPath, request(fixture('clicks.jsonl')), { signal: controller.signal }),
      );
      expect(error.code).toBe('cancelled');
    });

    it('an error after many rows were inserted rolls back', { timeout: 120_000 }, async () => {
      // Valid for 299,999 elements, then the array never closes.
      const text = '[' + jsonlText(bigRows).trim().split('\n').join(',\n');
      const file = writeFile(t.dir, 'unclosed.json', text);
      let inserted = 0;
      const error = await importError(
        service.importRecording(request(file), {
          onProgress: (p) => (inserted = Math.max(inserted, p.rows)),
        }),
      );
      expect(error.code).toBe('invalid-file');
      expect(inserted).toBeGreaterThan(0);
      expect(countRows(t.db)).toEqual({ recordings: 0, events: 0 });
    });

    it(
      'a terminated worker leaves no recording and releases the write lock',
      { timeout: 120_000 },
      async () => {
        const file = writeFile(t.dir, 'big.jsonl', jsonlText(bigRows));
        const worker = spawnImportWorker(t.dbPath, request(file));
        let rowsWhenKilled = 0;
        await new Promise<void>((resolve) => {
          worker.on('message', (message: FromWorker) => {
            if (message.type === 'progress' && message.progress.rows > 0 && rowsWhenKilled === 0) {
              rowsWhenKilled = message.progress.rows;
              void worker.terminate();
            }
          });
          worker.on('exit', () => resolve());
        });
        expect(rowsWhenKilled).toBeGreaterThan(0);
        expect(rowsWhenKilled).toBeLessThan(bigRows);
        // What its chunks committed is there but invisible (marked importing) ...
        expect(countRows(t.db).recordings).toBe(1);
        expect(service.listRecordings()).toEqual([]);
        // ... the app's connection can write again ...
        const { recording } = await service.importRecording(request(fixture('clicks.jsonl')));
        expect(recording.rowCount).toBe(5);
        t.db.close();
        // ... and opening the database as the app does removes the leftovers.
        const reopened = openDatabase(t.dbPath);
        createRecordingsService({ db: reopened, dbPath: t.dbPath });
        expect(countRows(reopened)).toEqual({ recordings: 1, events: 5 });
        reopened.close();
      },
    );

    it('a killed process leaves no recording', { timeout: 120_000 }, async () => {
      const file = writeFile(t.dir, 'big.jsonl', jsonlText(bigRows));
      t.db.close();
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', path.join(import.meta.dirname, 'import-child.ts'), t.dbPath, file],
        {
          stdio: ['ignore', 'pipe', 'inherit'],
        },
      );
      let rowsWhenKilled = 0;
      let output = '';
      child.stdout.setEncoding('utf8');
      const exited = new Promise<NodeJS.Signals | null>((resolve) =>
        child.on('exit', (_code, signal) => resolve(signal)),
      );
      child.stdout.on('data', (chunk: string) => {
        output += chunk;
        const match = /progress (\d+)\n/.exec(output);
        const rows = match ? Number(match[1]) : 0;
        if (rows > 0 && rowsWhenKilled === 0) {
          rowsWhenKilled = rows;
          child.kill('SIGKILL');
        }
      });
      expect(await exited).toBe('SIGKILL');
      expect(rowsWhenKilled).toBeGreaterThan(0);
      expect(output).not.toContain('done');
      const reopened = openDatabase(t.dbPath);
      // The killed import's first chunk (its row, marked importing) is committed; nothing shows it.
      expect(countRows(reopened).recordings).toBe(1);
      const reopenedService = createRecordingsService({ db: reopened, dbPath: t.dbPath });
      expect(reopenedService.listRecordings()).toEqual([]);
      expect(countRows(reopened)).toEqual({ recordings: 0, events: 0 });
      expect(reopened.prepare('SELECT COUNT(*) AS n FROM event_keys').get()).toEqual({ n: 0 });
      reopened.close();
    });
  });
});
