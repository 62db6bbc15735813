/**
 * A cashout that came after the window is named as the near miss's late arrival, and "why not?"
 * on it says how long after the probe it came, whether the watermark moves with each event or
 * (periodic, 5 s out of order allowed, as the card-testing sample) held the cashout back until a
 * later event moved time past the deadline.
 */
import { describe, expect, it } from 'vitest';
import { ReplayAnalysis, ReplaySession, type ReplayPattern } from '../../../engine/debug';
import { arraySource, loadSample, prepared } from './fixtures';

const ROWS: [string, string, string, number][] = [
  ['09:00:00', 'card-a', 'transfer', 0.5], // #1 probe
  ['09:04:00', 'card-b', 'purchase', 12], // #2
  ['09:11:02', 'card-a', 'transfer', 20000], // #3 cashout 11 min 2 s after the probe
  ['09:12:00', 'card-c', 'purchase', 3], // #4
  ['09:25:00', 'card-e', 'transfer', 0.2], // #5 probe, nothing after it
];
const events = ROWS.map(([t, cardId, type, amount], seq) => {
  const ts = `2026-03-02T${t}.000Z`;
  return { seq, ts: Date.parse(ts), key: cardId, payload: { id: `tx-${seq + 1}`, ts, cardId, type, amount } };
});

function cardTesting(watermarkIntervalMs: number): ReplayPattern {
  const doc = loadSample('samples/patterns/risk/card-testing.cep.json');
  if (doc.settings.time.mode !== 'event') throw new Error('card-testing runs in event time');
  return prepared({
    ...doc,
    settings: { ...doc.settings, time: { ...doc.settings.time, watermarkIntervalMs } },
  });
}

function nearMisses(pattern: ReplayPattern) {
  const session = new ReplaySession(pattern, arraySource(events));
  const analysis = new ReplayAnalysis(pattern, arraySource(events), session.checkpoints);
  while (!analysis.runChunk(100));
  return { session, misses: analysis.nearMissList().items };
}

describe('near misses: the event that came after the window', () => {
  for (const interval of [0, 200]) {
    it(`is found with a watermark interval of ${interval} ms`, () => {
      const { session, misses } = nearMisses(cardTesting(interval));
      const a = misses.find((m) => m.key === 'card-a');
      expect(a?.reason).toBe('window');
      expect(a?.lateArrival).toEqual({ seq: 2, ts: events[2].ts, afterMs: 11 * 60_000 + 2000 });
      // The one nothing followed is closed by the end of input, and says so.
      const e = misses.find((m) => m.key === 'card-e');
      expect(e?.endOfInput).toBe(true);
      expect(e?.lateArrival).toBeUndefined();

      const v = session.whyNot(2, 'cashout');
      expect(v.reason).toBe('window');
      expect(v.message).toContain(
        'event #3 at 2026-03-02T09:11:02Z came 11 min 2 s after probe, and the window is 10 min',
      );
      expect(v.message).not.toMatch(/\d{12,}/);
    });
  }

  it('names the later event that moved time past the deadline when the watermark held the cashout back', () => {
    const v = nearMisses(cardTesting(200)).session.whyNot(2, 'cashout');
    expect(v.message).toContain('; event #4 at 2026-03-02T09:12:00Z had moved time past the deadline.');
    expect(v.relatedSeq).toBe(3);
  });
});
