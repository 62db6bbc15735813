/**
 * `cepheus diff` on two versions of the card-testing sample over its recording reports exactly the
 * matches and timeouts gained and lost: checked against two plain `cepheus run --timeouts`.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cepheus, jsonLines } from './cli-harness';

const root = join(import.meta.dirname, '..', '..', '..');
const OLD = 'samples/patterns/risk/card-testing.cep.json';
const EVENTS = 'samples/recordings/risk-transactions.csv';

type Stages = Record<string, { id: string }[]>;
interface RunLine {
  kind: string;
  key: string;
  stages: Stages;
}
interface DiffLine {
  change?: string;
  kind?: string;
  key?: string;
  before?: { stages: Stages };
  after?: { stages: Stages };
  summary?: string;
  matches?: { gained: number; lost: number; changed: number };
  timeouts?: { gained: number; lost: number; changed: number };
}

const ids = (kind: string, key: string, stages: Stages): string =>
  `${kind} ${key} ${Object.entries(stages)
    .map(([s, events]) => `${s}:${events.map((e) => e.id).join(',')}`)
    .join(' ')}`;

async function plainRun(pattern: string): Promise<string[]> {
  const r = await cepheus(['run', pattern, EVENTS, '--timeouts']);
  expect(r.code).toBe(0);
  return (jsonLines(r.stdout) as RunLine[]).map((l) => ids(l.kind, l.key, l.stages));
}

describe('cepheus diff', () => {
  let dir: string;
  let newer: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'cepheus-diff-'));
    // Version 2: the cash-out must be over 20,000 (drops card-00310's 18,003.56) and the window is
    // 16 minutes (catches card-00530's cash-out 15 minutes after its probe).
    const doc = readFileSync(join(root, OLD), 'utf8')
      .replace('amount > 10000', 'amount > 20000')
      .replace('"ms": 600000', '"ms": 960000');
    newer = join(dir, 'card-testing-v2.cep.json');
    writeFileSync(newer, doc);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reports exactly what two plain runs differ by, in one pass', async () => {
    const before = await plainRun(OLD);
    const after = await plainRun(newer);
    const r = await cepheus(['diff', OLD, newer, EVENTS]);
    expect(r.code).toBe(0);
    const lines = jsonLines(r.stdout) as DiffLine[];
    const summary = lines.at(-1) as DiffLine;
    const items = lines.slice(0, -1);
    const gained = items
      .filter((l) => l.change === 'gained' || l.change === 'changed')
      .map((l) => ids(l.kind ?? '', l.key ?? '', l.after?.stages ?? {}));
    const lost = items
      .filter((l) => l.change === 'lost' || l.change === 'changed')
      .map((l) => ids(l.kind ?? '', l.key ?? '', l.before?.stages ?? {}));
    expect(gained.sort()).toEqual(after.filter((x) => !before.includes(x)).sort());
    expect(lost.sort()).toEqual(before.filter((x) => !after.includes(x)).sort());
    // The ones the change was meant to make, by name.
    expect(gained).toContain('match card-00530 probe:tx-000886 cashout:tx-000942');
    expect(lost).toContain('match card-00310 probe:tx-000674 cashout:tx-000685');
    expect(summary.summary).toBe('+1 match, −1 match, +1 timeout, −1 timeout');
    expect(summary.matches).toEqual({ gained: 1, lost: 1, changed: 0 });
    expect(r.stderr).toBe('cepheus diff: 2014 events; +1 match, −1 match, +1 timeout, −1 timeout\n');
  });

  it('a version against itself is no change; --exit-code tells changes apart', async () => {
    const same = await cepheus(['diff', OLD, OLD, EVENTS, '--exit-code']);
    expect(same.code).toBe(0);
    expect(jsonLines(same.stdout)).toEqual([
      {
        summary: 'no change',
        matches: { gained: 0, lost: 0, changed: 0 },
        timeouts: { gained: 0, lost: 0, changed: 0 },
        before: { matches: 3, timeouts: 2 },
        after: { matches: 3, timeouts: 2 },
        events: 2014,
      },
    ]);
    const changed = await cepheus(['diff', OLD, newer, EVENTS, '--exit-code']);
    expect(changed.code).toBe(1);
  });

  it('bad input: usage, a pattern that cannot run, a missing events file', async () => {
    expect((await cepheus(['diff', OLD])).code).toBe(2);
    const broken = join(dir, 'broken.cep.json');
    writeFileSync(
      broken,
      readFileSync(join(root, OLD), 'utf8')
        .replace('amount > 20000', 'amount >')
        .replace('amount > 10000', 'amount >'),
    );
    const r = await cepheus(['diff', OLD, broken, EVENTS]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('broken.cep.json cannot run');
    const missing = await cepheus(['diff', OLD, newer, 'nope.csv']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('Cannot find the events file "nope.csv"');
  });
});
