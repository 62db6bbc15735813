/** TimerSet (inline first timestamp, small array, then a Set) behaves as a Set of timestamps. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TimerSet } from '../../../engine/nfa/timer-set';

describe('TimerSet', () => {
  it('agrees with a Set under any sequence of adds and deletes', () => {
    const op = fc.tuple(fc.constantFrom('add', 'delete'), fc.integer({ min: 0, max: 40 }));
    fc.assert(
      fc.property(fc.array(op, { maxLength: 200 }), (ops) => {
        const model = new Set<number>();
        const timers = new TimerSet();
        for (const [kind, ts] of ops) {
          if (kind === 'add') {
            model.add(ts);
            timers.add(ts);
          } else {
            model.delete(ts);
            timers.delete(ts);
          }
          expect(timers.size).toBe(model.size);
          for (let t = 0; t <= 40; t++) expect(timers.has(t)).toBe(model.has(t));
        }
      }),
      { numRuns: 300, seed: 7 },
    );
  });
});
