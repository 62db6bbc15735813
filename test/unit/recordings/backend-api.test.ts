import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CepError, methodArgs, type CepEvents } from '../../../electron/contract';
import { createBackend, type CepBackend } from '../../../electron/services';
import { fixture, jsonlText, writeFile } from './helpers';

async function rejection(promise: Promise<unknown>): Promise<CepError> {
  try {
    await promise;
  } catch (error) {
    return CepError.from(error);
  }
  throw new Error('expected a rejection');
}

describe('recordings.* through createBackend', () => {
  let dir: string;
  let backend: CepBackend;
  /** A file the user chose (as a dialog or an upload would record it). */
  const read = (file: string): string => backend.grants.issue(file, 'read').id;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'cepheus-rec-api-'));
    backend = createBackend({ dataDir: dir, appVersion: '0.0.0' });
  });
  afterEach(() => {
    backend.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('inspects, imports with progress pushes, lists, pages, renames and deletes', async () => {
    const changes: CepEvents['recordings.changed'][] = [];
    const progress: CepEvents['recordings.importProgress'][] = [];
    backend.on('recordings.changed', (c) => changes.push(c));
    backend.on('recordings.importProgress', (p) => progress.push(p));

    const proposal = await backend.recordings.inspect({ path: read(fixture('clicks.jsonl')) });
    const recording = await backend.recordings.import({
      path: proposal.path,
      name: 'clicks',
      timestampField: proposal.suggestedTimestampField!,
      timestampFormat: proposal.timestampFormat!,
      keyField: proposal.suggestedKeyField!,
      onMalformed: 'reject',
      importId: 'imp-1',
    });
    expect(recording).toMatchObject({ name: 'clicks', rowCount: 5, keyField: 'userId', keyCount: 3 });
    expect(progress.at(-1)).toEqual({
      importId: 'imp-1',
      bytesRead: 519,
      totalBytes: 519,
      rows: 5,
      malformed: 0,
    });
    expect(changes).toEqual([{ id: recording.id, kind: 'imported' }]);

    expect((await backend.recordings.list()).map((r) => r.id)).toEqual([recording.id]);
    const page = await backend.recordings.readEvents({
      id: recording.id,
      offset: 0,
      limit: 2,
      filter: { equals: [{ field: 'page', value: '/cart' }] },
    });
    expect(page.total).toBe(2);
    expect(page.events.map((e) => e.key)).toEqual(['u2', 'u1']);

    expect(await backend.recordings.rename({ id: recording.id, name: 'Clicks' })).toMatchObject({
      name: 'Clicks',
    });
    await backend.recordings.delete({ id: recording.id });
    expect(changes.slice(1)).toEqual([
      { id: recording.id, kind: 'renamed' },
      { id: recording.id, kind: 'deleted' },
    ]);
    expect((await rejection(backend.recordings.get({ id: recording.id }))).code).toBe('not-found');
  });

  it('reports malformed rows as import-failed issues with their lines', async () => {
    const error = await rejection(
      backend.recordings.import({
        path: read(fixture('malformed.csv')),
        name: 'm',
        timestampField: 'ts',
        timestampFormat: 'epochMillis',
        onMalformed: 'reject',
      }),
    );
    expect(error.code).toBe('import-failed');
    expect(error.issues?.map((i) => i.path)).toEqual([
      ['line', 3],
      ['line', 4],
      ['line', 5],
      ['line', 6],
    ]);
    const broken = await rejection(
      backend.recordings.inspect({ path: read(path.join(dir, 'missing.json')) }),
    );
    expect(broken.code).toBe('import-failed');
    expect(broken.message).toContain('missing.json');
  });

  it('inspecting a damaged .gz says what importing it says (file name, no 500)', async () => {
    const gz = fixture('truncated.jsonl.gz');
    const inspected = await rejection(backend.recordings.inspect({ path: read(gz) }));
    const imported = await rejection(
      backend.recordings.import({
        path: read(gz),
        name: 'x',
        timestampField: 'ts',
        timestampFormat: 'iso8601',
        onMalformed: 'skip',
      }),
    );
    expect(inspected.code).toBe('import-failed');
    expect(inspected.message).toBe(imported.message);
    expect(inspected.message).toContain(`${gz}: the gzip data is damaged`);
  });

  it('cancels a running import by its id', { timeout: 120_000 }, async () => {
    const file = writeFile(dir, 'big.jsonl', jsonlText(300_000));
    const cancelled: Promise<boolean>[] = [];
    backend.on('recordings.importProgress', (p) => {
      if (p.rows > 0 && cancelled.length === 0)
        cancelled.push(backend.recordings.cancelImport({ importId: p.importId }));
    });
    const error = await rejection(
      backend.recordings.import({
        path: read(file),
        name: 'big',
        timestampField: 'ts',
        timestampFormat: 'epochMillis',
        onMalformed: 'reject',
        importId: 'big-1',
      }),
    );
    expect(error.code).toBe('cancelled');
    expect(await Promise.all(cancelled)).toEqual([true]);
    expect(await backend.recordings.cancelImport({ importId: 'big-1' })).toBe(false);
    expect(await backend.recordings.list()).toEqual([]);
  });

  it('validates arguments with the contract schemas', () => {
    expect(methodArgs['recordings.readEvents'].safeParse({ id: 1, offset: 0, limit: 20_000 }).success).toBe(
      false,
    );
    expect(
      methodArgs['recordings.import'].safeParse({
        path: 'x',
        name: 'n',
        timestampField: 'ts',
        timestampFormat: 'unix',
        onMalformed: 'skip',
      }).success,
    ).toBe(false);
    expect(methodArgs['recordings.get'].safeParse({ id: 0 }).success).toBe(false);
    expect(
      methodArgs['recordings.readEvents'].safeParse({
        id: 1,
        offset: 0,
        limit: 10,
        filter: { equals: [{ field: 'a', value: null }], fromTs: 5 },
      }).success,
    ).toBe(true);
  });
});
