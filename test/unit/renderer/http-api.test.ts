/**
 * The renderer's HTTP client against the real web host (in-process, port 0, fresh SQLite file):
 * results, typed errors, the token check and server pushes over SSE.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CepError, type CepApi, type CepEvents } from '../../../electron/contract';
import { createHttpApi } from '../../../renderer/api/http-api';
import { startHost, type RunningHost } from '../../e2e/support/host';
import { sampleDocument } from '../../support/sample-documents';

describe('HTTP api client against the web host', () => {
  let host: RunningHost;
  let api: CepApi;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'cepheus-http-'));
    host = await startHost(dataDir);
    api = createHttpApi({ baseUrl: host.baseUrl, token: host.token });
  });

  afterAll(async () => {
    await host?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('calls methods without arguments and unwraps results', async () => {
    expect(await api.patterns.list()).toEqual([]);
    const info = await api.app.info();
    expect(info.host).toBe('web');
    expect(info.dataDir).toBe(dataDir);
  });

  it('round-trips a pattern and delivers the push to subscribers', async () => {
    const pushes: CepEvents['patterns.changed'][] = [];
    const unsubscribe = api.on('patterns.changed', (p) => pushes.push(p));
    try {
      // The stream must be connected before the change, or the push is (correctly) not replayed.
      await expect
        .poll(async () => {
          const probe = await api.patterns.create({ name: 'probe', document: sampleDocument('probe') });
          await api.patterns.delete({ id: probe.id });
          return pushes.length;
        })
        .toBeGreaterThan(0);
      pushes.length = 0;
      const created = await api.patterns.create({ name: 'Order then refund', document: sampleDocument() });
      expect(created.latestVersion).toBe(1);
      const list = await api.patterns.list();
      expect(list.map((p) => p.name)).toEqual(['Order then refund']);
      await expect.poll(() => pushes).toContainEqual({ id: created.id, kind: 'created', latestVersion: 1 });
      await api.patterns.delete({ id: created.id });
      await expect.poll(() => pushes.map((p) => p.kind)).toContain('deleted');
    } finally {
      unsubscribe();
    }
  });

  it('rejects with typed errors: invalid arguments with issue paths, not-found', async () => {
    const invalid = await api.patterns.rename({ id: 'x', name: '' }).catch((e: unknown) => e);
    expect(invalid).toBeInstanceOf(CepError);
    expect((invalid as CepError).code).toBe('invalid-arguments');
    expect((invalid as CepError).issues?.[0]?.path).toEqual(['name']);
    const missing = await api.patterns.get({ id: 'no-such-pattern' }).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(CepError);
    expect((missing as CepError).code).toBe('not-found');
  });

  it('rejects a wrong token as unauthorized and an unreachable host as a clear internal error', async () => {
    const intruder = createHttpApi({ baseUrl: host.baseUrl, token: 'wrong' });
    await expect(intruder.patterns.list()).rejects.toMatchObject({ code: 'unauthorized' });
    const nowhere = createHttpApi({ baseUrl: 'http://127.0.0.1:9', token: host.token });
    await expect(nowhere.patterns.list()).rejects.toThrow(
      /Cannot reach the Cepheus back end \(patterns.list\)/,
    );
  });
});
