/**
 * The tests group of the back end (real SQLite, real worker threads): a pattern's tests over a
 * stored recording found by name, a failure with the step and why-not, cached results, progress,
 * cancel, a missing recording, and the behavioural diff of two versions with the events it bound.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CepError, type CepEvents } from '../../../electron/contract';
import { createBackend, type CepBackend } from '../../../electron/services';
import type { PatternDocument } from '../../../engine/format';

const root = join(import.meta.dirname, '..', '..', '..');
const sample = (): PatternDocument =>
  JSON.parse(
    readFileSync(join(root, 'samples/patterns/risk/card-testing.cep.json'), 'utf8'),
  ) as PatternDocument;

function withCashoutOver(doc: PatternDocument, amount: number): PatternDocument {
  const copy = structuredClone(doc);
  for (const n of copy.nodes)
    if (n.kind === 'stage' && n.name === 'cashout') n.where = `type == 'transfer' && amount > ${amount}`;
  return copy;
}

describe('tests service', () => {
  let dir: string;
  let api: CepBackend;
  let recordingId: number;
  const progress: CepEvents['tests.progress'][] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cepheus-tests-service-'));
    api = createBackend({ dataDir: dir, appVersion: 'test' });
    api.on('tests.progress', (p) => progress.push(p));
    const r = await api.recordings.import({
      path: api.grants.issue(join(root, 'samples/recordings/risk-transactions.csv'), 'read').id,
      name: 'Sample: risk-transactions.csv',
      timestampField: 'ts',
      timestampFormat: 'iso8601',
      keyField: 'cardId',
      onMalformed: 'reject',
    });
    recordingId = r.id;
  });
  afterAll(() => {
    api.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs the sample tests over the stored recording it finds by file name', async () => {
    const out = await api.tests.run({ runId: 'r1', document: sample() });
    expect(out.cancelled).toBe(false);
    expect(out.recordings).toEqual({ '../../recordings/risk-transactions.csv': recordingId });
    expect(out.results.map((r) => r.status)).toEqual(sample().tests.map(() => 'passed'));
    expect(progress.some((p) => p.runId === 'r1' && p.phase === 'tests')).toBe(true);
  });

  it('a raised threshold fails the case it no longer catches, with the step and the why-not verdict', async () => {
    const out = await api.tests.run({ runId: 'r2', document: withCashoutOver(sample(), 20_000) });
    const failed = out.results.filter((r) => r.status === 'failed');
    expect(failed.map((r) => r.name)).toEqual([
      'catches: tiny transfer then a large one within 10 minutes (card-00310)',
      'exactly 3 matches over the whole recording',
    ]);
    const d = failed[0].expectations[0].divergence;
    expect(d?.stage).toBe('cashout');
    expect(d?.verdict?.reason).toBe('condition-false');
    expect(d?.position).toBeGreaterThan(d?.seq ?? Infinity);
  });

  it('answers unchanged cases from the cache, under their current names', async () => {
    const doc = sample();
    doc.tests[0].name = 'renamed: still the same case';
    const out = await api.tests.run({ runId: 'r3', document: doc, caseIds: [doc.tests[0].id] });
    expect(out.results).toHaveLength(1);
    expect(out.results[0]).toMatchObject({ name: 'renamed: still the same case', status: 'passed' });
    // Served without running: no progress for this run.
    expect(progress.some((p) => p.runId === 'r3')).toBe(false);
  });

  it('a case whose recording is not in the library is an error that says so', async () => {
    const doc = sample();
    doc.tests = [{ ...doc.tests[0], source: { kind: 'recording', recording: 'elsewhere.csv' } }];
    const out = await api.tests.run({ runId: 'r4', document: doc });
    expect(out.recordings).toEqual({ 'elsewhere.csv': null });
    expect(out.results[0].status).toBe('error');
    expect(out.results[0].message).toContain('No recording "elsewhere.csv" in the library');
  });

  it('refuses an invalid document and a run id already in use', async () => {
    const bad = await api.tests
      .run({ runId: 'r5', document: { format: 'cepheus.pattern' } })
      .catch((e: unknown) => e);
    expect(CepError.from(bad).code).toBe('invalid-document');
    const first = api.tests.run({ runId: 'same', document: withCashoutOver(sample(), 15_000) });
    const second = await api.tests.run({ runId: 'same', document: sample() }).catch((e: unknown) => e);
    expect(CepError.from(second).code).toBe('invalid-arguments');
    await first;
    expect(await api.tests.cancel({ runId: 'nothing-running' })).toBe(false);
  });

  it('a cancelled run says so', async () => {
    const run = api.tests.run({ runId: 'c1', document: withCashoutOver(sample(), 12_345) });
    expect(await api.tests.cancel({ runId: 'c1' })).toBe(true);
    const out = await run;
    expect(out.cancelled).toBe(true);
  });

  it('diffs two versions over the recording: gained and lost, with their events and the step', async () => {
    const created = await api.patterns.create({ name: 'Card testing', document: sample() });
    const v2 = withCashoutOver(sample(), 20_000);
    v2.settings.within = { ms: 960_000, type: 'FIRST_AND_LAST' };
    await api.patterns.save({ id: created.id, document: v2 });
    const out = await api.tests.diff({
      runId: 'd1',
      recordingId,
      before: { patternId: created.id, version: 1 },
      after: { patternId: created.id },
    });
    expect(out.beforeLabel).toBe('version 1');
    expect(out.afterLabel).toBe('last saved (version 2)');
    expect(out.summary.text).toBe('+1 match, −1 match, +1 timeout, −1 timeout');
    const lost = out.items.find((i) => i.change === 'lost' && i.kind === 'match');
    expect(lost?.key).toBe('card-00310');
    expect(lost?.before?.events.map((s) => [s.stage, s.events.map((e) => e.payload.id)])).toEqual([
      ['probe', ['tx-000674']],
      ['cashout', ['tx-000685']],
    ]);
    const gained = out.items.find((i) => i.change === 'gained' && i.kind === 'match');
    expect(gained?.after?.events[1].events[0].payload.id).toBe('tx-000942');
    expect(gained?.position).toBeGreaterThan(gained?.after?.events[1].events[0].seq ?? Infinity);
    expect(progress.some((p) => p.runId === 'd1' && p.phase === 'diff')).toBe(true);

    const canvas = await api.tests.diff({
      runId: 'd2',
      recordingId,
      before: { patternId: created.id },
      after: { document: v2, label: 'the canvas' },
    });
    expect(canvas.summary.text).toBe('no change');
    const missing = await api.tests
      .diff({ runId: 'd3', recordingId: 999, before: { document: v2 }, after: { document: v2 } })
      .catch((e: unknown) => e);
    expect(CepError.from(missing).code).toBe('not-found');
  });
});
