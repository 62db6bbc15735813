/**
 * The engine's test runner on the card-testing sample over its real recording, and on small
 * hand-written events: expectations pass when the pattern does what they say, and a failure names
 * the event and stage where the expected match and the real run part ways, with "why not?".
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readEvents } from '../../../cli/events-reader';
import { prepareReplayPattern } from '../../../engine/debug';
import { loadDocument, type PatternDocument, type TestCase } from '../../../engine/format';
import type { EventRecord } from '../../../engine/pattern/spec';
import { arraySource, TestRun, type CaseResult } from '../../../engine/testing';

const root = join(import.meta.dirname, '..', '..', '..');

function cardTesting(): PatternDocument {
  const r = loadDocument(readFileSync(join(root, 'samples/patterns/risk/card-testing.cep.json'), 'utf8'));
  if (!r.ok) throw new Error('sample does not load');
  return r.document;
}

function run(doc: PatternDocument, events: EventRecord[], cases: TestCase[]): CaseResult[] {
  const prepared = prepareReplayPattern(doc);
  if (!prepared.ok) throw new Error(prepared.diagnostics.map((d) => d.message).join('; '));
  const r = new TestRun(prepared.pattern, arraySource(events, prepared.pattern), cases);
  let chunks = 0;
  while (!r.runChunk(500)) chunks++;
  expect(chunks).toBeGreaterThanOrEqual(events.length > 1000 ? 1 : 0);
  return r.results();
}

const testCase = (expectations: TestCase['expect'], extra: Partial<TestCase> = {}): TestCase => ({
  id: 't',
  name: 'case',
  source: { kind: 'recording', recording: 'risk-transactions.csv' },
  idField: 'id',
  expect: expectations,
  note: '',
  ...extra,
});

const planted = [
  { kind: 'match' as const, stages: { probe: ['tx-000617'], cashout: ['tx-000643'] } },
  { kind: 'match' as const, stages: { probe: ['tx-000674'], cashout: ['tx-000685'] } },
  { kind: 'match' as const, key: 'card-00440', stages: { probe: ['tx-000729'], cashout: ['tx-000752'] } },
];

describe('TestRun on card-testing over its recording', () => {
  let events: EventRecord[];
  beforeAll(async () => {
    events = [];
    for await (const e of readEvents(join(root, 'samples/recordings/risk-transactions.csv'))) events.push(e);
  });

  it('passes the planted matches, the near misses and the count', () => {
    const [result] = run(cardTesting(), events, [
      testCase([
        ...planted,
        { kind: 'no-match', key: 'card-00520' },
        { kind: 'no-match', key: 'card-00530', from: '2026-03-02T12:00:00Z', to: '2026-03-02T14:00:00Z' },
        { kind: 'count', of: 'match', equals: 3 },
        { kind: 'match', endsAt: 'tx-000685' },
      ]),
    ]);
    expect(result.expectations.filter((x) => !x.passed)).toEqual([]);
    expect(result.status).toBe('passed');
    expect(result.matches).toBe(3);
    expect(result.events).toBe(events.length);
  });

  it('a raised threshold fails the planted matches it no longer catches, at the cash-out, with the condition values', () => {
    const doc = cardTesting();
    const cashout = doc.nodes.find((n) => n.kind === 'stage' && n.name === 'cashout');
    if (cashout?.kind !== 'stage') throw new Error('no cashout stage');
    cashout.where = "type == 'transfer' && amount > 30000";
    const amounts = new Map(events.map((e) => [e.id, e.amount as number]));
    const [result] = run(doc, events, [testCase(planted)]);
    expect(result.status).toBe('failed');
    for (const [i, x] of result.expectations.entries()) {
      const big = planted[i].stages.cashout[0];
      expect(x.passed).toBe(amounts.get(big)! > 30000);
      if (x.passed) continue;
      const seq = events.findIndex((e) => e.id === big);
      expect(x.divergence).toMatchObject({ seq, stage: 'cashout' });
      expect(x.divergence?.verdict?.reason).toBe('condition-false');
      expect(x.divergence?.position).toBeGreaterThan(seq);
      expect(x.message).toContain(`did not take ${big} into "cashout"`);
      expect(x.message).toContain(`amount=${amounts.get(big)}`);
    }
  });

  it('a no-match near a planted incident fails and points at the match', () => {
    const [result] = run(cardTesting(), events, [testCase([{ kind: 'no-match', key: 'card-00070' }])]);
    expect(result.status).toBe('failed');
    const d = result.expectations[0].divergence;
    expect(d?.seq).toBe(events.findIndex((e) => e.id === 'tx-000643'));
    expect(result.expectations[0].message).toContain('probe: tx-000617; cashout: tx-000643');
  });

  it('a count that is off names the first match too many', () => {
    const [result] = run(cardTesting(), events, [testCase([{ kind: 'count', of: 'match', equals: 2 }])]);
    expect(result.expectations[0].message).toContain('found 3; the first one too many is a match');
    expect(result.expectations[0].divergence?.seq).toBe(events.findIndex((e) => e.id === 'tx-000752'));
  });

  it('reports unknown stages and ids as failures with the reason', () => {
    const [result] = run(cardTesting(), events, [
      testCase([
        { kind: 'match', stages: { probe: ['tx-000617'], payout: ['tx-000643'] } },
        { kind: 'match', stages: { probe: ['tx-999999'] } },
        { kind: 'match', stages: { probe: [3] } },
      ]),
    ]);
    expect(result.expectations.map((x) => x.message)).toEqual([
      'Expected a match binding probe: tx-000617; payout: tx-000643, but the pattern has no stage "payout".',
      'Expected a match binding probe: tx-999999, but no event has id = "tx-999999".',
      'Expected a match binding probe: 3, but no event has id = "3".',
    ]);
  });
});

describe('TestRun on hand-written events', () => {
  const doc = (): PatternDocument => {
    const d = cardTesting();
    d.settings.time = {
      mode: 'event',
      field: 'ts',
      format: 'epochMillis',
      outOfOrdernessMs: 0,
      watermarkIntervalMs: 0,
    };
    return d;
  };
  const ev = (ts: number, type: string, amount: number, cardId = 'c1'): EventRecord => ({
    ts,
    cardId,
    type,
    amount,
  });
  const MIN = 60_000;
  const inline = (events: EventRecord[], expectations: TestCase['expect']): TestCase => ({
    id: 'i',
    name: 'inline',
    source: { kind: 'inline', events },
    idField: null,
    expect: expectations,
    note: '',
  });

  it('checks by position, and a timeout where the window closes', () => {
    const events = [
      ev(0, 'transfer', 0.5),
      ev(MIN, 'purchase', 20),
      ev(2 * MIN, 'transfer', 20_000),
      ev(20 * MIN, 'transfer', 0.2),
    ];
    const [r] = run(doc(), events, [
      inline(events, [
        { kind: 'match', key: 'c1', stages: { probe: [0], cashout: [2] } },
        { kind: 'timeout', stages: { probe: [3] } },
        { kind: 'count', of: 'timeout', equals: 1 },
      ]),
    ]);
    expect(r.expectations.filter((x) => !x.passed)).toEqual([]);
  });

  it('a window that expired is the reason the expected match did not happen', () => {
    const events = [ev(0, 'transfer', 0.5), ev(11 * MIN, 'transfer', 20_000)];
    const [r] = run(doc(), events, [
      inline(events, [{ kind: 'match', stages: { probe: [0], cashout: [1] } }]),
    ]);
    const d = r.expectations[0].divergence;
    expect(d).toMatchObject({ seq: 1, stage: 'cashout' });
    expect(d?.verdict?.reason).toBe('window');
    expect(r.expectations[0].message).toContain(
      'the run that began at #1 (probe: #1) did not take #2 into "cashout"',
    );
  });

  it('an expected first event that starts nothing is where they part', () => {
    const events = [ev(0, 'transfer', 5), ev(MIN, 'transfer', 20_000)];
    const [r] = run(doc(), events, [
      inline(events, [{ kind: 'match', stages: { probe: [0], cashout: [1] } }]),
    ]);
    expect(r.expectations[0].divergence).toMatchObject({ seq: 0, stage: 'probe' });
    expect(r.expectations[0].divergence?.verdict?.reason).toBe('condition-false');
    expect(r.expectations[0].message).toContain('#1 did not start a partial match at "probe"');
  });

  it('a run still waiting at the end, and a match of another key, say so', () => {
    const noWindow = doc();
    noWindow.settings.within = null;
    const events = [
      ev(0, 'transfer', 0.5),
      ev(MIN, 'transfer', 0.7, 'c2'),
      ev(2 * MIN, 'transfer', 20_000, 'c2'),
    ];
    const [r] = run(noWindow, events, [
      inline(events, [
        { kind: 'match', stages: { probe: [0] } },
        { kind: 'match', key: 'c1', stages: { probe: [1], cashout: [2] } },
      ]),
    ]);
    expect(r.expectations[0].message).toContain(
      'bound these events and was still waiting at the end of the events',
    );
    expect(r.expectations[1].message).toContain('bound these events for key "c2", not "c1"');
  });

  it('a case without expectations fails and says so', () => {
    const [r] = run(doc(), [], [inline([], [])]);
    expect(r).toMatchObject({ status: 'failed', message: 'The case has no expectations yet.' });
  });
});
