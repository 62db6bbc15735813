/**
 * Files only where the user pointed: the contract takes file grants issued by the desktop's dialogs
 * or by a browser upload. A path (absolute, relative, /etc/passwd), a made-up grant or a grant of
 * the other mode is refused, over HTTP with 4xx and over IPC with an error envelope.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleCall } from '../../../electron/main/ipc';
import { createBackend, type FileDialogs } from '../../../electron/services';
import { startWebHost, TOKEN_HEADER, type WebHost } from '../../../electron/web';

const work = mkdtempSync(path.join(tmpdir(), 'cepheus-grants-'));
const csv = path.join(work, 'events.csv');
writeFileSync(csv, 'ts,user,amount\n1,u1,5\n2,u2,7\n');
let host: WebHost;

beforeAll(async () => {
  const rendererDir = path.join(work, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>t</title>');
  host = await startWebHost({ port: 0, dataDir: path.join(work, 'web-data'), rendererDir, build: 'never' });
});
afterAll(async () => {
  await host.close();
  rmSync(work, { recursive: true, force: true });
});

async function post(
  method: string,
  body: unknown,
): Promise<{ status: number; code?: string; message?: string }> {
  const response = await fetch(`${host.origin}/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [TOKEN_HEADER]: host.token },
    body: JSON.stringify(body),
  });
  const json = (await response.json()) as { error?: { code: string; message: string } };
  return { status: response.status, code: json.error?.code, message: json.error?.message };
}

describe('web host: files only as grants', () => {
  it('refuses paths with 400 and says what to do instead', async () => {
    for (const p of ['/etc/passwd', 'events.csv', '../../etc/passwd', csv]) {
      const r = await post('recordings.inspect', { path: p });
      expect(r.status).toBe(400);
      expect(r.code).toBe('invalid-arguments');
      expect(r.message).toMatch(/a file you chose .*paths are not accepted/);
    }
    const exported = await post('replay.exportResults', {
      sessionId: 'x',
      format: 'csv',
      path: '/tmp/overwrite.csv',
    });
    expect(exported.status).toBe(400);
  });

  it('refuses a grant it did not issue (403), and a read grant where writing is asked', async () => {
    const madeUp = await post('recordings.inspect', { path: 'grant:AAAAAAAAAAAAAAAAAAAAAAAA' });
    expect(madeUp).toMatchObject({ status: 403, code: 'forbidden' });
    expect(madeUp.message).toMatch(/not chosen in this session/);
    const upload = await fetch(`${host.origin}/api/upload?name=events.csv`, {
      method: 'POST',
      headers: { [TOKEN_HEADER]: host.token },
      body: readFileSync(csv),
    });
    const grant = ((await upload.json()) as { result: { path: string } }).result.path;
    expect((await post('recordings.inspect', { path: grant })).status).toBe(200);
    expect(host.backend.grants.resolve(grant, 'read').path).not.toBe(csv);
    await expect(
      Promise.resolve().then(() => host.backend.grants.resolve(grant, 'write')),
    ).rejects.toMatchObject({
      code: 'forbidden',
    });
  });

  it('has no file dialogs: files.chooseRecording is refused (the page uploads instead)', async () => {
    const r = await post('files.chooseRecording', undefined);
    expect(r).toMatchObject({ status: 403, code: 'forbidden' });
    expect(r.message).toMatch(/only in the desktop app/);
  });
});

describe('desktop: the dialogs issue the grants', () => {
  it('open and save dialogs give grants; inspect, import and export work with them; paths fail over IPC', async () => {
    const picks: (string | null)[] = [csv, null];
    const out = path.join(work, 'results.jsonl');
    const dialogs: FileDialogs = {
      openRecording: () => Promise.resolve(picks.shift() ?? null),
      saveFile: (name) => Promise.resolve(name === 'results.jsonl' ? out : null),
    };
    const backend = createBackend({
      dataDir: path.join(work, 'desktop-data'),
      appVersion: 'test',
      fileDialogs: dialogs,
    });
    try {
      const chosen = await backend.files.chooseRecording();
      expect(chosen).toMatchObject({ name: 'events.csv', size: readFileSync(csv).length });
      expect(await backend.files.chooseRecording()).toBeNull();
      const grant = chosen?.grant ?? '';
      const inspected = await handleCall(backend, 'recordings.inspect', [{ path: grant }]);
      expect(inspected).toMatchObject({ ok: true, value: { path: grant, format: 'csv' } });
      const passwd = await handleCall(backend, 'recordings.inspect', [{ path: '/etc/passwd' }]);
      expect(passwd).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } });

      const rec = await backend.recordings.import({
        path: grant,
        name: 'events',
        timestampField: 'ts',
        timestampFormat: 'epochMillis',
        onMalformed: 'reject',
      });
      const doc = JSON.parse(
        readFileSync('samples/patterns/risk/large-transaction.cep.json', 'utf8'),
      ) as unknown;
      const session = await backend.replay.open({ recordingId: rec.id, document: doc });
      const target = await backend.files.chooseSaveLocation({ suggestedName: '../../results.jsonl' });
      expect(target).toMatchObject({ name: 'results.jsonl' });
      const written = await handleCall(backend, 'replay.exportResults', [
        { sessionId: session.sessionId, format: 'jsonl', path: target?.grant },
      ]);
      expect(written).toMatchObject({ ok: true, value: { path: target?.grant } });
      expect(readFileSync(out, 'utf8')).toBe('');
      // A file chosen for reading is not one to write over.
      const overwrite = await handleCall(backend, 'replay.exportResults', [
        { sessionId: session.sessionId, format: 'jsonl', path: grant },
      ]);
      expect(overwrite).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(readFileSync(csv, 'utf8')).toMatch(/^ts,user,amount/);
      await backend.replay.close({ sessionId: session.sessionId });
    } finally {
      backend.close();
    }
  }, 60_000);
});
