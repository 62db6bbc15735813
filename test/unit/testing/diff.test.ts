/** The behavioural diff in the engine: gained, lost and changed outcomes from one pass over the events. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { prepareReplayPattern, type ReplayPattern } from '../../../engine/debug';
import { loadDocument, type PatternDocument } from '../../../engine/format';
import type { EventRecord } from '../../../engine/pattern/spec';
import { BehaviourDiff, compareOutcomes, diffSummaryText, type DiffOutcome } from '../../../engine/testing';

const root = join(import.meta.dirname, '..', '..', '..');

function version(edit: (doc: PatternDocument) => void): ReplayPattern {
  const r = loadDocument(readFileSync(join(root, 'samples/patterns/risk/card-testing.cep.json'), 'utf8'));
  if (!r.ok) throw new Error('sample does not load');
  r.document.settings.time = {
    mode: 'event',
    field: 'ts',
    format: 'epochMillis',
    outOfOrdernessMs: 0,
    watermarkIntervalMs: 0,
  };
  edit(r.document);
  const p = prepareReplayPattern(r.document);
  if (!p.ok) throw new Error('does not compile');
  return p.pattern;
}

const cashoutOver = (n: number) => (doc: PatternDocument) => {
  const s = doc.nodes.find((x) => x.kind === 'stage' && x.name === 'cashout');
  if (s?.kind === 'stage') s.where = `type == 'transfer' && amount > ${n}`;
};

const MIN = 60_000;
const ev = (min: number, amount: number, cardId = 'c1'): EventRecord => ({
  ts: min * MIN,
  cardId,
  type: 'transfer',
  amount,
});

function run(before: ReplayPattern, after: ReplayPattern, events: EventRecord[]) {
  const d = new BehaviourDiff(before, after);
  events.forEach((payload, seq) => d.push({ seq, ts: seq, key: null, payload }));
  return d.finish();
}

describe('BehaviourDiff', () => {
  it('same first event, other events bound: changed, at the new version step', () => {
    const events = [ev(0, 0.5), ev(1, 15_000), ev(2, 35_000)];
    const r = run(version(cashoutOver(10_000)), version(cashoutOver(30_000)), events);
    expect(r.summary.matches).toEqual({ gained: 0, lost: 0, changed: 1 });
    expect(r.summary.text).toBe('1 changed');
    expect(r.items).toHaveLength(1);
    const [item] = r.items;
    expect(item).toMatchObject({ change: 'changed', kind: 'match', key: 'c1', position: 4 });
    expect(item.before?.bound).toEqual([
      { stage: 'probe', seqs: [0] },
      { stage: 'cashout', seqs: [1] },
    ]);
    expect(item.after?.bound).toEqual([
      { stage: 'probe', seqs: [0] },
      { stage: 'cashout', seqs: [2] },
    ]);
  });

  it('gained and lost per key, timeouts too, and nothing for what both catch', () => {
    // Key a's later event moves its time past the window (Flink times a key out on its own timers).
    const events = [ev(0, 0.5, 'a'), ev(1, 20_000, 'a'), ev(2, 0.5, 'b'), ev(3, 50_000, 'b'), ev(15, 5, 'a')];
    const r = run(version(cashoutOver(10_000)), version(cashoutOver(30_000)), events);
    expect(r.summary.matches).toEqual({ gained: 0, lost: 1, changed: 0 });
    expect(r.summary.timeouts).toEqual({ gained: 1, lost: 0, changed: 0 });
    expect(r.items.map((i) => `${i.change} ${i.kind} ${i.key}`)).toEqual([
      'lost match a',
      'gained timeout a',
    ]);
    expect(r.summary.before).toEqual({ matches: 2, timeouts: 0 });
    expect(r.summary.after).toEqual({ matches: 1, timeouts: 1 });
  });

  it('counts identical outcomes as a multiset and caps the items it returns', () => {
    const o = (key: string, seqs: number[], position: number): DiffOutcome => ({
      kind: 'match',
      key,
      timestamp: 0,
      position,
      bound: [{ stage: 's', seqs }],
      firstTimestamp: 0,
      lastTimestamp: 0,
    });
    const r = compareOutcomes(
      [o('k', [1], 2), o('k', [1], 2)],
      [o('k', [1], 2), o('k', [1, 5], 6), o('j', [7], 8)],
      9,
      1,
    );
    expect(r.summary.matches).toEqual({ gained: 1, lost: 0, changed: 1 });
    expect(r.totalItems).toBe(2);
    expect(r.items).toHaveLength(1);
  });

  it('says the summary in words', () => {
    const none = { gained: 0, lost: 0, changed: 0 };
    expect(diffSummaryText({ gained: 3, lost: 1, changed: 2 }, none)).toBe('+3 matches, −1 match, 2 changed');
    expect(diffSummaryText(none, { gained: 1, lost: 2, changed: 0 })).toBe('+1 timeout, −2 timeouts');
    expect(diffSummaryText(none, none)).toBe('no change');
  });
});
