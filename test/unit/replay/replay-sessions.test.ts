/**
 * Replay sessions as resources: replay.open answers before the whole-recording analysis (time
 * sliced) has run; sessions are capped (least recently used closed first, with a message);
 * an open that cannot start in time leaves no worker behind; close ends a session mid-analysis.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serializeDocument } from '../../../engine/format';
import { createBackend, type CepBackend } from '../../../electron/services';
import { explosivePattern } from '../../support/explosive-pattern';

let dir: string;
let backend: CepBackend;
let recordingId: number;

/** Costly but within the budget: every step completes and extends many partial matches. */
const costly = JSON.parse(
  serializeDocument(
    explosivePattern()
      .within(12)
      .toDocument({
        name: 'Costly',
        settings: {
          time: {
            mode: 'event',
            field: 'ts',
            format: 'epochMillis',
            outOfOrdernessMs: 0,
            watermarkIntervalMs: 1,
          },
        },
      }),
  ),
) as unknown;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'cepheus-sessions-'));
  backend = createBackend({ dataDir: dir, appVersion: 'test', replayLimits: { maxSessions: 2 } });
  const names = ['a', 'b', 'b', 'c', 'b'];
  let seed = 5;
  const lines: string[] = [];
  for (let i = 0; i < 60_000; i++) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    lines.push(JSON.stringify({ ts: i, name: names[Math.floor((seed / 2147483648) * 5)] }));
  }
  const file = path.join(dir, 'events.jsonl');
  writeFileSync(file, lines.join('\n') + '\n');
  const rec = await backend.recordings.import({
    path: backend.grants.issue(file, 'read').id,
    name: 'events',
    timestampField: 'ts',
    timestampFormat: 'epochMillis',
    onMalformed: 'reject',
  });
  recordingId = rec.id;
}, 120_000);

afterAll(() => {
  backend.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('replay sessions', () => {
  it('open answers before the analysis has run; calls are answered while it runs; close ends it', async () => {
    const info = await backend.replay.open({ recordingId, document: costly });
    const { sessionId } = info;
    const first = await backend.replay.timeline({ sessionId, maxPoints: 10 });
    expect(first.complete).toBe(false);
    const step = await backend.replay.step({ sessionId, direction: 'forward' });
    expect(step.position).toBe(1);
    const during = await backend.replay.timeline({ sessionId, maxPoints: 10 });
    expect(during.complete).toBe(false);
    await backend.replay.close({ sessionId });
    await expect(backend.replay.timeline({ sessionId })).rejects.toMatchObject({ code: 'not-found' });
  }, 60_000);

  it('at most maxSessions are open: the least recently used is closed, and its calls say why', async () => {
    const a = await backend.replay.open({ recordingId, document: costly });
    const b = await backend.replay.open({ recordingId, document: costly });
    await backend.replay.step({ sessionId: a.sessionId, direction: 'forward' });
    const c = await backend.replay.open({ recordingId, document: costly });
    await expect(backend.replay.step({ sessionId: b.sessionId, direction: 'forward' })).rejects.toMatchObject(
      {
        code: 'not-found',
        message: expect.stringMatching(/closed to make room .*at most 2 are open/) as unknown,
      },
    );
    expect((await backend.replay.step({ sessionId: a.sessionId, direction: 'forward' })).position).toBe(2);
    expect((await backend.replay.step({ sessionId: c.sessionId, direction: 'forward' })).position).toBe(1);
    await backend.replay.close({ sessionId: a.sessionId });
    await backend.replay.close({ sessionId: c.sessionId });
  }, 60_000);

  it('an open that does not start in time is given up, and leaves no session behind', async () => {
    const impatient = createBackend({
      dataDir: dir,
      appVersion: 'test',
      replayLimits: { openTimeoutMs: 1 },
    });
    try {
      await expect(impatient.replay.open({ recordingId, document: costly })).rejects.toMatchObject({
        message: expect.stringMatching(/did not start within/) as unknown,
      });
    } finally {
      impatient.close();
    }
  }, 60_000);
});
