/**
 * Uploaded recordings do not pile up in the temp folder: an upload is deleted once its import
 * succeeds, kept for a retry after a failed one (then deleted), deleted with its host, and what
 * dead hosts left behind is removed when a host starts.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebHost, TOKEN_HEADER, type WebHost } from '../../../electron/web';
import { UploadFolder } from '../../../electron/web/upload-folder';

const work = mkdtempSync(path.join(tmpdir(), 'cepheus-upload-cleanup-'));
const uploadRoot = path.join(work, 'uploads');
let host: WebHost;

beforeAll(async () => {
  const rendererDir = path.join(work, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>t</title>');
  host = await startWebHost({
    port: 0,
    dataDir: path.join(work, 'data'),
    rendererDir,
    build: 'never',
    uploadRoot,
  });
});
afterAll(async () => {
  await host.close();
  rmSync(work, { recursive: true, force: true });
});

async function upload(name: string, text: string): Promise<string> {
  const response = await fetch(`${host.origin}/api/upload?name=${name}`, {
    method: 'POST',
    headers: { [TOKEN_HEADER]: host.token },
    body: text,
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { result: { path: string } }).result.path;
}

async function importFile(file: string, onMalformed: 'reject' | 'skip'): Promise<number> {
  const response = await fetch(`${host.origin}/api/recordings.import`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [TOKEN_HEADER]: host.token },
    body: JSON.stringify({
      path: file,
      name: 'up',
      timestampField: 'ts',
      timestampFormat: 'epochMillis',
      onMalformed,
    }),
  });
  return response.status;
}

/** The pid of a process that has already exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', '']);
  return child.pid ?? 999_999;
}

describe('upload clean-up', () => {
  const where = (grant: string): string => host.backend.grants.resolve(grant, 'read').path;

  it('deletes an upload once its import succeeds (and its grant with it)', async () => {
    const grant = await upload('ok.csv', 'ts,v\n1,a\n2,b\n');
    const file = where(grant);
    expect(path.dirname(file)).toBe(host.uploadDir);
    expect(await importFile(grant, 'reject')).toBe(200);
    expect(existsSync(file)).toBe(false);
    expect(await importFile(grant, 'reject')).toBe(403);
  });

  it('keeps an upload after a failed import for a retry, then deletes it when the retry succeeds', async () => {
    const grant = await upload('bad.csv', 'ts,v\n1,a\nnever,b\n');
    const file = where(grant);
    expect(await importFile(grant, 'reject')).toBe(422);
    expect(existsSync(file)).toBe(true);
    expect(await importFile(grant, 'skip')).toBe(200);
    expect(existsSync(file)).toBe(false);
  });

  it('deletes a failed import upload at once when no retry grace is wanted, and everything on dispose', () => {
    const root = path.join(work, 'no-grace');
    const folder = new UploadFolder(root, 0);
    const failed = path.join(folder.dir, 'a.csv');
    const other = path.join(folder.dir, 'b.csv');
    writeFileSync(failed, 'x');
    writeFileSync(other, 'y');
    folder.importEnded(failed, false);
    expect(readdirSync(folder.dir)).toEqual(['b.csv']);
    // Files elsewhere are never touched.
    const outside = path.join(work, 'outside.csv');
    writeFileSync(outside, 'z');
    folder.importEnded(outside, true);
    expect(existsSync(outside)).toBe(true);
    folder.dispose();
    expect(existsSync(folder.dir)).toBe(false);
  });

  it('removes what dead hosts and old versions left, at start, and nothing of live hosts', () => {
    const root = path.join(work, 'stale');
    const dead = path.join(root, `${deadPid()}-abc123`);
    const live = path.join(root, `${process.pid}-def456`);
    mkdirSync(dead, { recursive: true });
    mkdirSync(live);
    writeFileSync(path.join(dead, 'left.csv'), 'x');
    writeFileSync(path.join(live, 'busy.csv'), 'x');
    const oldLoose = path.join(root, '0123abcd-old.csv');
    const newLoose = path.join(root, '4567ef01-new.csv');
    writeFileSync(oldLoose, 'x');
    writeFileSync(newLoose, 'x');
    const twoDaysAgo = new Date(Date.now() - 2 * 24 * 3600 * 1000);
    utimesSync(oldLoose, twoDaysAgo, twoDaysAgo);

    const folder = new UploadFolder(root);
    try {
      expect(existsSync(dead)).toBe(false);
      expect(existsSync(oldLoose)).toBe(false);
      expect(existsSync(path.join(live, 'busy.csv'))).toBe(true);
      expect(existsSync(newLoose)).toBe(true);
    } finally {
      folder.dispose();
    }
  });

  it('deletes its upload folder when the host closes', async () => {
    const rendererDir = path.join(work, 'renderer');
    const second = await startWebHost({
      port: 0,
      dataDir: path.join(work, 'data2'),
      rendererDir,
      build: 'never',
      uploadRoot,
    });
    const response = await fetch(`${second.origin}/api/upload?name=left.csv`, {
      method: 'POST',
      headers: { [TOKEN_HEADER]: second.token },
      body: 'ts\n1\n',
    });
    expect(response.status).toBe(200);
    expect(readdirSync(second.uploadDir)).toHaveLength(1);
    await second.close();
    expect(existsSync(second.uploadDir)).toBe(false);
  });
});
