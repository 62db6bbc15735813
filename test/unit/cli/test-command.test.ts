/** `cepheus test`: wrong input gets a clear line and the right exit code; inline cases need no files. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cepheus } from './cli-harness';

const root = join(import.meta.dirname, '..', '..', '..');
const sample = (): Record<string, unknown> =>
  JSON.parse(readFileSync(join(root, 'samples/patterns/risk/card-testing.cep.json'), 'utf8')) as Record<
    string,
    unknown
  >;

describe('cepheus test', () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'cepheus-test-cmd-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, doc: unknown): string => {
    const file = join(dir, name);
    writeFileSync(file, typeof doc === 'string' ? doc : JSON.stringify(doc));
    return file;
  };

  it('reports a missing recording as an error of its cases, naming where it looked', async () => {
    const file = write('moved.cep.json', sample());
    const r = await cepheus(['test', file]);
    expect(r.code).toBe(1);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toMatch(
      /^ERROR .*moved\.cep\.json › catches: .* — Cannot find the recording "\.\.\/\.\.\/recordings\/risk-transactions\.csv" \(looked next to/,
    );
    expect(lines.at(-1)).toBe(`0 passed, ${(sample().tests as unknown[]).length} failed`);
  });

  it('runs inline cases and says where a failing one parts from the expectation', async () => {
    const doc = sample();
    const ev = (min: number, type: string, amount: number) => ({
      id: `e${min}`,
      ts: new Date(Date.UTC(2026, 0, 1, 9, min)).toISOString(),
      cardId: 'c1',
      type,
      amount,
    });
    const events = [
      ev(0, 'transfer', 0.4),
      ev(3, 'transfer', 15_000),
      ev(30, 'transfer', 0.2),
      ev(45, 'transfer', 50_000),
    ];
    doc.tests = [
      {
        id: 'a',
        name: 'the quick cash-out',
        source: { kind: 'inline', events },
        idField: 'id',
        expect: [{ kind: 'match', stages: { probe: ['e0'], cashout: ['e3'] } }],
        note: '',
      },
      {
        id: 'b',
        name: 'the slow one too (wrong: it is outside the window)',
        source: { kind: 'inline', events },
        idField: 'id',
        expect: [{ kind: 'match', stages: { probe: ['e30'], cashout: ['e45'] } }],
        note: '',
      },
    ];
    const r = await cepheus(['test', write('inline.cep.json', doc)]);
    expect(r.code).toBe(1);
    const [pass, fail, summary] = r.stdout.trim().split('\n');
    expect(pass).toMatch(/^PASS .* › the quick cash-out$/);
    expect(fail).toContain(
      'did not take e45 into "cashout": The partial match waiting at "cashout" was gone before this event: its within(10 min) window ran out',
    );
    expect(summary).toBe('1 passed, 1 failed');
  });

  it('an invalid pattern is one ERROR line; other files still run', async () => {
    const bad = write('bad.cep.json', '{"format":"cepheus.pattern","version":2');
    const good = write('good.cep.json', { ...sample(), tests: [] });
    const r = await cepheus(['test', bad, good]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      /^ERROR .*bad\.cep\.json › \(the pattern file\) — .*not a valid Cepheus pattern/m,
    );
    expect(r.stdout).toMatch(/^NO TESTS .*good\.cep\.json$/m);
    expect(r.stdout.trim().split('\n').at(-1)).toBe('0 passed, 1 failed');
  });

  it('no tests at all is exit 1 with a hint; usage errors are exit 2', async () => {
    const none = await cepheus(['test', write('none.cep.json', { ...sample(), tests: [] })]);
    expect(none.code).toBe(1);
    expect(none.stdout).toContain('No tests found');
    const usage = await cepheus(['test']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('test needs at least one pattern file');
    const reporter = await cepheus(['test', 'x.cep.json', '--reporter', 'tap']);
    expect(reporter.code).toBe(2);
    expect(reporter.stderr).toContain('--reporter must be "lines" or "junit"');
  });

  it('--reporter junit without --out writes only XML to stdout (the lines go to stderr)', async () => {
    const r = await cepheus(['test', 'samples/patterns/login-brute-force.cep.json', '--reporter', 'junit']);
    expect(r.code).toBe(0);
    expect(
      r.stdout.startsWith(
        '<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="cepheus test" tests="3" failures="0" errors="0"',
      ),
    ).toBe(true);
    expect(r.stdout).toContain(
      '<testcase classname="samples/patterns/login-brute-force.cep.json" name="a lockout in between: no alert"',
    );
    expect(r.stderr.trim().split('\n').at(-1)).toBe('3 passed, 0 failed');
  });
});
