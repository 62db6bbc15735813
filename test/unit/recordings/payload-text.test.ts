/**
 * Payloads reach SQLite as UTF-8 bytes (event-writer.ts binds a view of the batch's buffer) and
 * must be stored as TEXT, the same text binding a string stores: readers, JSON functions and
 * the text filters depend on it. Byte path, cell path and JSON input, parsed in this thread and
 * in the parse worker, with characters of one to four UTF-8 bytes.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runImport } from '../../../electron/services/recordings';
import { request, tempDb, writeFile, type TempDb } from './helpers';

const CSV = [
  'ts,name,amount,note',
  '1000,plain,12.5,ascii only',
  '1001,café,3,"quoted, with comma"',
  '1002,日本,-4,emoji 🎉 here',
  '1003,"q""uote",,',
].join('\n');

const EXPECTED = [
  { ts: 1000, name: 'plain', amount: 12.5, note: 'ascii only' },
  { ts: 1001, name: 'café', amount: 3, note: 'quoted, with comma' },
  { ts: 1002, name: '日本', amount: -4, note: 'emoji 🎉 here' },
  { ts: 1003, name: 'q"uote', amount: null, note: null },
];

interface Row {
  type: string;
  payload: string;
  name: string;
  bytes: number;
}

describe('stored payloads', () => {
  let t: TempDb;
  beforeEach(() => (t = tempDb()));
  afterEach(() => t.cleanup());

  const stored = (id: number): Row[] =>
    t.db
      .prepare(
        `SELECT typeof(payload) AS type, payload, json_extract(payload, '$.name') AS name,
                octet_length(payload) AS bytes
           FROM events WHERE recording_id = ? ORDER BY seq`,
      )
      .all(id) as Row[];

  it.each([
    ['CSV in this thread', 'e.csv', CSV, false],
    ['CSV in the parse worker', 'e.csv', CSV, true],
    ['JSON Lines in the parse worker', 'e.jsonl', EXPECTED.map((e) => JSON.stringify(e)).join('\n'), true],
  ] as const)('are TEXT, as written (%s)', async (_, name, text, parseInWorker) => {
    const id = await runImport(t.db, request(writeFile(t.dir, name, text)), { parseInWorker });
    const rows = stored(id);
    expect(rows.map((r) => r.type)).toEqual(EXPECTED.map(() => 'text'));
    expect(rows.map((r) => JSON.parse(r.payload) as unknown)).toEqual(EXPECTED);
    expect(rows.map((r) => r.name)).toEqual(EXPECTED.map((e) => e.name));
    expect(rows.map((r) => r.bytes)).toEqual(rows.map((r) => Buffer.byteLength(r.payload)));
    const found = t.db
      .prepare(`SELECT seq FROM events WHERE recording_id = ? AND payload LIKE '%🎉%'`)
      .all(id) as { seq: number }[];
    expect(found).toEqual([{ seq: 2 }]);
  });
});
