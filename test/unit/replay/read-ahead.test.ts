/**
 * The analysis with its events read on a second thread (ReadAheadSource) answers exactly as when it
 * reads them in its own thread, and a failing reading thread fails the analysis with a clear
 * message instead of leaving it waiting.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReadAheadSource, type ReadAheadOptions } from '../../../electron/services/replay/read-ahead';
import { analyse, SessionHost } from '../../../electron/services/replay/session-host';
import { SqliteEventSource } from '../../../electron/services/replay/sqlite-source';
import {
  prepareReplayPattern,
  ReplayAnalysis,
  ReplaySession,
  type ReplayPattern,
} from '../../../engine/debug';
import { READ_CHUNK } from '../../../engine/debug/event-reader';
import { loadDocument } from '../../../engine/format/index';
import { importCsv, riskCsv } from '../../../bench/workloads/recordings';

const RULES = ['card-testing', 'high-frequency', 'large-transaction', 'login-takeover'];
const ROWS = 12_000;

function pattern(rule: string): ReplayPattern {
  const loaded = loadDocument(JSON.parse(readFileSync(`samples/patterns/risk/${rule}.cep.json`, 'utf8')));
  if (!loaded.ok) throw new Error(rule);
  const prepared = prepareReplayPattern(loaded.document);
  if (!prepared.ok) throw new Error(rule);
  return prepared.pattern;
}

/** Everything the analysis answers, and what a session over its checkpoints shows. */
async function answers(p: ReplayPattern, source: SqliteEventSource, ahead: ReadAheadSource | null) {
  const session = new ReplaySession(p, source, { checkpoints: { interval: 997 } });
  const analysis = new ReplayAnalysis(p, ahead ?? source, session.checkpoints);
  await analyse(analysis, ahead, () => {});
  const seeks = [source.count, 3, Math.floor(source.count / 2), 4100, source.count + 1, 640].map((at) =>
    session.seek(at),
  );
  return {
    results: analysis.results,
    timeline: analysis.timeline(4000, 1000),
    buckets: analysis.timeline(300, 100),
    nearMisses: analysis.nearMissList(),
    stopped: analysis.stopped,
    checkpoints: session.checkpoints.positions().map((at) => session.checkpoints.find(at)),
    seeks,
    back: session.stepBack(),
  };
}

describe('the analysis reading ahead on a second thread', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'cepheus-read-ahead-'));
  const dbPath = path.join(dir, 'rec.sqlite');
  let id = 0;
  let db: Database.Database;
  beforeAll(async () => {
    id = (await importCsv(await riskCsv(ROWS, dir), dbPath)).id;
    db = new Database(dbPath, { readonly: true });
  }, 120_000);
  afterAll(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** A read-ahead source whose thread has sent its first batch (so the analysis waits for it). */
  async function started(p: ReplayPattern, options: ReadAheadOptions = {}): Promise<ReadAheadSource> {
    const ahead = new ReadAheadSource(new SqliteEventSource(db, id), dbPath, p.fieldsRead!, options);
    await ahead.ready(0);
    return ahead;
  }

  it.each(RULES)(
    '%s: results, timeline buckets, near misses, checkpoints and seeks as in one thread',
    async (rule) => {
      const p = pattern(rule);
      const single = await answers(p, new SqliteEventSource(db, id), null);
      const ahead = await started(p, { batchRows: 2 * READ_CHUNK, inFlight: 2 });
      const threaded = await answers(p, new SqliteEventSource(db, id), ahead);
      // Every event of the run came from the thread's batches.
      expect(ahead.fromThread).toBeGreaterThanOrEqual(ROWS);
      expect(threaded).toEqual(single);
      expect(single.results.length + single.nearMisses.items.length).toBeGreaterThan(0);
    },
    120_000,
  );

  it('hands over every event of every chunk, in order, as the thread would read it', async () => {
    const p = pattern('card-testing');
    const fields = p.fieldsRead!;
    const plain = new SqliteEventSource(db, id);
    const ahead = await started(p, { batchRows: 3 * READ_CHUNK, inFlight: 1 });
    try {
      for (let from = 0; from < ROWS; from += READ_CHUNK) {
        const to = Math.min(ROWS, from + READ_CHUNK);
        await ahead.ready(to - 1);
        const before = ahead.fromThread;
        const got = ahead.readFields(from, to, fields);
        expect(ahead.fromThread - before).toBe(to - from);
        const want = plain.readFields(from, to, fields);
        expect(got.map((e) => e.seq)).toEqual(want.map((e) => e.seq));
        expect(got).toEqual(want);
        // Same member order (JSON text of each event).
        expect(got.map((e) => JSON.stringify(e))).toEqual(want.map((e) => JSON.stringify(e)));
      }
    } finally {
      await ahead.close();
    }
  }, 60_000);

  it('batches of events the analysis read itself while the thread started do not hold its credit', async () => {
    const p = pattern('card-testing');
    const fields = p.fieldsRead!;
    const plain = new SqliteEventSource(db, id);
    // One batch in flight; the analysis reads the first two batches' events here before the thread
    // has loaded, so the thread's first batches arrive already read.
    const ahead = new ReadAheadSource(new SqliteEventSource(db, id), dbPath, fields, {
      batchRows: READ_CHUNK,
      inFlight: 1,
    });
    try {
      for (let from = 0; from < 2 * READ_CHUNK; from += READ_CHUNK)
        ahead.readFields(from, from + READ_CHUNK, fields);
      expect(ahead.fromThread).toBe(0);
      await ahead.ready(3 * READ_CHUNK - 1);
      const got = ahead.readFields(2 * READ_CHUNK, 3 * READ_CHUNK, fields);
      expect(ahead.fromThread).toBe(READ_CHUNK);
      expect(got).toEqual(plain.readFields(2 * READ_CHUNK, 3 * READ_CHUNK, fields));
    } finally {
      await ahead.close();
    }
  }, 60_000);

  it('a payload that is not JSON fails the analysis with the same error as in one thread', async () => {
    const broken = path.join(dir, 'broken.sqlite');
    db.exec(`VACUUM INTO '${broken}'`);
    const w = new Database(broken);
    w.prepare('UPDATE events SET payload = ? WHERE recording_id = ? AND seq = ?').run(
      '{"ts":"2026-',
      id,
      7000,
    );
    w.close();
    const bdb = new Database(broken, { readonly: true });
    try {
      const p = pattern('card-testing');
      const one = new ReplayAnalysis(
        p,
        new SqliteEventSource(bdb, id),
        new ReplaySession(p, new SqliteEventSource(bdb, id)).checkpoints,
      );
      let expected = '';
      try {
        await analyse(one, null, () => {});
      } catch (e) {
        expected = (e as Error).message;
      }
      expect(expected).toMatch(/JSON/);
      const source = new SqliteEventSource(bdb, id);
      const ahead = new ReadAheadSource(source, broken, p.fieldsRead!);
      await ahead.ready(0);
      const two = new ReplayAnalysis(p, ahead, new ReplaySession(p, source).checkpoints);
      await expect(analyse(two, ahead, () => {})).rejects.toThrow(expected);
      expect(two.position).toBeLessThanOrEqual(7000);
    } finally {
      bdb.close();
    }
  }, 60_000);

  it('a SQLite error in the reading thread reaches the session as the analysis failing', async () => {
    // The thread's file has no events table: its statement fails on its own connection.
    const other = path.join(dir, 'no-events.sqlite');
    db.exec(`VACUUM INTO '${other}'`);
    const w = new Database(other);
    w.exec('DROP TABLE events');
    w.close();
    const p = pattern('card-testing');
    const source = new SqliteEventSource(db, id);
    const ahead = new ReadAheadSource(source, other, p.fieldsRead!);
    await expect(ahead.ready(0)).rejects.toThrow(/no such table: events/);
    const host = new SessionHost('s', id, 'card-testing', p, source, () => {}, ahead);
    await host.analysed();
    expect(host.analysis.stopped).toMatch(
      new RegExp(`^the analysis failed: Reading recording ${id} failed: .*no such table: events`),
    );
    expect(host.analysis.done).toBe(true);
  }, 60_000);

  it('a reading thread that dies fails the analysis instead of leaving it waiting', async () => {
    const p = pattern('card-testing');
    const source = new SqliteEventSource(db, id);
    // Sends an empty first batch (the analysis then waits for the thread) and dies once it is taken.
    let worker: Worker | null = null;
    const ahead = new ReadAheadSource(source, dbPath, p.fieldsRead!, {
      spawn: () =>
        (worker = new Worker(
          `const { parentPort } = require('node:worker_threads');
           const none = (T) => new T(0);
           parentPort.postMessage({ type: 'batch', batch: { from: 0, to: 0, seq: none(Float64Array),
             ts: none(Float64Array), key: none(Int32Array), shape: none(Int32Array), tags: none(Uint8Array),
             values: none(Float64Array), strings: [], shapes: [], texts: [] } });
           parentPort.on('message', () => process.exit(3));`,
          { eval: true },
        )),
    });
    await once(worker!, 'message');
    expect(ahead.started).toBe(true);
    const host = new SessionHost('s', id, 'card-testing', p, source, () => {}, ahead);
    await host.analysed();
    expect(host.analysis.stopped).toMatch(
      /Reading recording \d+ failed: the reading thread stopped \(exit code 3\)/,
    );
  }, 60_000);
});
