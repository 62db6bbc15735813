import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/services/db/open-database';
import { importRiskSample } from '../recordings/helpers';
import { SqliteEventSource } from '../../../electron/services/replay/sqlite-source';

interface StoredRow {
  seq: number;
  ts: number;
  key: string | null;
  payload: string;
}

describe('SqliteEventSource.read', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'cepheus-sqlite-source-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('gives each stored row as a row-by-row JSON.parse does, whatever the payloads', async () => {
    const db = openDatabase(path.join(dir, 'rec.sqlite'));
    try {
      const id = await importRiskSample(db);
      const rowByRow = (from: number, to: number): unknown[] =>
        (
          db
            .prepare(
              'SELECT seq, ts, key, payload FROM events WHERE recording_id = ? AND seq >= ? AND seq < ? ORDER BY seq',
            )
            .all(id, from, to) as StoredRow[]
        ).map((r) => ({ seq: r.seq, ts: r.ts, key: r.key, payload: JSON.parse(r.payload) as unknown }));
      const source = new SqliteEventSource(db, id);
      expect(source.count).toBeGreaterThan(1000);
      expect(source.read(0, source.count)).toEqual(rowByRow(0, source.count));
      expect(source.read(17, 530)).toEqual(rowByRow(17, 530));
      expect(source.read(5, 5)).toEqual([]);
      // Payloads a joined parse would read differently: a non-object, and two texts that only
      // parse joined. The first reads as it would alone; the second fails as it would alone.
      const setPayload = db.prepare('UPDATE events SET payload = ? WHERE recording_id = ? AND seq = ?');
      setPayload.run('[1,2]', id, 3);
      expect(source.read(0, 10)).toEqual(rowByRow(0, 10));
      setPayload.run('{"a":1', id, 4);
      setPayload.run('"b":2}', id, 5);
      expect(() => source.read(0, 10)).toThrow(SyntaxError);
      expect(() => rowByRow(0, 10)).toThrow(SyntaxError);
    } finally {
      db.close();
    }
  });
});
