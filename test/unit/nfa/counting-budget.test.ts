/**
 * The run budget over the counting representation (engine/nfa/counting.ts): a counting pattern
 * stops at the same event, with the same limit and stage, as the general runtime (an observer
 * keeps a key in the general representation).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compilePattern,
  createMatcher,
  RunBudgetExceeded,
  type NfaObserver,
} from '../../../engine/nfa/index';
import type { EventRecord } from '../../../engine/pattern/spec';
import { timesSpecArb } from './times-arb';

const observer: NfaObserver = { branched: () => undefined };

function stopAt(
  spec: Parameters<typeof compilePattern>[0],
  events: EventRecord[],
  maxPartialMatches: number,
  observed: boolean,
): string {
  const c = compilePattern(spec);
  if (!c.ok) throw new Error(c.diagnostics.map((d) => d.message).join('; '));
  const m = createMatcher(c.nfa, {
    time: 'event',
    timestampOf: (e) => e.ts as number,
    keyOf: (e) => String(e.user),
    budget: { maxPartialMatches },
  });
  try {
    for (const e of events) m.push(e, observed ? observer : undefined);
    m.flush(observed ? observer : undefined);
  } catch (e) {
    if (!(e instanceof RunBudgetExceeded)) throw e;
    return `${e.limit} ${e.stage} ${e.key} #${e.seq}`;
  }
  return 'completed';
}

describe('the run budget with counting runs', () => {
  it('stops where the general runtime stops', () => {
    const eventsArb = fc.array(
      fc.record({
        name: fc.constantFrom('a', 'b', 'c'),
        price: fc.integer({ min: 0, max: 6 }),
        user: fc.constantFrom('u1', 'u2'),
      }),
      { maxLength: 40 },
    );
    fc.assert(
      fc.property(timesSpecArb, eventsArb, fc.integer({ min: 1, max: 6 }), (spec, items, cap) => {
        const events = items.map((e, i) => ({ ...e, ts: i }));
        expect(stopAt(spec, events, cap, false)).toBe(stopAt(spec, events, cap, true));
      }),
      { numRuns: 300 },
    );
  });
});
