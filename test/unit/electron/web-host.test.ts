/**
 * The web host over real HTTP on 127.0.0.1: token, error statuses, a full patterns round trip,
 * Server-Sent Events, static files, loopback-only binding, and the CLI's one-line contract.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import path from 'node:path';
import {
  cepMethodNames,
  type PatternDetail,
  type PatternSummary,
  type SaveResult,
} from '../../../electron/contract';
import { MAX_BODY_BYTES, startWebHost, TOKEN_HEADER, type WebHost } from '../../../electron/web';
import { sampleDocument } from '../store/sample-document';

const root = path.resolve(import.meta.dirname, '../../..');
const work = mkdtempSync(path.join(tmpdir(), 'cepheus-web-'));
const rendererDir = path.join(work, 'renderer');
let host: WebHost;

beforeAll(async () => {
  mkdirSync(rendererDir);
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Cepheus test page</title>');
  host = await startWebHost({ port: 0, dataDir: path.join(work, 'data'), rendererDir, build: 'never' });
});
afterAll(async () => {
  await host.close();
  rmSync(work, { recursive: true, force: true });
});

async function call(
  method: string,
  args?: unknown,
  token: string | null = host.token,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${host.origin}/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token === null ? {} : { [TOKEN_HEADER]: token }) },
    body: args === undefined ? '' : JSON.stringify(args),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function result<T>(method: string, args?: unknown): Promise<T> {
  const { status, body } = await call(method, args);
  expect(status, JSON.stringify(body)).toBe(200);
  return body.result as T;
}

/** A raw request, for things fetch would normalise away (paths, Host header, huge bodies). */
function raw(options: {
  method: string;
  path: string;
  headers?: Record<string, string | number>;
  body?: Buffer;
}): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: host.port,
        method: options.method,
        path: options.path,
        headers: options.headers,
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('web host API', () => {
  it('prints a loopback URL carrying the token', () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{20,}$/);
    expect(host.url).toContain(host.token);
  });

  it('answers 401 JSON without the right token, for every method and the event stream', async () => {
    for (const method of cepMethodNames) {
      for (const token of [null, 'wrong', `${host.token}x`]) {
        const { status, body } = await call(method, undefined, token);
        expect(status).toBe(401);
        expect(body).toMatchObject({ error: { code: 'unauthorized' } });
      }
    }
    expect((await fetch(`${host.origin}/api/events`)).status).toBe(401);
    expect((await fetch(`${host.origin}/api/events?token=nope`)).status).toBe(401);
  });

  it('answers 400 for malformed JSON and for arguments the contract refuses', async () => {
    const malformed = await raw({
      method: 'POST',
      path: '/api/patterns.get',
      headers: { [TOKEN_HEADER]: host.token },
      body: Buffer.from('{"id": '),
    });
    expect(malformed.status).toBe(400);
    expect(JSON.parse(malformed.text)).toMatchObject({
      error: { code: 'invalid-arguments', message: expect.stringContaining('not valid JSON') as unknown },
    });

    const bad = await call('patterns.create', { name: '', document: 3 });
    expect(bad.status).toBe(400);
    const error = bad.body.error as { code: string; issues: { path: string[] }[] };
    expect(error.code).toBe('invalid-arguments');
    expect(error.issues.map((i) => i.path.join('.')).sort()).toEqual(['document', 'name']);

    const invalidDoc = await call('patterns.create', { name: 'x', document: { format: 'something else' } });
    expect(invalidDoc.status).toBe(400);
    expect(invalidDoc.body).toMatchObject({ error: { code: 'invalid-document' } });
  });

  it('answers 404 for unknown methods and missing patterns, 405 for other verbs', async () => {
    expect(await call('patterns.explode')).toMatchObject({
      status: 404,
      body: { error: { code: 'unknown-method' } },
    });
    expect(await call('constructor')).toMatchObject({
      status: 404,
      body: { error: { code: 'unknown-method' } },
    });
    expect(await call('patterns.get', { id: 'missing' })).toMatchObject({
      status: 404,
      body: { error: { code: 'not-found' } },
    });
    const get = await fetch(`${host.origin}/api/app.info`, { headers: { [TOKEN_HEADER]: host.token } });
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
  });

  it('answers 413 for a body over the limit and keeps serving', async () => {
    const big = Buffer.alloc(MAX_BODY_BYTES + 1024, 0x20);
    const response = await raw({
      method: 'POST',
      path: '/api/patterns.list',
      headers: { [TOKEN_HEADER]: host.token, 'content-type': 'application/json' },
      body: big,
    });
    expect(response.status).toBe(413);
    expect(JSON.parse(response.text)).toMatchObject({ error: { code: 'payload-too-large' } });
    expect((await call('patterns.list')).status).toBe(200);
  });

  it('refuses requests that name another Host (DNS rebinding)', async () => {
    const response = await raw({
      method: 'POST',
      path: '/api/app.info',
      headers: { [TOKEN_HEADER]: host.token, host: `evil.example:${host.port}` },
    });
    expect(response.status).toBe(403);
  });

  it('runs the full patterns round trip over HTTP', async () => {
    expect(await result('app.info')).toMatchObject({ host: 'web', dataDir: path.join(work, 'data') });
    const created = await result<PatternDetail>('patterns.create', {
      name: 'Over HTTP',
      document: sampleDocument('price > 1'),
    });
    expect(created.latestVersion).toBe(1);
    const saved = await result<SaveResult>('patterns.save', {
      id: created.id,
      document: sampleDocument('price > 2'),
      message: 'raise',
    });
    expect(saved).toMatchObject({ versionCreated: true, pattern: { latestVersion: 2 } });
    const moved = await result<SaveResult>('patterns.save', {
      id: created.id,
      document: sampleDocument('price > 2', 99),
    });
    expect(moved.versionCreated).toBe(false);
    expect(
      await result<PatternSummary>('patterns.rename', { id: created.id, name: 'Renamed' }),
    ).toMatchObject({ name: 'Renamed' });
    const copy = await result<PatternDetail>('patterns.duplicate', { id: created.id });
    expect(copy.name).toBe('Renamed copy');
    expect(
      (await result<{ version: number }[]>('patterns.versions', { id: created.id })).map((v) => v.version),
    ).toEqual([2, 1]);
    expect(await result('patterns.getVersion', { id: created.id, version: 1 })).toMatchObject({
      document: sampleDocument('price > 1'),
    });
    expect(await result<SaveResult>('patterns.restoreVersion', { id: created.id, version: 1 })).toMatchObject(
      { pattern: { latestVersion: 3 } },
    );
    expect((await result<PatternDetail>('patterns.get', { id: created.id })).document).toEqual(
      sampleDocument('price > 1'),
    );
    const deleted = await call('patterns.delete', { id: copy.id });
    expect(deleted).toEqual({ status: 200, body: {} });
    expect((await result<PatternSummary[]>('patterns.list')).map((p) => p.name)).toEqual(['Renamed']);
  });

  it('streams pushes as Server-Sent Events', async () => {
    const abort = new AbortController();
    const response = await fetch(`${host.origin}/api/events?token=${host.token}`, { signal: abort.signal });
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    let text = '';
    const readUntil = async (needle: string): Promise<void> => {
      while (!text.includes(needle)) {
        const { value, done } = await reader.read();
        if (done) throw new Error(`stream ended before ${needle}`);
        text += decoder.decode(value, { stream: true });
      }
    };
    await readUntil(': ready');
    const created = await result<PatternDetail>('patterns.create', {
      name: 'Pushed',
      document: sampleDocument('a > 1'),
    });
    await readUntil('\n\n' + 'event: patterns.changed');
    await readUntil(`"id":"${created.id}"`);
    expect(text).toContain(
      `event: patterns.changed\ndata: {"id":"${created.id}","kind":"created","latestVersion":1}\n\n`,
    );
    abort.abort();
  });
});

describe('web host static files and binding', () => {
  it('serves the renderer with the CSP and without leaking the token as a referrer', async () => {
    const page = await fetch(`${host.url}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Cepheus test page');
    expect(page.headers.get('content-security-policy')).toMatch(/script-src 'self';.*frame-ancestors 'none'/);
    expect(page.headers.get('content-security-policy')).not.toContain('unsafe-eval');
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
  });

  it('lets the browser keep content-named assets, never the page that carries the token', async () => {
    mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
    writeFileSync(path.join(rendererDir, 'assets', 'renderer-BaF_J22z.js'), 'export {};');
    writeFileSync(path.join(rendererDir, 'favicon.svg'), '<svg/>');
    const asset = await fetch(`${host.origin}/assets/renderer-BaF_J22z.js`);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await fetch(`${host.origin}/favicon.svg`)).headers.get('cache-control')).toBe('no-cache');
    expect((await fetch(host.url)).headers.get('cache-control')).toBe('no-store');
  });

  it('does not serve files outside the renderer folder', async () => {
    for (const p of ['/%2e%2e/%2e%2e/package.json', '/..%2f..%2fpackage.json', '/missing.js']) {
      expect((await raw({ method: 'GET', path: p })).status, p).toBe(404);
    }
  });

  it('listens on 127.0.0.1 only', async () => {
    const refused = (address: string, family: 4 | 6): Promise<boolean> =>
      new Promise((resolve) => {
        const socket = connect({ host: address, port: host.port, family });
        socket.once('connect', () => {
          socket.destroy();
          resolve(false);
        });
        socket.once('error', () => resolve(true));
      });
    expect(await refused('127.0.0.1', 4)).toBe(false);
    const others = Object.values(networkInterfaces())
      .flat()
      .filter((i) => i && !i.internal)
      .map((i) => i!);
    for (const address of others)
      expect(await refused(address.address, address.family === 'IPv6' ? 6 : 4), address.address).toBe(true);
    expect(await refused('::1', 6)).toBe(true);
  });
});

describe('npm run web (CLI)', () => {
  it('prints exactly one line with the URL and exits cleanly on SIGTERM', async () => {
    const dataDir = path.join(work, 'cli-data');
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'electron/web/web-cli.ts', '--port', '0', '--data-dir', dataDir, '--no-build'],
      { cwd: root },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', () => stdout.includes('\n') && resolve());
        child.once('exit', () => reject(new Error(`web host exited early: ${stderr}`)));
      });
      const match = /^Cepheus web host: (http:\/\/127\.0\.0\.1:\d+)\/\?token=([\w-]+)\n$/.exec(stdout);
      expect(match, stdout).not.toBeNull();
      const info = await fetch(`${match?.[1]}/api/app.info`, {
        method: 'POST',
        headers: { [TOKEN_HEADER]: match?.[2] ?? '' },
      });
      expect(((await info.json()) as { result: { dataDir: string } }).result.dataDir).toBe(dataDir);
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(stdout.split('\n').filter(Boolean)).toHaveLength(1);
    } finally {
      // A failed or timed-out run must not leave the host running.
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
    // tsx compiles the whole back end at start: slow on a loaded machine.
  }, 120_000);

  it('refuses unknown options with a usage message', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'electron/web/web-cli.ts', '--prot', '80'], {
      cwd: root,
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(1);
    expect(stderr).toContain('Unknown option --prot');
  });
});
