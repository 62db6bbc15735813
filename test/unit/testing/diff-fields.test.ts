/**
 * The diff job feeds its matchers only the fields both versions read (diff-job.ts): over the
 * risk sample in real SQLite, the diff is the same as over whole events, for each risk rule
 * against a copy whose numbers are lowered tenfold.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqliteEventSource } from '../../../electron/services/replay/sqlite-source';
import { diffFeeder, fieldsOfBoth, preparedVersion } from '../../../electron/services/testing/diff-job';
import { BehaviourDiff } from '../../../engine/testing';
import { importRiskSample, tempDb, type TempDb } from '../recordings/helpers';

const RULES = ['card-testing', 'high-frequency', 'large-transaction', 'login-takeover'];

function document(rule: string): { nodes: { kind: string; where?: string }[] } {
  return JSON.parse(readFileSync(path.resolve(`samples/patterns/risk/${rule}.cep.json`), 'utf8')) as {
    nodes: { kind: string; where?: string }[];
  };
}

/** The same rule with every number of 100 or more in its conditions divided by ten. */
function lowered(doc: { nodes: { kind: string; where?: string }[] }): unknown {
  return {
    ...doc,
    nodes: doc.nodes.map((n) =>
      n.kind === 'stage' && typeof n.where === 'string'
        ? { ...n, where: n.where.replace(/\b(\d{2,})(\d)\b/g, '$1') }
        : n,
    ),
  };
}

describe('the diff job reads only the fields both versions read', () => {
  let t: TempDb;
  let recordingId: number;
  beforeAll(async () => {
    t = tempDb();
    recordingId = await importRiskSample(t.db);
  });
  afterAll(() => t.cleanup());

  it.each(RULES)('%s: the same diff as over whole events', (rule) => {
    const doc = document(rule);
    const run = (projected: boolean): unknown => {
      const before = preparedVersion(doc, 'old');
      const after = preparedVersion(lowered(doc), 'new');
      const fields = projected ? fieldsOfBoth(before, after) : null;
      if (projected) expect(fields?.length).toBeLessThan(11);
      const diff = new BehaviourDiff(before, after);
      const feed = diffFeeder(diff, new SqliteEventSource(t.db, recordingId), fields);
      while (!feed());
      return diff.finish();
    };
    const whole = run(false);
    expect(run(true)).toEqual(whole);
  });
});
