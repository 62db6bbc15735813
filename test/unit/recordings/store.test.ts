import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  runImport,
  RecordingNotFoundError,
  RecordingStore,
  type StoredEvent,
} from '../../../electron/services/recordings';
import { countRows, fixture, jsonlText, request, tempDb, writeFile, type TempDb } from './helpers';

describe('RecordingStore queries', () => {
  let t: TempDb;
  let store: RecordingStore;
  let big: number;
  let trades: number;
  const rows = 2500;

  beforeAll(async () => {
    t = tempDb();
    store = new RecordingStore(t.db);
    // In-process import: the worker path is covered by import.test.ts.
    big = await runImport(
      t.db,
      request(writeFile(t.dir, 'events.jsonl', jsonlText(rows)), { name: 'events', keyField: 'key' }),
      {
        now: () => Date.UTC(2025, 0, 1),
      },
    );
    trades = await runImport(
      t.db,
      request(fixture('trades-semicolon.csv'), {
        name: 'trades',
        timestampField: 'time',
        timestampFormat: 'iso8601',
        keyField: 'symbol',
      }),
      { now: () => Date.UTC(2025, 0, 2) },
    );
  });
  afterAll(() => t.cleanup());

  it('lists recordings newest first with their statistics', () => {
    const list = store.list();
    expect(list.map((r) => r.name)).toEqual(['trades', 'events']);
    expect(list[1]).toMatchObject({
      id: big,
      rowCount: rows,
      minTs: 1000,
      maxTs: 1000 + (rows - 1) * 10,
      keyField: 'key',
      keyCount: 50,
      outOfOrderCount: 0,
      createdAt: '2025-01-01T00:00:00.000Z',
    });
    expect(list[1].payloadBytes).toBeGreaterThan(rows * 50);
    expect(list[1].schema.map((f) => `${f.name}:${f.type}`)).toEqual([
      'ts:timestamp',
      'key:string',
      'type:string',
      'value:number',
      'nested:object',
      'nested.even:boolean',
    ]);
    expect(list[1]).not.toHaveProperty('malformed');
  });

  it('pages in file order with the total', () => {
    const page = store.readEvents(big, { offset: 2400, limit: 150 });
    expect(page.total).toBe(rows);
    expect(page.offset).toBe(2400);
    expect(page.events.map((e) => e.seq)).toEqual([...Array(100).keys()].map((i) => 2400 + i));
    expect(page.events[0]).toEqual({
      seq: 2400,
      ts: 25_000,
      key: 'k0',
      payload: { ts: 25_000, key: 'k0', type: 'A', value: 2400, nested: { even: true } },
    });
    expect(store.readEvents(big, { offset: rows, limit: 10 }).events).toEqual([]);
  });

  it('filters by field value, key, nested field, text and time range', () => {
    const byType = store.readEvents(big, {
      offset: 0,
      limit: 3,
      filter: { equals: [{ field: 'type', value: 'C' }] },
    });
    expect(byType.total).toBe(rows / 5);
    expect(byType.events.map((e) => e.seq)).toEqual([2, 7, 12]);

    const byKey = store.readEvents(big, {
      offset: 1,
      limit: 2,
      filter: { equals: [{ field: 'key', value: 'k7' }] },
    });
    expect(byKey.total).toBe(rows / 50);
    expect(byKey.events.map((e) => e.seq)).toEqual([57, 107]);

    const nested = store.readEvents(big, {
      offset: 0,
      limit: 1,
      filter: { equals: [{ field: 'nested.even', value: false }] },
    });
    expect(nested.total).toBe(rows / 2);
    expect(nested.events[0].seq).toBe(1);

    // A number typed as text still finds the stored number.
    const byValue = store.readEvents(big, {
      offset: 0,
      limit: 5,
      filter: { equals: [{ field: 'value', value: '1234' }] },
    });
    expect(byValue.events.map((e) => e.seq)).toEqual([1234]);

    const range = store.readEvents(big, { offset: 0, limit: 1000, filter: { fromTs: 2000, toTs: 2090 } });
    expect(range.events.map((e) => e.ts)).toEqual([
      2000, 2010, 2020, 2030, 2040, 2050, 2060, 2070, 2080, 2090,
    ]);

    const combined = store.readEvents(big, {
      offset: 0,
      limit: 10,
      filter: { fromTs: 2000, toTs: 2090, equals: [{ field: 'type', value: 'B' }] },
    });
    expect(combined.events.map((e) => e.seq)).toEqual([101, 106]);
    expect(combined.total).toBe(2);
  });

  it('searches text case-insensitively, treating % and _ literally', () => {
    const hits = store.readEvents(trades, { offset: 0, limit: 10, filter: { contains: 'SPECIAL' } });
    expect(hits.events.map((e) => e.seq)).toEqual([1]);
    expect(store.readEvents(trades, { offset: 0, limit: 10, filter: { contains: '%' } }).total).toBe(0);
    expect(
      store.readEvents(trades, { offset: 0, limit: 10, filter: { contains: 'two\\nlines' } }).total,
    ).toBe(1);
  });

  it('matches null and missing-safe filters on CSV data', () => {
    const noNote = store.readEvents(trades, {
      offset: 0,
      limit: 10,
      filter: { equals: [{ field: 'note', value: null }] },
    });
    expect(noNote.events.map((e) => e.seq)).toEqual([2]);
    const padded = store.readEvents(trades, {
      offset: 0,
      limit: 10,
      filter: { equals: [{ field: 'note', value: '007' }] },
    });
    expect(padded.events.map((e) => e.seq)).toEqual([5]);
  });

  it('streams eventsBetween in chunks across chunk boundaries', () => {
    const seen: StoredEvent[] = [];
    for (const event of store.eventsBetween(big, 995, 2005)) seen.push(event);
    expect(seen.map((e) => e.seq)).toEqual([...Array(1010).keys()].map((i) => 995 + i));
    expect([...store.eventsBetween(big, 2490, 99_999)].map((e) => e.seq)).toEqual(
      [...Array(10).keys()].map((i) => 2490 + i),
    );
    expect([...store.eventsBetween(big, 10, 10)]).toEqual([]);
  });

  it('lets other statements run between chunks of an iteration', () => {
    const iterator = store.eventsBetween(big, 0, rows);
    iterator.next();
    expect(store.rename(trades, 'renamed mid-iteration').name).toBe('renamed mid-iteration');
    let count = 1;
    for (let next = iterator.next(); !next.done; next = iterator.next()) count += 1;
    expect(count).toBe(rows);
  });

  it('renames, rejects blank names and unknown ids', () => {
    expect(store.rename(trades, '  Trades  ')).toMatchObject({ id: trades, name: 'Trades' });
    expect(store.get(trades).name).toBe('Trades');
    expect(() => store.rename(trades, ' ')).toThrow('must not be empty');
    expect(() => store.get(9999)).toThrow(RecordingNotFoundError);
    expect(() => store.readEvents(9999, { offset: 0, limit: 1 })).toThrow('Recording 9999 does not exist');
  });

  it('deletes a recording with all its events', () => {
    const before = countRows(t.db);
    store.delete(trades);
    expect(countRows(t.db)).toEqual({ recordings: before.recordings - 1, events: before.events - 6 });
    expect(store.list().map((r) => r.id)).toEqual([big]);
    expect(() => store.delete(trades)).toThrow(RecordingNotFoundError);
  });
});
