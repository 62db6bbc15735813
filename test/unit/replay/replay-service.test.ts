import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend, type CepBackend } from '../../../electron/services';

const doc = JSON.parse(readFileSync('samples/patterns/risk/card-testing.cep.json', 'utf8')) as unknown;
let dir: string;
let backend: CepBackend;
let recordingId: number;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'cepheus-replay-'));
  backend = createBackend({ dataDir: dir, appVersion: 'test' });
  const rec = await backend.recordings.import({
    path: backend.grants.issue(path.resolve('samples/recordings/risk-transactions.csv'), 'read').id,
    name: 'risk',
    timestampField: 'ts',
    timestampFormat: 'iso8601',
    keyField: 'cardId',
    onMalformed: 'reject',
  });
  recordingId = rec.id;
}, 60_000);

afterAll(() => {
  backend.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('replay service on a real SQLite recording', () => {
  it('opens, steps, goes back, seeks, runs to the end and exports', async () => {
    const info = await backend.replay.open({ recordingId, document: doc });
    expect(info.events).toBe(2014);
    expect(info.stages.map((s) => s.stage)).toEqual(['probe', 'cashout']);
    const { sessionId } = info;
    const a = await backend.replay.step({ sessionId, direction: 'forward' });
    expect(a.event?.seq).toBe(0);
    const b = await backend.replay.step({ sessionId, direction: 'forward' });
    expect(b.event?.seq).toBe(1);
    const back = await backend.replay.step({ sessionId, direction: 'back' });
    expect(back).toEqual(a);
    const s = await backend.replay.seek({ sessionId, index: 1000 });
    expect(s.event?.seq).toBe(1000);
    const end = await backend.replay.run({ sessionId, until: 'end' });
    expect(end.done).toBe(true);
    expect(end.report.totals.matches).toBe(3);
    const out = path.join(dir, 'results.jsonl');
    const exported = await backend.replay.exportResults({
      sessionId,
      format: 'jsonl',
      path: backend.grants.issue(out, 'write').id,
    });
    const lines = readFileSync(out, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { kind: string });
    expect(lines.filter((l) => l.kind === 'match')).toHaveLength(3);
    expect(exported.results).toBe(lines.length);
    const page = await backend.replay.results({ sessionId, offset: 0, limit: 10, kind: 'match' });
    expect(page.total).toBe(3);
    expect(page.items[0].events.length).toBe(2);
    const csv = path.join(dir, 'results.csv');
    await backend.replay.exportResults({
      sessionId,
      format: 'csv',
      path: backend.grants.issue(csv, 'write').id,
    });
    expect(readFileSync(csv, 'utf8').split('\n')[0]).toBe(
      'result,kind,key,timestamp,time,stage,event,event_timestamp,event_time,fields',
    );
    await backend.replay.close({ sessionId });
    await expect(backend.replay.step({ sessionId, direction: 'forward' })).rejects.toMatchObject({
      code: 'not-found',
    });
  }, 60_000);

  it('rejects an unknown recording', async () => {
    await expect(backend.replay.open({ recordingId: 9999, document: doc })).rejects.toMatchObject({
      code: 'not-found',
    });
  });
});
