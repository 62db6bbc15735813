/**
 * The gallery and the first start: a fresh data folder gets every sample pattern and recording, and
 * app.info names the card-testing example to open; a second start seeds nothing again.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackend, type CepBackend } from '../../../electron/services';
import { sampleCatalog } from '../../../samples/generator/patterns';

const root = join(import.meta.dirname, '..', '..', '..');
const dirs: string[] = [];
const backends: CepBackend[] = [];

function backend(dataDir: string, seed: boolean): CepBackend {
  const b = createBackend({ dataDir, appVersion: 'test', seedSamplesOnFirstRun: seed });
  backends.push(b);
  return b;
}

function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'cepheus-samples-'));
  dirs.push(d);
  return d;
}

afterEach(() => {
  for (const b of backends.splice(0)) b.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('samples', () => {
  it('samples/catalog.json is what the generator writes', () => {
    expect(JSON.parse(readFileSync(join(root, 'samples/catalog.json'), 'utf8'))).toEqual(sampleCatalog());
  });

  it('seeds a fresh data folder and opens on the card-testing example with its recording', async () => {
    const dir = tempDir();
    const api = backend(dir, true);
    const info = await api.app.info();
    expect(info.welcome?.slug).toBe('card-testing');
    const patterns = await api.patterns.list();
    expect(patterns.map((p) => p.name).sort()).toEqual(
      sampleCatalog()
        .map((s) => s.name)
        .sort(),
    );
    const welcome = await api.patterns.get({ id: info.welcome!.patternId });
    expect(welcome.name).toBe('Card testing');
    const recording = await api.recordings.get({ id: info.welcome!.recordingId });
    expect(recording.name).toBe('Sample: risk-transactions.csv');
    expect(recording.rowCount).toBe(2014);
    // Four recording files serve the nine samples: each is imported once.
    expect((await api.recordings.list()).length).toBe(4);
    api.close();
    backends.pop();

    const again = backend(dir, true);
    expect((await again.app.info()).welcome).toBeNull();
    expect((await again.patterns.list()).length).toBe(patterns.length);
  });

  it('does not seed unless asked (tests and scripted hosts start empty)', async () => {
    const api = backend(tempDir(), false);
    expect((await api.app.info()).welcome).toBeNull();
    expect(await api.patterns.list()).toEqual([]);
  });

  it('opens a sample from the gallery, reusing its recording, and refuses unknown slugs', async () => {
    const api = backend(tempDir(), false);
    const listed = await api.samples.list();
    expect(listed.map((s) => s.slug)).toContain('heartbeat-missing');
    const first = await api.samples.open({ slug: 'cpu-sustained' });
    const second = await api.samples.open({ slug: 'error-rate-rising' });
    expect(second.recording.id).toBe(first.recording.id);
    expect(first.pattern.id).not.toBe(second.pattern.id);
    await expect(api.samples.open({ slug: 'no-such-sample' })).rejects.toMatchObject({ code: 'not-found' });
  });
});
