/**
 * The matcher's reorder buffer (engine/nfa/reorder-buffer.ts): entries come out in (timestamp,
 * arrival) order whatever the interleaving of pushes and pops, freed slots are reused, and the
 * space a burst took is given back once it drained.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ReorderBuffer } from '../../../engine/nfa/reorder-buffer';

describe('the reorder buffer', () => {
  it('pops in (timestamp, arrival) order across bursts, and shrinks after one', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 0, max: 3000 })), {
          minLength: 1,
          maxLength: 6,
        }),
        fc.integer({ min: 0, max: 1000 }),
        (rounds, seed) => {
          const buf = new ReorderBuffer<string>();
          const reference: { ts: number; seq: number }[] = [];
          let seq = 0;
          let x = seed;
          let peak = 0;
          for (const [pushes, pops] of rounds) {
            for (let i = 0; i < pushes; i++) {
              x = (x * 1103515245 + 12345) % 2147483648;
              const ts = x % 97;
              buf.push(ts, seq, `k${seq % 7}`, { seq }, null);
              reference.push({ ts, seq });
              seq++;
            }
            peak = Math.max(peak, buf.size);
            reference.sort((a, b) => a.ts - b.ts || a.seq - b.seq);
            for (let i = 0; i < pops && buf.size > 0; i++) {
              buf.pop();
              const want = reference.shift() as { ts: number; seq: number };
              expect([buf.outTs, buf.outSeq, buf.outKey, buf.outEvent.seq]).toEqual([
                want.ts,
                want.seq,
                `k${want.seq % 7}`,
                want.seq,
              ]);
            }
            expect(buf.size).toBe(reference.length);
            // Its arrays hold at most 8 times what waits (and 512 slots whatever waits).
            const slots = buf.capacity;
            if (peak > 512) expect(slots).toBeLessThanOrEqual(Math.max(512, 8 * (buf.size + 1)));
            // A popped entry's slot serves the next push: the arrays grow only when every slot
            // holds a waiting entry (doubling), so they never exceed twice the most that waited.
            expect(slots).toBeLessThanOrEqual(Math.max(64, 2 * peak));
          }
        },
      ),
      { numRuns: 25, seed: 20261206 },
    );
  });
});
