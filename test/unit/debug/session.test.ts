import { describe, expect, it } from 'vitest';
import { ReplayAnalysis, ReplaySession } from '../../../engine/debug';
import { arraySource, csvEvents, loadSample, prepared } from './fixtures';

const pattern = prepared(loadSample('samples/patterns/risk/card-testing.cep.json'));
const events = csvEvents('samples/recordings/risk-transactions.csv', 'ts');

function straight(position: number): { snapshot: unknown; totals: unknown } {
  const s = new ReplaySession(pattern, arraySource(events), { checkpoints: { interval: 1_000_000 } });
  const r = s.seek(position);
  return { snapshot: s.stateSnapshot(), totals: r.totals };
}

describe('ReplaySession over card testing', () => {
  it('runs to the end with the 3 expected matches', () => {
    const s = new ReplaySession(pattern, arraySource(events));
    const r = s.runToEnd();
    expect(r.done).toBe(true);
    expect(r.report.endOfInput).toBe(true);
    expect(r.report.totals.matches).toBe(3);
    expect(r.report.counters.find((c) => c.stage === 'cashout')?.matched).toBe(3);
  });

  it('gives the straight-run state after stepping back and seeking', () => {
    const s = new ReplaySession(pattern, arraySource(events), { checkpoints: { interval: 64 } });
    s.seek(1500);
    for (let i = 0; i < 5; i++) s.stepForward();
    for (let i = 0; i < 7; i++) s.stepBack();
    expect(s.position).toBe(1498);
    const expected = straight(1498);
    expect(s.stateSnapshot()).toEqual(expected.snapshot);
    expect(s.report().totals).toEqual(expected.totals);
    s.seek(300);
    s.seek(1900);
    s.seek(1498);
    expect(s.stateSnapshot()).toEqual(expected.snapshot);
  });

  it('reports the current event, its trace with condition values, and the watermark', () => {
    const s = new ReplaySession(pattern, arraySource(events));
    const r = s.seekEvent(499);
    expect(r.event?.seq).toBe(499);
    expect(r.position).toBe(500);
    expect(r.watermark).not.toBeNull();
    const traced = r.processed
      .flatMap((p) => p.runs)
      .flatMap((run) => run.edges)
      .flatMap((e) => e.conditions);
    expect(traced.length).toBeGreaterThan(0);
    expect(traced[0].values.some((v) => v.text === 'type')).toBe(true);
  });

  it('seeks to a time', () => {
    const s = new ReplaySession(pattern, arraySource(events));
    const target = events[700].ts;
    const r = s.seekTime(target);
    expect(r.event?.ts).toBeGreaterThanOrEqual(target);
    expect(events.slice(0, r.event?.seq).every((e) => e.ts < target)).toBe(true);
  });
});

describe('breakpoints', () => {
  it('stops at the first match, and at a stage entry, and rejects bad expressions', () => {
    const s = new ReplaySession(pattern, arraySource(events));
    expect(s.setBreakpoints([{ kind: 'match' }])).toEqual([]);
    const hit = s.runUntilBreakpoint();
    expect(hit.hit?.kind).toBe('match');
    expect(hit.report.totals.matches).toBe(1);
    expect(hit.report.outputs.some((o) => o.kind === 'match')).toBe(true);

    const t = new ReplaySession(pattern, arraySource(events));
    t.setBreakpoints([{ kind: 'enter-stage', stage: 'cashout' }]);
    const entered = t.runUntilBreakpoint();
    expect(entered.hit?.kind).toBe('enter-stage');
    expect(entered.report.counters.find((c) => c.stage === 'cashout')?.entered).toBe(1);

    expect(t.setBreakpoints([{ kind: 'event', expression: 'amount <' }]).length).toBeGreaterThan(0);
    expect(t.setBreakpoints([{ kind: 'enter-stage', stage: 'nope' }])[0].message).toContain('nope');
  });

  it('stops when an event satisfies an expression and when the watermark passes a time', () => {
    const s = new ReplaySession(pattern, arraySource(events));
    s.setBreakpoints([{ kind: 'event', expression: "type == 'transfer' && amount < 1" }]);
    const r = s.runUntilBreakpoint();
    expect(r.report.event?.payload.type).toBe('transfer');
    expect(Number(r.report.event?.payload.amount)).toBeLessThan(1);
    const w = new ReplaySession(pattern, arraySource(events));
    const t = events[1000].ts;
    w.setBreakpoints([{ kind: 'watermark', passes: t }]);
    const wr = w.runUntilBreakpoint();
    expect(wr.report.watermark).toBeGreaterThanOrEqual(t);
  });

  it('stops on a window discard (timeout)', () => {
    const s = new ReplaySession(pattern, arraySource(events));
    s.setBreakpoints([{ kind: 'discard', reasons: ['window'] }]);
    const r = s.runUntilBreakpoint();
    expect(r.hit?.kind).toBe('discard');
    expect(r.report.outputs.some((o) => o.kind === 'timeout')).toBe(true);
  });
});

describe('why not and near misses', () => {
  it('explains a false condition with the values', () => {
    const s = new ReplaySession(pattern, arraySource(events));
    const purchase = events.find((e) => e.payload.type === 'purchase') as (typeof events)[number];
    const v = s.whyNot(purchase.seq, 'probe');
    expect(v.reason).toBe('condition-false');
    expect(v.message).toContain('type="purchase"');
  });

  it('says when the event advanced, and when no partial match waited', () => {
    const s = new ReplaySession(pattern, arraySource(events));
    const probe = events.find(
      (e) => e.payload.type === 'transfer' && Number(e.payload.amount) < 1,
    ) as (typeof events)[number];
    expect(s.whyNot(probe.seq, 'probe').reason).toBe('advanced');
    const v = s.whyNot(5, 'cashout');
    expect(['no-partial-match', 'other-key']).toContain(v.reason);
  });

  it('ranks near misses by stages completed and records the timeouts', () => {
    const a = new ReplayAnalysis(
      pattern,
      arraySource(events),
      new ReplaySession(pattern, arraySource(events)).checkpoints,
    );
    while (!a.runChunk(500));
    const misses = a.nearMissList().items;
    expect(misses.length).toBeGreaterThan(0);
    expect(misses.filter((m) => m.reason === 'window').length).toBe(2);
    for (let i = 1; i < misses.length; i++)
      expect(misses[i - 1].stagesCompleted).toBeGreaterThanOrEqual(misses[i].stagesCompleted);
    expect(a.results.filter((r) => r.kind === 'match')).toHaveLength(3);
    const tl = a.timeline(50, 10);
    expect(tl.complete).toBe(true);
    expect(tl.shownPoints).toBeLessThanOrEqual(50);
    expect(tl.buckets.reduce((n, b) => n + b.matches, 0)).toBe(3);
  });
});
