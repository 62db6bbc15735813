/**
 * Column batches (event-columns.ts) rebuild exactly what one-thread reading gives: the projection
 * of each payload (members, their order and values), seq, time and key, for the texts the one-pass
 * reader takes and for those it leaves to JSON.parse.
 */
import { describe, expect, it } from 'vitest';
import { ColumnReader, ColumnWriter, type StoredRow } from '../../../electron/services/replay/event-columns';
import { JsonProjection } from '../../../electron/services/replay/json-projection';

const FIELDS = ['ts', 'cardId', 'type', 'amount', '__proto__'];

const PAYLOADS = [
  '{"id":"a","ts":"2026-03-02T09:00:00.000Z","cardId":"c1","type":"purchase","amount":264.18}',
  '{"amount":-0,"type":"transfer","cardId":"c2","ts":"2026-03-02T09:00:00.001Z"}',
  '{"type":"login","type":"purchase","amount":1e3,"cardId":null}',
  '{"ts":true,"cardId":false,"amount":12345678901234567890}',
  '{}',
  '{"__proto__":{"x":1},"type":"nested"}',
  '{"__proto__":"flat","type":"purchase"}',
  '{ "type": "spaced", "amount": 1 }',
  '{"type":"esc\\"aped","cardId":"c1"}',
  '[1,2]',
  '7',
  '{"cardId":"c3","other":{"deep":[1,2]},"type":"transfer"}',
];

function rowsOf(payloads: readonly string[], seq0: number): StoredRow[] {
  return payloads.map((p, i) => [seq0 + i, 1000 + i, i % 3 === 0 ? null : `c${i % 4}`, p]);
}

/** What SqliteEventSource.readFields builds from the same rows. */
function oneThread(rows: readonly StoredRow[]) {
  const p = new JsonProjection(FIELDS);
  return rows.map((r) => ({ seq: r[0], ts: r[1], key: r[2], payload: p.decode(r[3]) }));
}

describe('event columns', () => {
  it('rebuild every event as one-thread reading does, members in the same order', () => {
    const writer = new ColumnWriter(FIELDS);
    const reader = new ColumnReader(FIELDS);
    // Two batches from one writer: shapes carry over, strings are per batch.
    for (const seq0 of [0, PAYLOADS.length]) {
      const rows = rowsOf(PAYLOADS, seq0);
      const batch = writer.batch(seq0, seq0 + rows.length, rows);
      const got = reader.events(batch, seq0, seq0 + rows.length);
      const want = oneThread(rows);
      expect(got).toEqual(want);
      expect(got.map((e) => JSON.stringify(e))).toEqual(want.map((e) => JSON.stringify(e)));
      expect(Object.is((got[1].payload as { amount: number }).amount, -0)).toBe(true);
      expect(Object.getPrototypeOf(got[6].payload)).toBe(Object.prototype);
    }
  });

  it('reads a sub-range, and rows with gaps in their seqs by seq', () => {
    const writer = new ColumnWriter(FIELDS);
    const reader = new ColumnReader(FIELDS);
    const rows = rowsOf(PAYLOADS, 0).filter((r) => r[0] !== 4 && r[0] !== 9);
    const batch = writer.batch(0, PAYLOADS.length, rows);
    const want = oneThread(rows);
    expect(reader.events(batch, 0, PAYLOADS.length)).toEqual(want);
    expect(reader.events(batch, 3, 8)).toEqual(want.filter((e) => e.seq >= 3 && e.seq < 8));
    const full = writer.batch(0, PAYLOADS.length, rowsOf(PAYLOADS, 0));
    expect(reader.events(full, 2, 5)).toEqual(oneThread(rowsOf(PAYLOADS, 0)).slice(2, 5));
  });

  it('a payload text that is not JSON throws what one-thread reading throws, when rebuilt', () => {
    const rows = rowsOf(['{"type":"ok"}', '{"ts":"2026-'], 0);
    const batch = new ColumnWriter(FIELDS).batch(0, 2, rows);
    let expected = '';
    try {
      new JsonProjection(FIELDS).decode(rows[1][3]);
    } catch (e) {
      expected = (e as Error).message;
    }
    expect(expected).not.toBe('');
    expect(() => new ColumnReader(FIELDS).events(batch, 0, 2)).toThrow(expected);
  });
});
