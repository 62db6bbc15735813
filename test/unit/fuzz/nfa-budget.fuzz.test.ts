/**
 * The NFA runtime on random patterns (every contiguity, loops with and without windows,
 * allowCombinations, negations, skip strategies) and random keyed events, under a small random
 * run budget: a run either completes or stops with RunBudgetExceeded naming a known stage and the
 * event's key; the live partial matches never pass the limit, and no event completes more matches
 * than maxMatchesPerEvent (besides partial matches its time releases). Nothing else is thrown.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compilePattern, createMatcher, RunBudgetExceeded } from '../../../engine/nfa/index';
import type { EventRecord } from '../../../engine/pattern/spec';
import { ALPHABET, patternArb } from '../differential/arbitraries';
import { fuzzParams, fuzzTimeout } from './fuzz-settings';

const eventsArb = fc.array(
  fc.record({
    name: fc.constantFrom(...ALPHABET),
    user: fc.constantFrom('u1', 'u2', 'u3'),
    gap: fc.integer({ min: 0, max: 3 }),
  }),
  { maxLength: 60 },
);

const budgetArb = fc.record({
  maxPartialMatches: fc.integer({ min: 1, max: 40 }),
  maxMatchesPerEvent: fc.integer({ min: 1, max: 8 }),
  maxBytes: fc.integer({ min: 2_000, max: 200_000 }),
});

describe('fuzz: NFA runtime against the run budget', () => {
  it(
    'completes or stops with RunBudgetExceeded; limits hold after every event',
    () => {
      fc.assert(
        fc.property(patternArb({ nots: true, skips: true }), eventsArb, budgetArb, (spec, items, budget) => {
          const compiled = compilePattern(spec);
          if (!compiled.ok) return;
          const stages = new Set(spec.stages.map((s) => s.name));
          let ts = 0;
          const events: EventRecord[] = items.map((e, i) => ({ ...e, ts: (ts += e.gap), eid: i }));
          // Processing time: each push processes exactly that event (event time may release several).
          const matcher = createMatcher(compiled.nfa, {
            time: 'processing',
            timestampOf: (e) => e.ts as number,
            keyOf: (e) => String(e.user),
            budget,
          });
          try {
            for (const event of events) {
              // Partial matches the clock releases (a window passing an optional tail) come on top.
              const liveBefore = matcher.budget?.live ?? 0;
              const out = matcher.push(event);
              expect(out.filter((o) => o.kind === 'match').length).toBeLessThanOrEqual(
                budget.maxMatchesPerEvent + liveBefore,
              );
              expect(matcher.budget?.live ?? 0).toBeLessThanOrEqual(budget.maxPartialMatches);
            }
            matcher.flush();
          } catch (error) {
            if (!(error instanceof RunBudgetExceeded)) throw error;
            expect(['partial-matches', 'bytes', 'matches-per-event']).toContain(error.limit);
            if (error.stage !== '') expect(stages.has(error.stage)).toBe(true);
            expect(['u1', 'u2', 'u3']).toContain(error.key);
            expect(error.message.length).toBeGreaterThan(0);
            // Once stopped, the matcher stays stopped with the same error.
            expect(() => matcher.push(events[0] ?? { name: 'a', user: 'u1', ts: 0 })).toThrow(
              RunBudgetExceeded,
            );
          }
        }),
        fuzzParams(2_000),
      );
    },
    fuzzTimeout(180_000),
  );
});
