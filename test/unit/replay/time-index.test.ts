import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/services/db/open-database';
import { importRiskSample } from '../recordings/helpers';
import { SqliteEventSource } from '../../../electron/services/replay/sqlite-source';
import { ChunkTimeIndex, TIME_CHUNK } from '../../../electron/services/replay/time-index';

/** Deterministic out-of-order times: a rising clock with jitter both ways. */
function jittered(n: number): number[] {
  let s = 7;
  const rnd = (): number => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  return Array.from({ length: n }, (_, i) => i * 10 + Math.floor((rnd() - 0.5) * 4000));
}

function firstReaching(times: readonly number[], ts: number): number | null {
  const i = times.findIndex((t) => t >= ts);
  return i < 0 ? null : i;
}

describe('ChunkTimeIndex', () => {
  it('narrows "first at or after" to the chunk that holds it, over out-of-order times', () => {
    const times = jittered(3 * TIME_CHUNK + 100);
    const index = new ChunkTimeIndex(times.length);
    const probes: number[] = [];
    for (let ts = -3000; ts <= times.length * 10 + 3000; ts += 97) probes.push(ts);
    // Chunks come in out of order (a seek reads one in the middle): only the known prefix is searched.
    index.record(2 * TIME_CHUNK, times.slice(2 * TIME_CHUNK, 3 * TIME_CHUNK));
    expect(index.locate(0)).toEqual({ from: 0, to: times.length });
    const check = (): void => {
      for (const ts of probes) {
        const want = firstReaching(times, ts);
        const range = index.locate(ts);
        if (range === null) expect(want).toBeNull();
        else {
          if (want !== null) expect(range.from).toBeLessThanOrEqual(want);
          if (want !== null) expect(range.to).toBeGreaterThan(want);
          // One chunk, or all past the known chunks.
          expect(range.to - range.from <= TIME_CHUNK || range.to === times.length).toBe(true);
        }
      }
    };
    for (let from = 0; from < times.length; from += TIME_CHUNK) {
      check();
      index.record(from, times.slice(from, from + TIME_CHUNK));
    }
    expect(index.complete).toBe(true);
    check();
    for (const ts of probes) {
      const range = index.locate(ts);
      if (range !== null) expect(range.to - range.from).toBeLessThanOrEqual(TIME_CHUNK);
    }
    expect(index.locate(times.length * 10 + 3000)).toBeNull();
  });

  it('ignores reads that are not whole chunks', () => {
    const index = new ChunkTimeIndex(2 * TIME_CHUNK);
    index.record(0, [1, 2, 3]);
    index.record(5, new Array<number>(TIME_CHUNK).fill(1));
    index.record(TIME_CHUNK, new Array<number>(TIME_CHUNK).fill(1));
    expect(index.complete).toBe(false);
    expect(index.locate(1)).toEqual({ from: 0, to: 2 * TIME_CHUNK });
  });
});

describe('SqliteEventSource.firstAtOrAfter', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'cepheus-time-index-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('gives the same event before and after the chunks were read, and the brute-force answer', async () => {
    const db = openDatabase(path.join(dir, 'rec.sqlite'));
    try {
      const id = await importRiskSample(db);
      const source = new SqliteEventSource(db, id);
      const times = (
        db.prepare('SELECT ts FROM events WHERE recording_id = ? ORDER BY seq').all(id) as { ts: number }[]
      ).map((r) => r.ts);
      expect(times.length).toBeGreaterThan(TIME_CHUNK);
      const probes = [
        times[0] - 1,
        times[0],
        times[500] + 1,
        times[1500],
        times[times.length - 1],
        times[times.length - 1] + 1,
      ];
      const want = probes.map((ts) => firstReaching(times, ts));
      expect(want[want.length - 1]).toBeNull();
      // Nothing read yet, the first chunk read, all read: the same answers.
      expect(probes.map((ts) => source.firstAtOrAfter(ts))).toEqual(want);
      source.read(0, TIME_CHUNK);
      expect(probes.map((ts) => source.firstAtOrAfter(ts))).toEqual(want);
      for (let from = 0; from < source.count; from += TIME_CHUNK)
        source.read(from, Math.min(source.count, from + TIME_CHUNK));
      expect(probes.map((ts) => source.firstAtOrAfter(ts))).toEqual(want);
    } finally {
      db.close();
    }
  });
});
