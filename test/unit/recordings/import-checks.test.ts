/**
 * What the inspect step recognises before an import starts (binary files, one JSON object, "n/a"
 * among numbers, how each field reads as time), what an import enforces from the confirmed column
 * types, the out-of-order events it lists, and the WAL it leaves behind.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  createRecordingsService,
  inspectFile,
  type RecordingsService,
} from '../../../electron/services/recordings';
import { fixture, importError, jsonlText, request, tempDb, writeFile, type TempDb } from './helpers';

describe('inspect refuses what it cannot read, with what the file is', () => {
  let t: TempDb;
  beforeEach(() => (t = tempDb()));
  afterEach(() => t.cleanup());

  it('a ZIP workbook named .csv', async () => {
    const file = path.join(t.dir, 'events.csv');
    writeFileSync(
      file,
      Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0x00, 0x00, 0x21]),
    );
    await expect(inspectFile(file)).rejects.toThrow(/is a ZIP archive \(an Excel \.xlsx workbook is one\)/);
  });

  it('random binary named .csv', async () => {
    const file = path.join(t.dir, 'events.csv');
    const bytes = Buffer.alloc(4096);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 131 + 7) % 256;
    writeFileSync(file, bytes);
    await expect(inspectFile(file)).rejects.toThrow(
      /binary data, not text.*CSV \(UTF-8\), JSON Lines or a JSON array/,
    );
  });

  it('one pretty-printed JSON object, naming the property that holds the events', async () => {
    const events = [1, 2, 3].map((i) => ({ ts: 1000 * i, user: 'u1' }));
    const file = writeFile(t.dir, 'export.json', JSON.stringify({ meta: { v: 1 }, events }, null, 2));
    await expect(inspectFile(file)).rejects.toThrow(
      /one JSON object, not a list of events.*Its "events" property holds an array of 3 objects/,
    );
  });

  it('one JSON object on one line', async () => {
    const file = writeFile(t.dir, 'export.json', JSON.stringify({ rows: [{ ts: 1 }, { ts: 2 }] }));
    await expect(inspectFile(file)).rejects.toThrow(/one JSON object.*"rows" property holds an array of 2/);
  });

  it('still reads real JSON Lines and arrays', async () => {
    const file = writeFile(t.dir, 'ok.jsonl', jsonlText(5));
    expect((await inspectFile(file)).rowEstimate).toBe(5);
    expect((await inspectFile(fixture('trades-semicolon.csv'))).format).toBe('csv');
  });
});

describe('inspect: column types and time formats', () => {
  let t: TempDb;
  beforeEach(() => (t = tempDb()));
  afterEach(() => t.cleanup());

  const csv = (rows: string[]): string => ['ts,user,amount', ...rows].join('\n') + '\n';
  const rows = Array.from({ length: 30 }, (_, i) => `${1_700_000_000_000 + i * 1000},u${i % 3},${i * 10}`);

  it('one "n/a" in a number column keeps it a number and reports the cell with its line', async () => {
    const withNa = rows.slice();
    withNa[9] = `${1_700_000_009_000},u0,n/a`;
    const result = await inspectFile(writeFile(t.dir, 'na.csv', csv(withNa)));
    expect(result.schema.find((f) => f.name === 'amount')).toEqual({
      name: 'amount',
      type: 'number',
      nullable: false,
    });
    expect(result.malformedSample).toEqual([{ line: 11, reason: `'amount' is "n/a", not a number` }]);
  });

  it('a column of mixed text stays text', async () => {
    const mixed = rows.map((r, i) => (i % 2 === 0 ? r : r.replace(/,\d+$/, ',x')));
    const result = await inspectFile(writeFile(t.dir, 'mixed.csv', csv(mixed)));
    expect(result.schema.find((f) => f.name === 'amount')?.type).toBe('any');
    expect(result.malformedSample).toEqual([]);
  });

  it('says per field how its values read as time', async () => {
    const result = await inspectFile(writeFile(t.dir, 't.csv', csv(rows)));
    expect(result.timeFields.ts).toEqual({
      detected: 'epochMillis',
      readable: { iso8601: 0, epochMillis: 30, epochSeconds: 30 },
      present: 30,
    });
    // A numeric column is never readable as ISO-8601 text: the confirm step warns before importing.
    expect(result.timeFields.amount.readable.iso8601).toBe(0);
    expect(result.timeFields.user).toMatchObject({
      detected: null,
      readable: { iso8601: 0, epochMillis: 0 },
    });
  });
});

describe('import with confirmed column types', () => {
  let t: TempDb;
  let service: RecordingsService;
  beforeEach(() => {
    t = tempDb();
    service = createRecordingsService({ db: t.db, dbPath: t.dbPath });
  });
  afterEach(() => t.cleanup());

  const text = ['ts,user,amount,zip', '1000,u1,10,01234', '2000,u2,n/a,42.50', '3000,u1,30,7', ''].join('\n');

  it("rejects 'n/a' in a number column with its line, or skips that row", async () => {
    const file = writeFile(t.dir, 'na.csv', text);
    const types = { ts: 'number', user: 'string', amount: 'number', zip: 'string' } as const;
    const error = await importError(service.importRecording(request(file, { columnTypes: types })));
    expect(error.message).toContain(`line 3: 'amount' is "n/a", not a number`);
    const { recording } = await service.importRecording(
      request(file, { columnTypes: types, onMalformed: 'skip' }),
    );
    expect(recording.rowCount).toBe(2);
    expect(recording.malformed.rows).toEqual([{ line: 3, reason: `'amount' is "n/a", not a number` }]);
    expect(recording.schema.find((f) => f.name === 'amount')?.type).toBe('number');
    // Text columns keep the cells as written.
    const events = service.readEvents(recording.id, { offset: 0, limit: 10 }).events;
    expect(events.map((e) => e.payload.zip)).toEqual(['01234', '7']);
    expect(recording.schema.find((f) => f.name === 'zip')?.type).toBe('string');
  });

  it("'any' stores the column as read, the general path (JSON) checks too", async () => {
    const file = writeFile(t.dir, 'na.csv', text);
    const { recording } = await service.importRecording(request(file, { columnTypes: { amount: 'any' } }));
    expect(recording.rowCount).toBe(3);
    const json = writeFile(
      t.dir,
      'na.jsonl',
      [
        { ts: 1, amount: 1 },
        { ts: 2, amount: 'n/a' },
        { ts: 3, amount: 2.5 },
        { ts: 4, amount: 7 },
      ]
        .map((r) => JSON.stringify(r))
        .join('\n'),
    );
    const error = await importError(
      service.importRecording(request(json, { columnTypes: { amount: 'number' } })),
    );
    expect(error.message).toContain(`line 2: 'amount' is "n/a", not a number`);
    const asText = await service.importRecording(request(json, { columnTypes: { amount: 'string' } }));
    const stored = service.readEvents(asText.recording.id, { offset: 0, limit: 10 }).events;
    expect(stored.map((e) => e.payload.amount)).toEqual(['1', 'n/a', '2.5', '7']);
  });

  it('lists the out-of-order events with line, how far behind and their number', async () => {
    const file = writeFile(
      t.dir,
      'ooo.csv',
      ['ts,v', '1000,a', '5000,b', '2000,c', '6000,d', '5500,e', ''].join('\n'),
    );
    const { recording } = await service.importRecording(request(file));
    expect(recording.outOfOrderCount).toBe(2);
    expect(recording.outOfOrder).toEqual([
      { seq: 2, line: 4, ts: 2000, behindMs: 3000 },
      { seq: 4, line: 6, ts: 5500, behindMs: 500 },
    ]);
  });

  it('leaves no big WAL behind after a large import', { timeout: 120_000 }, async () => {
    const file = writeFile(t.dir, 'big.jsonl', jsonlText(60_000));
    await service.importRecording(request(file));
    // The worker checkpoints after reporting; give it the moment it needs.
    const wal = `${t.dbPath}-wal`;
    let size = Infinity;
    for (let i = 0; i < 50 && size > 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      size = statSync(wal, { throwIfNoEntry: false })?.size ?? 0;
    }
    expect(size).toBeLessThanOrEqual(16 * 1024 * 1024);
    expect(size).toBe(0);
  });
});
