import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { CepError, type CepEvents } from '../../../electron/contract';
import {
  createBackend,
  DATABASE_FILE,
  LATEST_SCHEMA_VERSION,
  type CepBackend,
} from '../../../electron/services';
import { CURRENT_VERSION } from '../../../engine/format';
import { sampleDocument } from './sample-document';
import { makeTempDir } from './temp-dir';

const doc = sampleDocument;

async function rejection(promise: Promise<unknown>): Promise<CepError> {
  try {
    await promise;
  } catch (error) {
    return CepError.from(error);
  }
  throw new Error('expected the call to reject');
}

describe('patterns store (real SQLite file)', () => {
  let dir: string;
  let cleanup: () => void;
  let backend: CepBackend;
  let t: number;

  beforeEach(() => {
    ({ dir, cleanup } = makeTempDir());
    t = Date.UTC(2025, 0, 1);
    backend = createBackend({ dataDir: dir, appVersion: '9.9.9', clock: () => (t += 1000) });
  });
  afterEach(() => {
    backend.close();
    cleanup();
  });

  it('creates cepheus.db in the data dir and reports it in app.info', async () => {
    const info = await backend.app.info();
    expect(info).toMatchObject({
      version: '9.9.9',
      dataDir: dir,
      databasePath: path.join(dir, DATABASE_FILE),
      schemaVersion: LATEST_SCHEMA_VERSION,
    });
    expect(existsSync(path.join(dir, DATABASE_FILE))).toBe(true);
  });

  it('creates, lists, gets, renames and deletes', async () => {
    const a = await backend.patterns.create({ name: 'Alpha', document: doc('price > 1') });
    const b = await backend.patterns.create({ name: 'Beta', document: doc('price > 2') });
    expect(a.latestVersion).toBe(1);
    expect(a.document).toEqual(doc('price > 1'));
    expect((await backend.patterns.list()).map((p) => p.name)).toEqual(['Beta', 'Alpha']);

    const renamed = await backend.patterns.rename({ id: a.id, name: 'Alpha 2' });
    expect(renamed.name).toBe('Alpha 2');
    expect((await backend.patterns.list()).map((p) => p.name)).toEqual(['Alpha 2', 'Beta']);
    expect((await backend.patterns.get({ id: a.id })).name).toBe('Alpha 2');

    await backend.patterns.delete({ id: b.id });
    expect((await backend.patterns.list()).map((p) => p.id)).toEqual([a.id]);
    expect((await rejection(backend.patterns.get({ id: b.id }))).code).toBe('not-found');
    expect((await rejection(backend.patterns.delete({ id: b.id }))).code).toBe('not-found');
  });

  it('records a version only when the semantic content changes', async () => {
    const p = await backend.patterns.create({ name: 'P', document: doc('a > 1') });
    const moved = await backend.patterns.save({ id: p.id, document: doc('a > 1', 50) });
    expect(moved.versionCreated).toBe(false);
    expect(moved.pattern.latestVersion).toBe(1);
    expect(moved.pattern.document).toEqual(doc('a > 1', 50)); // the layout edit persists

    const changed = await backend.patterns.save({ id: p.id, document: doc('a > 2', 50), message: 'tighter' });
    expect(changed.versionCreated).toBe(true);
    expect(changed.pattern.latestVersion).toBe(2);

    const versions = await backend.patterns.versions({ id: p.id });
    expect(versions.map((v) => [v.version, v.message])).toEqual([
      [2, 'tighter'],
      [1, null],
    ]);
    expect(versions[0]?.semanticHash).not.toBe(versions[1]?.semanticHash);
    expect((await backend.patterns.getVersion({ id: p.id, version: 1 })).document).toEqual(doc('a > 1'));
  });

  it('autosave keeps the working copy only; an explicit save makes a version, also for a new name or description', async () => {
    const p = await backend.patterns.create({ name: 'P', document: doc('a > 1') });
    const auto = await backend.patterns.save({ id: p.id, document: doc('a > 2'), createVersion: false });
    expect(auto).toMatchObject({
      versionCreated: false,
      pattern: { latestVersion: 1, document: doc('a > 2') },
    });
    // The explicit save compares with the newest version, not with the working copy autosave wrote.
    const explicit = await backend.patterns.save({ id: p.id, document: doc('a > 2'), message: 'stricter' });
    expect(explicit).toMatchObject({ versionCreated: true, pattern: { latestVersion: 2 } });
    expect((await backend.patterns.save({ id: p.id, document: doc('a > 2') })).versionCreated).toBe(false);
    const described = await backend.patterns.save({
      id: p.id,
      document: { ...doc('a > 2'), description: 'Now explained' },
    });
    expect(described.versionCreated).toBe(true);
    const versions = await backend.patterns.versions({ id: p.id });
    expect(versions.map((v) => [v.version, v.message, v.summary])).toEqual([
      [3, null, 'Description'],
      [2, 'stricter', expect.stringMatching(/^Condition of "/) as string],
      [1, null, null],
    ]);
  });

  it('labels a version, and removes the label with empty text', async () => {
    const p = await backend.patterns.create({ name: 'P', document: doc('a > 1') });
    expect(
      await backend.patterns.labelVersion({ id: p.id, version: 1, message: '  first cut ' }),
    ).toMatchObject({
      version: 1,
      message: 'first cut',
    });
    expect((await backend.patterns.versions({ id: p.id }))[0]?.message).toBe('first cut');
    await backend.patterns.labelVersion({ id: p.id, version: 1, message: '' });
    expect((await backend.patterns.versions({ id: p.id }))[0]?.message).toBeNull();
    expect(
      (await rejection(backend.patterns.labelVersion({ id: p.id, version: 9, message: 'x' }))).code,
    ).toBe('not-found');
  });

  it('restores an old version as a new version, keeping history', async () => {
    const p = await backend.patterns.create({ name: 'P', document: doc('a > 1') });
    await backend.patterns.save({ id: p.id, document: doc('a > 2') });
    const restored = await backend.patterns.restoreVersion({ id: p.id, version: 1 });
    expect(restored).toMatchObject({
      versionCreated: true,
      pattern: { latestVersion: 3, document: doc('a > 1') },
    });
    const versions = await backend.patterns.versions({ id: p.id });
    expect(versions.map((v) => v.message)).toEqual(['Restored version 1', null, null]);
    expect((await rejection(backend.patterns.restoreVersion({ id: p.id, version: 7 }))).code).toBe(
      'not-found',
    );
  });

  it('duplicates with a default name and its own history', async () => {
    const p = await backend.patterns.create({ name: 'P', document: doc('a > 1') });
    await backend.patterns.save({ id: p.id, document: doc('a > 2') });
    const copy = await backend.patterns.duplicate({ id: p.id });
    expect(copy).toMatchObject({ name: 'P copy', latestVersion: 1, document: doc('a > 2') });
    expect(copy.id).not.toBe(p.id);
    const named = await backend.patterns.duplicate({ id: p.id, name: 'Q' });
    expect(named.name).toBe('Q');
  });

  it('deleting a pattern removes its versions (foreign keys are on)', async () => {
    const p = await backend.patterns.create({ name: 'P', document: doc('a > 1') });
    await backend.patterns.save({ id: p.id, document: doc('a > 2') });
    await backend.patterns.delete({ id: p.id });
    expect((await rejection(backend.patterns.versions({ id: p.id }))).code).toBe('not-found');
  });

  it('rejects an invalid document with the format diagnostics, storing nothing', async () => {
    const notObject = await rejection(backend.patterns.create({ name: 'P', document: [1, 2] }));
    expect(notObject.code).toBe('invalid-document');
    const { settings: _settings, ...noSettings } = doc('a > 1');
    const missing = await rejection(backend.patterns.create({ name: 'P', document: noSettings }));
    expect(missing.code).toBe('invalid-document');
    expect(
      missing.issues?.some(
        (i) => i.path.join('.').startsWith('document') && /settings/.test(`${i.path.join('.')} ${i.message}`),
      ),
    ).toBe(true);
    expect(await backend.patterns.list()).toEqual([]);
  });

  it('stores an older-format document upgraded to the current format', async () => {
    const q = { kind: 'one', optional: false, greedy: false, inner: 'relaxed' };
    const old = {
      format: 'cepheus.pattern',
      version: 0,
      name: 'Old',
      skipStrategy: 'NO_SKIP',
      nodes: [
        { id: 'a', kind: 'stage', name: 'a', where: 'x > 1', quantifier: q, position: { x: 10, y: 20 } },
      ],
      edges: [],
    };
    const created = await backend.patterns.create({ name: 'Old file', document: old });
    expect(created.document).toMatchObject({
      format: 'cepheus.pattern',
      version: CURRENT_VERSION,
      layout: { nodes: { a: { x: 10, y: 20 } } },
    });
  });

  it('a moved node is not a new version, and autosave never makes one', async () => {
    const p = await backend.patterns.create({ name: 'P', document: doc('a > 1') });
    const moved = await backend.patterns.save({ id: p.id, document: doc('a > 1', 300) });
    expect(moved.versionCreated).toBe(false);
    expect(moved.pattern.semanticHash).toBe(p.semanticHash);
    const autosaved = await backend.patterns.save({
      id: p.id,
      document: { ...doc('a > 1', 300), description: 'notes only' },
      createVersion: false,
    });
    expect(autosaved.versionCreated).toBe(false);
  });

  it('pushes patterns.changed events and stops after unsubscribe', async () => {
    const seen: CepEvents['patterns.changed'][] = [];
    const off = backend.on('patterns.changed', (e) => seen.push(e));
    const p = await backend.patterns.create({ name: 'P', document: doc('a > 1') });
    await backend.patterns.save({ id: p.id, document: doc('a > 2') });
    off();
    await backend.patterns.delete({ id: p.id });
    expect(seen).toEqual([
      { id: p.id, kind: 'created', latestVersion: 1 },
      { id: p.id, kind: 'saved', latestVersion: 2 },
    ]);
  });

  it('keeps data across close and reopen', async () => {
    const p = await backend.patterns.create({ name: 'Kept', document: doc('a > 1') });
    backend.close();
    backend = createBackend({ dataDir: dir, appVersion: '9.9.9' });
    expect((await backend.patterns.get({ id: p.id })).name).toBe('Kept');
  });
});
