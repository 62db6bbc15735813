/**
 * `POST /api/upload` on the real web host: the browser's way to hand a recording to the back end.
 * The uploaded path must be importable with recordings.inspect/import; no token → 401; oversized
 * bodies → 413 with nothing left on disk; file names cannot escape the upload folder.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { InspectResult, RecordingDetail } from '../../../electron/contract';
import { startWebHost, TOKEN_HEADER, type WebHost } from '../../../electron/web';
import { handleUpload, safeUploadName } from '../../../electron/web/upload';

const root = path.resolve(import.meta.dirname, '../../..');
const work = mkdtempSync(path.join(tmpdir(), 'cepheus-upload-'));
let host: WebHost;

beforeAll(async () => {
  const rendererDir = path.join(work, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>t</title>');
  host = await startWebHost({ port: 0, dataDir: path.join(work, 'data'), rendererDir, build: 'never' });
});
afterAll(async () => {
  await host.close();
  rmSync(work, { recursive: true, force: true });
});

async function post(
  method: string,
  body: unknown,
): Promise<{ status: number; json: { result?: unknown; error?: { code: string; message: string } } }> {
  const response = await fetch(`${host.origin}/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [TOKEN_HEADER]: host.token },
    body: JSON.stringify(body),
  });
  return { status: response.status, json: (await response.json()) as never };
}

describe('POST /api/upload', () => {
  it('stores the bytes and the returned path imports as a recording', async () => {
    const csv = readFileSync(path.join(root, 'samples/recordings/risk-transactions.csv'));
    const response = await fetch(
      `${host.origin}/api/upload?name=${encodeURIComponent('risk-transactions.csv')}`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/octet-stream', [TOKEN_HEADER]: host.token },
        body: csv,
      },
    );
    expect(response.status).toBe(200);
    const { result } = (await response.json()) as { result: { path: string; bytes: number; name: string } };
    expect(result.bytes).toBe(csv.length);
    expect(result.name).toBe('risk-transactions.csv');
    // The client gets a grant for the received file, never its path.
    expect(result.path).toMatch(/^grant:/);
    const received = host.backend.grants.resolve(result.path, 'read').path;
    expect(path.basename(received)).toMatch(/-risk-transactions\.csv$/);
    expect(readFileSync(received).equals(csv)).toBe(true);

    const inspected = await post('recordings.inspect', { path: result.path });
    expect(inspected.status).toBe(200);
    const inspect = inspected.json.result as InspectResult;
    expect(inspect.format).toBe('csv');
    expect(inspect.suggestedTimestampField).toBe('ts');

    const imported = await post('recordings.import', {
      path: result.path,
      name: 'uploaded',
      timestampField: 'ts',
      timestampFormat: 'iso8601',
      keyField: 'cardId',
      onMalformed: 'reject',
    });
    expect(imported.status, JSON.stringify(imported.json)).toBe(200);
    expect((imported.json.result as RecordingDetail).rowCount).toBe(
      csv.toString('utf8').trim().split('\n').length - 1,
    );
  });

  it('refuses a request without the session token', async () => {
    const response = await fetch(`${host.origin}/api/upload?name=a.csv`, {
      method: 'POST',
      body: 'a,b\n1,2\n',
    });
    expect(response.status).toBe(401);
  });

  it('accepts POST only', async () => {
    const response = await fetch(`${host.origin}/api/upload`, {
      method: 'GET',
      headers: { [TOKEN_HEADER]: host.token },
    });
    expect(response.status).toBe(405);
  });
});

describe('upload limits and names', () => {
  it('answers 413 past the size cap and leaves no partial file behind', async () => {
    const dir = path.join(work, 'capped');
    const server = createServer((req, res) => {
      void handleUpload(req, res, new URL(req.url ?? '/', 'http://x'), {
        dir,
        limit: 1000,
        grant: () => 'grant:unused-in-this-test-xx',
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      // Streamed without a Content-Length, so the cap is enforced while reading, not up front.
      const chunks = new ReadableStream<Uint8Array>({
        start(controller) {
          for (let i = 0; i < 5; i++) controller.enqueue(new Uint8Array(400));
          controller.close();
        },
      });
      const response = await fetch(`http://127.0.0.1:${port}/api/upload?name=big.csv`, {
        method: 'POST',
        body: chunks,
        duplex: 'half',
      } as RequestInit);
      expect(response.status).toBe(413);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('payload-too-large');
      expect(existsSync(dir) ? readdirSync(dir) : []).toEqual([]);

      const declared = await fetch(`http://127.0.0.1:${port}/api/upload?name=big.csv`, {
        method: 'POST',
        body: new Uint8Array(2000),
      });
      expect(declared.status).toBe(413);
    } finally {
      server.close();
    }
  });

  it('keeps file names inside the upload folder', () => {
    expect(safeUploadName('../../etc/passwd')).toBe('passwd');
    expect(safeUploadName('C:\\Users\\me\\events.jsonl.gz')).toBe('events.jsonl.gz');
    expect(safeUploadName('..')).toBe('upload');
    expect(safeUploadName(null)).toBe('upload');
    expect(safeUploadName('my events (1).csv')).toBe('my-events-1-.csv');
  });
});
