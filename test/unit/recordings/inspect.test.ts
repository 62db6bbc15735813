import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inspectFile } from '../../../electron/services/recordings';
import { fixture, jsonlText, writeFile } from './helpers';

describe('inspectFile', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'cepheus-inspect-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('proposes format, delimiter, schema, ISO timestamp and key for a ;-CSV', async () => {
    const result = await inspectFile(fixture('trades-semicolon.csv'));
    expect(result).toMatchObject({
      format: 'csv',
      delimiter: ';',
      compressed: false,
      suggestedTimestampField: 'time',
      timestampFormat: 'iso8601',
      suggestedKeyField: 'symbol',
      rowEstimate: 6,
      rowEstimateExact: true,
      malformedSample: [],
    });
    expect(result.schema).toEqual([
      { name: 'time', type: 'timestamp', nullable: false },
      { name: 'symbol', type: 'string', nullable: false },
      { name: 'price', type: 'number', nullable: false },
      { name: 'qty', type: 'number', nullable: false },
      { name: 'side', type: 'string', nullable: false },
      // Line 7 has a zero-padded "007": still text, and one row leaves it empty.
      { name: 'note', type: 'string', nullable: true },
    ]);
    expect(result.sampleRows[0]).toEqual({
      line: 2,
      record: {
        time: '2024-03-01T09:30:00.000Z',
        symbol: 'ACME',
        price: 101.5,
        qty: 10,
        side: 'buy',
        note: 'opening; first trade',
      },
    });
  });

  it('infers nested, array and nullable fields and epoch milliseconds from JSON Lines', async () => {
    const result = await inspectFile(fixture('clicks.jsonl'));
    expect(result).toMatchObject({
      format: 'jsonl',
      suggestedTimestampField: 'ts',
      timestampFormat: 'epochMillis',
      suggestedKeyField: 'userId',
    });
    expect(result.delimiter).toBeUndefined();
    expect(result.schema).toEqual([
      { name: 'ts', type: 'number', nullable: false },
      { name: 'userId', type: 'string', nullable: false },
      { name: 'page', type: 'string', nullable: false },
      { name: 'meta', type: 'object', nullable: true },
      { name: 'meta.browser', type: 'string', nullable: true },
      { name: 'meta.mobile', type: 'boolean', nullable: true },
      { name: 'items', type: 'array', nullable: true },
      { name: 'amount', type: 'number', nullable: true },
    ]);
  });

  it('detects epoch seconds in a JSON array and gzip by magic bytes', async () => {
    const plain = await inspectFile(fixture('sensors.json'));
    const zipped = await inspectFile(fixture('sensors.json.gz'));
    expect(plain).toMatchObject({
      format: 'json-array',
      compressed: false,
      suggestedTimestampField: 'epoch',
      timestampFormat: 'epochSeconds',
      suggestedKeyField: 'deviceId',
    });
    expect(zipped).toMatchObject({ format: 'json-array', compressed: true });
    expect(zipped.schema).toEqual(plain.schema);
    const noExtension = await inspectFile(fixture('clicks-gzip-without-extension.data'));
    expect(noExtension).toMatchObject({ format: 'jsonl', compressed: true, rowEstimate: 5 });
  });

  it('reads a tab-separated file', async () => {
    const result = await inspectFile(fixture('tabs.tsv'));
    expect(result).toMatchObject({
      format: 'csv',
      delimiter: '\t',
      suggestedTimestampField: 'timestamp',
      timestampFormat: 'epochSeconds',
      suggestedKeyField: 'key',
    });
  });

  it('lists malformed rows found in the sample', async () => {
    const result = await inspectFile(fixture('malformed.jsonl'));
    expect(result.malformedSample.map((m) => m.line)).toEqual([2, 3]);
  });

  it('samples only the head of a large file and estimates its rows', async () => {
    const rows = 60_000; // about 5 MB, well beyond the 1 MiB sample
    const plain = writeFile(dir, 'big.jsonl', jsonlText(rows));
    const zipped = writeFile(dir, 'big.jsonl.gz', jsonlText(rows), true);
    for (const file of [plain, zipped]) {
      const result = await inspectFile(file);
      expect(result.rowEstimateExact).toBe(false);
      expect(result.sampleRows).toHaveLength(20);
      expect(result.rowEstimate).toBeGreaterThan(rows * 0.9);
      expect(result.rowEstimate).toBeLessThan(rows * 1.1);
      expect(result.suggestedKeyField).toBe('key');
    }
  });

  it('does not suggest a unique id as the key', async () => {
    const text = Array.from({ length: 30 }, (_, i) =>
      JSON.stringify({ id: i, ts: i, userId: `u${i % 3}` }),
    ).join('\n');
    const result = await inspectFile(writeFile(dir, 'ids.jsonl', text));
    expect(result.suggestedKeyField).toBe('userId');
  });

  it('proposes a field named like a key whose values do not repeat in the sample, not a unique id', async () => {
    // Many users, each once in the first rows (as in a 1M-row recording's head).
    const text = Array.from({ length: 1_200 }, (_, i) =>
      JSON.stringify({ id: `tx-${i}`, ts: i, cardId: `c${i}`, userId: `u${i}`, amount: i % 7 }),
    ).join('\n');
    const result = await inspectFile(writeFile(dir, 'many-users.jsonl', text));
    expect(result.suggestedKeyField).toBe('userId');
  });

  it('prefers a field that repeats over a better-named one that does not', async () => {
    const text = Array.from({ length: 50 }, (_, i) =>
      JSON.stringify({ ts: i, userId: `u${i}`, deviceId: `d${i % 4}` }),
    ).join('\n');
    const result = await inspectFile(writeFile(dir, 'devices.jsonl', text));
    expect(result.suggestedKeyField).toBe('deviceId');
  });

  it('proposes no key when only unique ids are named like one', async () => {
    const text = Array.from({ length: 50 }, (_, i) =>
      JSON.stringify({ id: i, ts: i, orderId: `o${i}` }),
    ).join('\n');
    const result = await inspectFile(writeFile(dir, 'orders.jsonl', text));
    expect(result.suggestedKeyField).toBeNull();
  });

  it('rejects a missing file with its path in the message', async () => {
    await expect(inspectFile(path.join(dir, 'nope.csv'))).rejects.toThrow(/Cannot read .*nope\.csv/);
  });
});
