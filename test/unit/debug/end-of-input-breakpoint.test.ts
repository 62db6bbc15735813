/** In event time the last events are released by the end-of-input step; breakpoints must see that step too. */
import { describe, expect, it } from 'vitest';
import { prepareReplayPattern, ReplaySession } from '../../../engine/debug';
import { Pattern } from '../../../engine/format';
import { arraySource, eventsOf } from './fixtures';

describe('breakpoints on the end-of-input step', () => {
  const prepared = prepareReplayPattern(
    Pattern.begin('a')
      .where("name == 'a'")
      .followedBy('b')
      .where("name == 'b'")
      .toDocument({
        settings: {
          time: {
            mode: 'event',
            field: 't',
            format: 'epochMillis',
            outOfOrdernessMs: 0,
            watermarkIntervalMs: 200,
          },
        },
      }),
  );
  if (!prepared.ok) throw new Error(prepared.diagnostics.map((d) => d.message).join('\n'));
  const events = eventsOf([
    { name: 'a', t: 1 },
    { name: 'b', t: 2 },
  ]);

  it('stops on a match that only the end of input releases', () => {
    const s = new ReplaySession(prepared.pattern, arraySource(events));
    expect(s.setBreakpoints([{ kind: 'match' }])).toEqual([]);
    const r = s.runUntilBreakpoint();
    expect(r.hit?.kind).toBe('match');
    expect(r.hit?.position).toBe(events.length + 1);
    expect(r.report.endOfInput).toBe(true);
    expect(r.report.totals.matches).toBe(1);
  });

  it('runs to the end without a hit when no breakpoint fires there', () => {
    const s = new ReplaySession(prepared.pattern, arraySource(events));
    expect(s.setBreakpoints([{ kind: 'event', expression: "name == 'zzz'" }])).toEqual([]);
    const r = s.runUntilBreakpoint();
    expect(r.hit).toBeNull();
    expect(r.done).toBe(true);
    expect(r.report.totals.matches).toBe(1);
  });
});
