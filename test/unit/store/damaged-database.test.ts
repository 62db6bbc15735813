/**
 * Damaged, busy, newer and unwritable databases, on real SQLite files: each is refused (or waited
 * for) with the file's path and what to do, and nothing is written into a file we refuse.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import {
  closeSync,
  copyFileSync,
  existsSync,
  openSync,
  readFileSync,
  statSync,
  truncateSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { createServer, type Server } from 'node:net';
import path from 'node:path';
import { CepError } from '../../../electron/contract';
import { createBackend, DATABASE_FILE, LATEST_SCHEMA_VERSION } from '../../../electron/services';
import { createDatabaseGuard } from '../../../electron/services/db/database-guard';
import { explainDatabaseError } from '../../../electron/services/db/database-errors';
import { startWebHost } from '../../../electron/web';
import { sampleDocument } from './sample-document';
import { makeTempDir } from './temp-dir';
import { holdWriteLock, released } from './write-lock-holder';

async function rejection(work: () => unknown): Promise<CepError> {
  try {
    await work();
  } catch (error) {
    return CepError.from(error);
  }
  throw new Error('expected a rejection');
}

/** A library with a few patterns (so the file has several pages), closed cleanly. */
async function writeLibrary(dir: string): Promise<string> {
  const backend = createBackend({ dataDir: dir, appVersion: 'test' });
  for (let i = 0; i < 40; i++)
    await backend.patterns.create({ name: `p${i}`, document: sampleDocument(`a > ${i}`) });
  backend.close();
  return path.join(dir, DATABASE_FILE);
}

function overwrite(file: string, offset: number, bytes: Buffer): void {
  const fd = openSync(file, 'r+');
  writeSync(fd, bytes, 0, bytes.length, offset);
  closeSync(fd);
}

const open = (dir: string) => () => createBackend({ dataDir: dir, appVersion: 'test' }).close();

describe('damaged databases are refused at open, untouched', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = makeTempDir()));
  afterEach(() => cleanup());

  it('a torn page: quick_check finds it; the message names the file and the way out', async () => {
    const file = await writeLibrary(dir);
    overwrite(file, 4096 * 3, Buffer.alloc(4096, 0x5a));
    const before = readFileSync(file);
    const error = await rejection(open(dir));
    expect(error.code).toBe('database-damaged');
    expect(error.message).toContain(`${file} is damaged (quick_check found:`);
    expect(error.message).toContain('Restore it from a backup');
    expect(error.message).toContain('move the file');
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('a truncated file is refused before SQLite opens it', async () => {
    const file = await writeLibrary(dir);
    const size = statSync(file).size;
    truncateSync(file, 4096 * 2 + 100);
    const error = await rejection(open(dir));
    expect(error.code).toBe('database-damaged');
    expect(error.message).toContain(`it is truncated: 8292 bytes of the ${size} its header announces`);
    expect(statSync(file).size).toBe(4096 * 2 + 100);
    expect(existsSync(`${file}-wal`)).toBe(false);
  });

  it('a broken schema is refused', async () => {
    const file = await writeLibrary(dir);
    // Garble the stored CREATE statement of one table, in place (same length).
    const bytes = readFileSync(file);
    const at = bytes.indexOf('CREATE TABLE patterns');
    expect(at).toBeGreaterThan(0);
    overwrite(file, at, Buffer.from('CREATE TABLE patterns((((('));
    const before = readFileSync(file);
    const error = await rejection(open(dir));
    expect(error.code).toBe('database-damaged');
    expect(error.message).toMatch(/malformed database schema/);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('a newer schema held only in the WAL is refused without checkpointing the WAL', () => {
    // Another Cepheus (newer) wrote user_version into its WAL and was killed before a checkpoint.
    const live = makeTempDir();
    try {
      createBackend({ dataDir: live.dir, appVersion: 'test' }).close();
      const liveFile = path.join(live.dir, DATABASE_FILE);
      const writer = new Database(liveFile);
      writer.pragma('wal_autocheckpoint = 0');
      writer.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
      const file = path.join(dir, DATABASE_FILE);
      copyFileSync(liveFile, file);
      copyFileSync(`${liveFile}-wal`, `${file}-wal`);
      writer.close();
    } finally {
      live.cleanup();
    }
    const file = path.join(dir, DATABASE_FILE);
    const main = readFileSync(file);
    const wal = readFileSync(`${file}-wal`);
    expect(wal.length).toBeGreaterThan(0);
    return rejection(open(dir)).then((error) => {
      expect(error.code).toBe('database-too-new');
      expect(readFileSync(file).equals(main)).toBe(true);
      expect(readFileSync(`${file}-wal`).equals(wal)).toBe(true);
    });
  });

  it('a 0-byte file is a new library: the samples are seeded', async () => {
    writeFileSync(path.join(dir, DATABASE_FILE), '');
    const backend = createBackend({ dataDir: dir, appVersion: 'test', seedSamplesOnFirstRun: true });
    try {
      expect((await backend.app.info()).welcome?.slug).toBe('card-testing');
    } finally {
      backend.close();
    }
  });

  it('a read-only data folder says so', async (context) => {
    const readOnly = path.join(dir, 'locked');
    spawnSync('mkdir', [readOnly]);
    // root ignores permissions; the immutable attribute binds root too.
    const locked =
      process.getuid?.() === 0
        ? spawnSync('chattr', ['+i', readOnly]).status === 0
        : spawnSync('chmod', ['0555', readOnly]).status === 0;
    if (!locked) context.skip();
    try {
      const error = await rejection(() => createBackend({ dataDir: readOnly, appVersion: 'test' }).close());
      expect(error.code).toBe('storage-unavailable');
      expect(error.message).toContain(`Cepheus cannot write to ${readOnly}`);
      expect(error.message).toContain('read-only');
    } finally {
      spawnSync(process.getuid?.() === 0 ? 'chattr' : 'chmod', [
        process.getuid?.() === 0 ? '-i' : '0755',
        readOnly,
      ]);
    }
  });

  it('a web host that cannot listen leaves no database behind', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      await expect(startWebHost({ port, dataDir: dir, build: 'never', seedSamples: true })).rejects.toThrow(
        /EADDRINUSE/,
      );
      expect(existsSync(path.join(dir, DATABASE_FILE))).toBe(false);
    } finally {
      blocker.close();
    }
  });
});

describe('a busy database', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = makeTempDir()));
  afterEach(() => cleanup());

  it('a save waits while another process writes, then lands: nothing is lost', async () => {
    const backend = createBackend({ dataDir: dir, appVersion: 'test' });
    try {
      const created = await backend.patterns.create({ name: 'p', document: sampleDocument('a > 1') });
      const holder = await holdWriteLock(path.join(dir, DATABASE_FILE), 2500);
      const saved = await backend.patterns.save({ id: created.id, document: sampleDocument('a > 2') });
      expect(saved.pattern.latestVersion).toBe(2);
      await released(holder);
      expect((await backend.patterns.versions({ id: created.id })).map((v) => v.version)).toEqual([2, 1]);
    } finally {
      backend.close();
    }
  }, 60_000);

  it('past the deadline the call fails as database-busy (503), not as internal', async () => {
    const file = path.join(dir, DATABASE_FILE);
    createBackend({ dataDir: dir, appVersion: 'test' }).close();
    const db = new Database(file);
    db.pragma('busy_timeout = 50');
    const guard = createDatabaseGuard({ file, busyDeadlineMs: 300, retryPauseMs: 50 });
    const holder = await holdWriteLock(file, 4000);
    try {
      const writes = guard.wrap({ write: () => Promise.resolve(db.exec('BEGIN IMMEDIATE; COMMIT')) });
      const error = await rejection(() => writes.write());
      expect(error.code).toBe('database-busy');
      expect(error.message).toContain(`The database is busy: another program`);
      expect(error.message).toContain(`kept ${file} locked`);
      expect(error.message).toContain('Nothing was changed');
    } finally {
      holder.kill();
      db.close();
    }
  }, 30_000);
});

describe('failures met while running', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = makeTempDir()));
  afterEach(() => cleanup());

  it('corruption found by a query refuses that call and every later one', async () => {
    const file = await writeLibrary(dir);
    overwrite(file, 4096, Buffer.alloc(4096 * 8, 0x5a));
    const db = new Database(file, { readonly: true });
    const guard = createDatabaseGuard({ file });
    let writes = 0;
    const api = guard.wrap({
      read: () => Promise.resolve(db.prepare('SELECT sum(length(document)) FROM pattern_versions').get()),
      write: () => Promise.resolve(writes++),
    });
    try {
      const first = await rejection(() => api.read());
      expect(first.code).toBe('database-damaged');
      expect(first.message).toContain(`${file} is damaged (SQLite says: database disk image is malformed)`);
      expect((await rejection(() => api.write())).code).toBe('database-damaged');
      expect(writes).toBe(0);
    } finally {
      db.close();
    }
  });

  it('a full disk is a plain storage message', () => {
    const db = new Database(':memory:');
    db.exec('CREATE TABLE t (x)');
    db.pragma('max_page_count = 2');
    let failure: unknown = null;
    try {
      db.prepare('INSERT INTO t VALUES (?)').run('x'.repeat(100_000));
    } catch (error) {
      failure = error;
    }
    db.close();
    const explained = CepError.from(explainDatabaseError(failure, '/data/cepheus.db'));
    expect(explained.code).toBe('storage-unavailable');
    expect(explained.message).toContain('The disk holding /data/cepheus.db is full');
  });
});
