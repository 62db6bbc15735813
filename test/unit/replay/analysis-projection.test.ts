import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/services/db/open-database';
import { importRiskSample } from '../recordings/helpers';
import { SqliteEventSource } from '../../../electron/services/replay/sqlite-source';
import {
  prepareReplayPattern,
  ReplayAnalysis,
  ReplaySession,
  type EventSource,
  type ReplayPattern,
} from '../../../engine/debug';
import { loadDocument } from '../../../engine/format/index';

/** The same stored recording, read whole only (no readFields): the analysis as it ran before projection. */
function wholeOnly(source: SqliteEventSource): EventSource {
  return { count: source.count, read: (from, to) => source.read(from, to) };
}

function pattern(rule: string): ReplayPattern {
  const loaded = loadDocument(JSON.parse(readFileSync(`samples/patterns/risk/${rule}.cep.json`, 'utf8')));
  if (!loaded.ok) throw new Error(rule);
  const prepared = prepareReplayPattern(loaded.document);
  if (!prepared.ok) throw new Error(rule);
  return prepared.pattern;
}

/** Everything the analysis answers, and what a session that restores its checkpoints shows. */
function answers(p: ReplayPattern, source: EventSource) {
  const session = new ReplaySession(p, source, { checkpoints: { interval: 97 } });
  const analysis = new ReplayAnalysis(p, source, session.checkpoints);
  while (!analysis.runChunk(1000));
  const seeks = [source.count, 3, Math.floor(source.count / 2), 1200, source.count + 1, 640].map((at) =>
    session.seek(at),
  );
  return {
    results: analysis.results,
    page: analysis.resultsPage(0, 1000),
    timeline: analysis.timeline(500, 500),
    nearMisses: analysis.nearMissList(),
    seeks,
    back: session.stepBack(),
  };
}

describe('the analysis reading only the fields its pattern reads', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'cepheus-analysis-projection-'));
  const db = openDatabase(path.join(dir, 'rec.sqlite'));
  let id = 0;
  beforeAll(async () => {
    id = await importRiskSample(db);
  });
  afterAll(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each(['card-testing', 'high-frequency', 'large-transaction', 'login-takeover'])(
    '%s: results, timeline, near misses and the session over its checkpoints as with whole events',
    (rule) => {
      const p = pattern(rule);
      expect(p.fieldsRead).not.toBeNull();
      expect(p.fieldsRead!.length).toBeLessThan(11);
      const source = new SqliteEventSource(db, id);
      const projected = answers(p, source);
      const whole = answers(p, wholeOnly(new SqliteEventSource(db, id)));
      expect(projected).toEqual(whole);
      expect(projected.results.length + projected.nearMisses.items.length).toBeGreaterThan(0);
      // Events shown (results' events, the session's current event) are whole.
      const shown = [
        ...projected.page.items.flatMap((it) => it.events.flatMap((s) => s.events)),
        ...projected.seeks.flatMap((r) => (r.event ? [r.event] : [])),
      ];
      expect(shown.length).toBeGreaterThan(0);
      for (const e of shown) expect(Object.keys(e.payload)).toHaveLength(11);
    },
  );

  it('card-testing reads the four fields of its conditions, key and time', () => {
    expect([...(pattern('card-testing').fieldsRead ?? [])].sort()).toEqual([
      'amount',
      'cardId',
      'ts',
      'type',
    ]);
  });
});
