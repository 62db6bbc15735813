/**
 * The matcher's timer queue (engine/nfa/timer-queue.ts): timers come out in (timestamp,
 * registration order) whatever the interleaving of adds and polls, across both lanes and the heap,
 * while the lanes' rings wrap around and grow.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TimerQueue, type TimerLane } from '../../../engine/nfa/timer-queue';

describe('the timer queue', () => {
  it('polls in (timestamp, order) across lanes, heap, ring wrap-around and growth', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.integer({ min: 0, max: 80 }), // timers added this round
            fc.integer({ min: 0, max: 40 }), // how far the limit moves
            fc.integer({ min: 0, max: 5 }), // out-of-order share (of 8)
          ),
          { minLength: 1, maxLength: 12 },
        ),
        fc.integer({ min: 0, max: 1000 }),
        (rounds, seed) => {
          const q = new TimerQueue<string>();
          const reference: { ts: number; order: number; owner: string }[] = [];
          let order = 0;
          let clock = 0;
          let limit = -1;
          let x = seed;
          for (const [adds, step, ooo] of rounds) {
            for (let i = 0; i < adds; i++) {
              x = (x * 1103515245 + 12345) % 2147483648;
              // Mostly in order (the lanes), some earlier than the tail (the heap); never at or
              // below the limit already passed.
              clock += x % 3;
              const back = x % 8 < ooo ? x % 11 : 0;
              const ts = Math.max(limit + 1, clock - back);
              const lane = ((x >> 4) % 2) as TimerLane;
              const owner = `t${order}`;
              q.add(ts, order, owner, lane);
              reference.push({ ts, order, owner });
              order++;
            }
            reference.sort((a, b) => a.ts - b.ts || a.order - b.order);
            const pending = [...q.entries()].sort((a, b) => a.ts - b.ts || a.order - b.order);
            expect(pending.map((e) => e.owner)).toEqual(reference.map((e) => e.owner));
            limit = clock - 20 + step;
            for (;;) {
              const owner = q.pollDue(limit);
              if (owner === null) break;
              const want = reference.shift();
              expect([owner, q.polledTs]).toEqual([want?.owner, want?.ts]);
            }
            expect(reference.length === 0 || reference[0].ts > limit).toBe(true);
          }
        },
      ),
      { numRuns: 60, seed: 20261207 },
    );
  });
});
