/**
 * Fuzzing the web host over real HTTP on 127.0.0.1: every contract method gets arguments of the
 * wrong type, missing or extra fields, random JSON, text that is not JSON, bad tokens and bodies
 * over the limit. Each request must be answered (no hang) with a status below 500; a refusal is
 * JSON with an error code and a message. Fixed seed in CI; `npm run fuzz` runs more cases.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cepMethodNames } from '../../../electron/contract';
import { MAX_BODY_BYTES, startWebHost, TOKEN_HEADER, type WebHost } from '../../../electron/web';
import { fuzzParams, fuzzTimeout } from './fuzz-settings';

const work = mkdtempSync(path.join(tmpdir(), 'cepheus-web-fuzz-'));
let host: WebHost;

beforeAll(async () => {
  const rendererDir = path.join(work, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>fuzz</title>');
  host = await startWebHost({ port: 0, dataDir: path.join(work, 'data'), rendererDir, build: 'never' });
});
afterAll(async () => {
  await host.close();
  rmSync(work, { recursive: true, force: true });
});

/** Generous: a loaded machine answers slowly, but a hang still fails (with the method named). */
const ANSWER_MS = 60_000;

interface Answer {
  status: number;
  text: string;
}

/** One POST; rejects when no answer comes within ANSWER_MS. */
function post(method: string, body: Buffer, token: string | null): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: host.port,
        method: 'POST',
        path: `/api/${method}`,
        headers: {
          'content-type': 'application/json',
          'content-length': body.length,
          ...(token === null ? {} : { [TOKEN_HEADER]: token }),
        },
        timeout: ANSWER_MS,
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer from ${method} within ${ANSWER_MS} ms`)));
    // The host may answer (413) and close before reading a large body: that is an answer too.
    req.on('error', (error) => reject(error));
    req.end(body);
  });
}

/** A refusal: JSON with an error code and a non-empty message. */
function expectClearRefusal(answer: Answer, what: string): void {
  expect(answer.status, `${what}: ${answer.text.slice(0, 300)}`).toBeLessThan(500);
  if (answer.status < 400) return;
  const body = JSON.parse(answer.text) as { error?: { code?: unknown; message?: unknown } };
  expect(typeof body.error?.code, what).toBe('string');
  expect(typeof body.error?.message, what).toBe('string');
  expect((body.error?.message as string).length, what).toBeGreaterThan(0);
}

const method = fc.constantFrom(...cepMethodNames);
/** Values of every JSON type, nested, with the contract's usual field names mixed in. */
const fieldName = fc.oneof(
  fc.constantFrom(
    'id',
    'name',
    'document',
    'path',
    'importId',
    'sessionId',
    'offset',
    'limit',
    'filter',
    'steps',
    'to',
    'version',
    'label',
    'caseIds',
    'recordingId',
    'patternId',
  ),
  fc.string({ maxLength: 12 }),
);
const value = fc.letrec((tie) => ({
  leaf: fc.oneof(
    fc.constant(null),
    fc.boolean(),
    fc.integer(),
    fc.double(),
    fc.constantFrom(-1, 0, 1, 2 ** 31, Number.MAX_SAFE_INTEGER, 1e308),
    fc.string({ maxLength: 40 }),
    fc.constantFrom('', '../../etc/passwd', '/etc/passwd', 'C:\\Windows', '\u0000', 'x'.repeat(5000)),
  ),
  node: fc.oneof(
    { depthSize: 'small' },
    tie('leaf'),
    fc.array(tie('node'), { maxLength: 4 }),
    fc.dictionary(fieldName, tie('node'), { maxKeys: 5 }),
  ),
})).node;

const body = fc.oneof(
  value.map((v) => Buffer.from(JSON.stringify(v) ?? '')),
  fc.dictionary(fieldName, value, { maxKeys: 6 }).map((v) => Buffer.from(JSON.stringify(v))),
  fc.string({ maxLength: 200 }).map((s) => Buffer.from(s)),
  fc.uint8Array({ maxLength: 200 }).map((b) => Buffer.from(b)),
);

describe('web host fuzzing (real HTTP)', () => {
  it(
    'answers every method with wrong arguments clearly, never with a 500 or a hang',
    { timeout: fuzzTimeout(600_000) },
    async () => {
      await fc.assert(
        fc.asyncProperty(method, body, async (m, b) => {
          expectClearRefusal(await post(m, b, host.token), `${m} ${b.toString('utf8', 0, 200)}`);
        }),
        fuzzParams(800),
      );
    },
  );

  it('answers 401 to every wrong token', { timeout: fuzzTimeout(300_000) }, async () => {
    await fc.assert(
      fc.asyncProperty(
        method,
        fc.oneof(
          fc.string({ maxLength: 80 }),
          fc.constant(`${host.token}x`),
          fc.constant(host.token.slice(1)),
        ),
        async (m, token) => {
          // Header values must be visible ASCII for Node to send them.
          const sent = token.replace(/[^\x21-\x7e]/g, '') || 'none';
          fc.pre(sent !== host.token);
          const answer = await post(m, Buffer.from('{}'), sent);
          expect(answer.status, `${m} with token ${JSON.stringify(sent)}`).toBe(401);
          expectClearRefusal(answer, m);
        },
      ),
      fuzzParams(300),
    );
  });

  it(
    'refuses a body over the limit for every method with 413',
    { timeout: fuzzTimeout(600_000) },
    async () => {
      const big = Buffer.alloc(MAX_BODY_BYTES + 1, 0x20);
      for (const m of cepMethodNames) {
        const answer = await post(m, big, host.token).catch((error: Error) => {
          throw new Error(`${m}: ${error.message}`);
        });
        expect(answer.status, m).toBe(413);
        expectClearRefusal(answer, m);
      }
    },
  );
});
