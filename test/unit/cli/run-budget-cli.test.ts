/** `cepheus run` on an explosive pattern: stops with one message and exit code 3; repeated warnings are counted. */
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { serializeDocument } from '../../../engine/format';
import { CappedLog } from '../../../cli/capped-log';
import { explosivePattern } from '../../support/explosive-pattern';
import { cepheus } from './cli-harness';

const dir = mkdtempSync(join(tmpdir(), 'cepheus-budget-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

function events(n: number, keys: number): string {
  let seed = 11;
  const names = ['a', 'b', 'b', 'c', 'b'];
  const lines: string[] = [];
  for (let i = 0; i < n; i++) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    lines.push(
      JSON.stringify({
        ts: i * 1000,
        name: names[Math.floor((seed / 2147483648) * 5)],
        user: `u${i % keys}`,
      }),
    );
  }
  return lines.join('\n') + '\n';
}

const settings = (partitionKey: string | null) => ({
  partitionKey,
  time: {
    mode: 'event' as const,
    field: 'ts',
    format: 'epochMillis' as const,
    outOfOrdernessMs: 0,
    watermarkIntervalMs: 1,
  },
});

describe('cepheus run under the run budget', { timeout: 120_000 }, () => {
  it('one key: stops within a few hundred events, exit 3, one message naming stage, key and event', async () => {
    const pattern = write(
      'one.cep.json',
      serializeDocument(explosivePattern().toDocument({ settings: settings(null) })),
    );
    const input = write('one.jsonl', events(20_000, 1));
    const out = join(dir, 'one-out.jsonl');
    const r = await cepheus(['run', pattern, input, '--out', out]);
    expect(r.code).toBe(3);
    const stops = r.stderr.split('\n').filter((l) => l.startsWith('cepheus run: stopped'));
    expect(stops).toHaveLength(1);
    expect(stops[0]).toMatch(/more than 1,000 matches .* most of them in stage "c"/);
    expect(stops[0]).toMatch(/event [\d,]+ of .*one\.jsonl/);
    expect(stops[0]).toMatch(/--max-matches-per-event/);
    // The lint said so first.
    expect(r.stderr).toMatch(/warning: stage "b" contiguity: .*followedByAny/);
    expect(statSync(out).size).toBeLessThan(5 * 1024 * 1024);
  });

  it('200 keys: the budget across keys stops it; raising a limit on the command line is honoured', async () => {
    const pattern = write(
      'keys.cep.json',
      serializeDocument(explosivePattern().toDocument({ settings: settings('user') })),
    );
    const input = write('keys.jsonl', events(20_000, 200));
    const r = await cepheus([
      'run',
      pattern,
      input,
      '--out',
      join(dir, 'k.jsonl'),
      '--max-partial-matches',
      '5000',
      '--max-matches-per-event',
      '100000',
    ]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/more than 5,000 partial matches across all keys .*key "u\d+"/);
    const bad = await cepheus(['run', pattern, input, '--max-partial-matches', 'lots']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--max-partial-matches needs a whole number/);
  });

  it('a repeated warning is shown a few times, then counted in one line', () => {
    const lines: string[] = [];
    const log = new CappedLog((l) => lines.push(l), 2);
    for (let i = 0; i < 50; i++)
      log.add('warning', `key "k${i}": partial-match limit of 10 reached at timestamp ${i}`);
    log.add('error', 'something else');
    log.summary();
    expect(lines).toEqual([
      'warning: key "k0": partial-match limit of 10 reached at timestamp 0\n',
      'warning: key "k1": partial-match limit of 10 reached at timestamp 1\n',
      'warning: (more like this are counted; a summary follows at the end)\n',
      'error: something else\n',
      'warning: 48 more like "key "k0": partial-match limit of 10 reached at timestamp 0" (50 in all)\n',
    ]);
    expect(log.count('warning')).toBe(50);
  });
});
