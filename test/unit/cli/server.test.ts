/** The example server (samples/server/server.ts), run for real in its stdin and HTTP modes. */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Pattern, serializeDocument } from '../../../engine/format';
import { ROOT } from '../export/golden-files';
import { jsonLines } from './cli-harness';

const dir = mkdtempSync(join(tmpdir(), 'cepheus-server-'));
const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill();
  rmSync(dir, { recursive: true, force: true });
});

const patternFile = join(dir, 'p.cep.json');
writeFileSync(
  patternFile,
  serializeDocument(
    Pattern.begin('up', 'SKIP_PAST_LAST_EVENT')
      .where('cpu > 90')
      .next('still')
      .where('cpu > 90')
      .within(1_000)
      .toDocument({
        name: 'Hot twice',
        settings: {
          partitionKey: 'host',
          time: {
            mode: 'event',
            field: 'ts',
            format: 'epochMillis',
            outOfOrdernessMs: 0,
            // Events 1 ms apart: a 1 ms interval moves the watermark on each of them.
            watermarkIntervalMs: 1,
          },
        },
      }),
  ),
);
const events = [
  { ts: 1, host: 'a', cpu: 95 },
  { ts: 2, host: 'b', cpu: 99 },
  { ts: 3, host: 'a', cpu: 97 },
  { ts: 4, host: 'b', cpu: 10 },
  { ts: 5, host: 'c', cpu: 91 },
];
const ndjson = events.map((e) => JSON.stringify(e)).join('\n') + '\n';

function start(args: string[]): ChildProcess {
  const child = spawn(
    process.execPath,
    // The sample depends on @cepheus/engine; the cepheus-source condition resolves it to the sources.
    [
      '--conditions=cepheus-source',
      '--import',
      'tsx',
      join(ROOT, 'samples/server/server.ts'),
      patternFile,
      ...args,
    ],
    { cwd: ROOT },
  );
  children.push(child);
  return child;
}

describe('example server', { timeout: 60_000 }, () => {
  it('stdin mode: NDJSON in, matches and timeouts out, flushed at end of input', async () => {
    const child = start(['--stdin']);
    let out = '';
    child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    child.stdin!.end(ndjson + 'not json\n');
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(code).toBe(0);
    expect(jsonLines(out)).toEqual([
      { kind: 'match', timestamp: 3, stages: { up: [events[0]], still: [events[2]] } },
      { kind: 'timeout', timestamp: 1005, stages: { up: [events[4]] } },
    ]);
  });

  it('HTTP mode: POST /events, /watermark, /flush; GET /health and /snapshot; a bad batch is a 400', async () => {
    const child = start(['--port', '0']);
    const port = await new Promise<number>((resolve, reject) => {
      let err = '';
      child.stderr!.on('data', (d: Buffer) => {
        err += d.toString();
        const m = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(err);
        if (m) resolve(Number(m[1]));
      });
      child.on('close', () => reject(new Error(`server exited: ${err}`)));
    });
    const base = `http://127.0.0.1:${port}`;
    const post = (path: string, body = ''): Promise<Response> => fetch(base + path, { method: 'POST', body });

    // Event time: an event is processed once the watermark (max timestamp − 1) passes it.
    const first = await post('/events', ndjson.split('\n').slice(0, 3).join('\n'));
    expect(first.status).toBe(200);
    expect(jsonLines(await first.text())).toEqual([]);

    const bad = await post('/events', '{"ts": 9, "host": "a", "cpu": 1}\n{oops');
    expect(bad.status).toBe(400);
    expect(await bad.text()).toMatch(/^line 2: /);

    const second = await post('/events', ndjson.split('\n').slice(3).join('\n'));
    expect(jsonLines(await second.text())).toEqual([
      { kind: 'match', timestamp: 3, stages: { up: [events[0]], still: [events[2]] } },
    ]);
    expect(jsonLines(await (await post('/watermark?t=500')).text())).toEqual([]);
    const health = (await (await fetch(`${base}/health`)).json()) as {
      ok: boolean;
      counters: { events: number; matches: number };
    };
    expect(health).toMatchObject({ ok: true, counters: { events: 5, matches: 1 } });
    const snapshot = (await (await fetch(`${base}/snapshot`)).json()) as { format: string };
    expect(snapshot.format).toBe('cepheus.matcher/1');
    expect(jsonLines(await (await post('/flush')).text())).toEqual([
      { kind: 'timeout', timestamp: 1005, stages: { up: [events[4]] } },
    ]);
    expect((await fetch(`${base}/nope`)).status).toBe(404);
    child.kill('SIGTERM');
    await new Promise((resolve) => child.on('close', resolve));
  });
});
