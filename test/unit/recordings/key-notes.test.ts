import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KeyNotes } from '../../../electron/services/recordings/import/key-notes';

describe('KeyNotes (the key rows gathered where the file is parsed)', () => {
  it('gives every (key, seq) row once, in key order then seq order, as sorting the pairs would', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.option(fc.oneof(fc.constantFrom('a', 'b', 'B', 'card-1', 'card-10', 'ü', ''), fc.string()), {
            nil: null,
          }),
          {
            maxLength: 300,
          },
        ),
        fc.array(fc.nat({ max: 300 }), { maxLength: 8 }),
        (keys, presortAt) => {
          const notes = new KeyNotes();
          const expected: [string, number][] = [];
          keys.forEach((key, seq) => {
            // Presorts at random points (it sorts only once enough keys are new: small thresholds here).
            if (presortAt.includes(seq)) notes.presort(1);
            if (key === null) return;
            notes.add(key, seq);
            expected.push([key, seq]);
          });
          expected.sort(([a, s], [b, t]) => (a < b ? -1 : a > b ? 1 : s - t));
          const { keyText, keyEnds, counts, seqs } = notes.sorted();
          const rows: [string, number][] = [];
          let start = 0;
          let at = 0;
          for (let i = 0; i < keyEnds.length; i++) {
            const key = keyText.slice(start, (start = keyEnds[i]));
            for (let n = 0; n < counts[i]; n++) rows.push([key, seqs[at++]]);
          }
          expect(at).toBe(seqs.length);
          expect(rows).toEqual(expected);
          expect(keyEnds.length).toBe(new Set(expected.map(([k]) => k)).size);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('keeps apart keys whose hashes are equal, and thousands of keys as the table grows', () => {
    // 'card-536119' and 'card-1341666' have the same FNV-1a hash (the table's): only comparing the keys tells them apart.
    fc.assert(
      fc.property(
        fc.array(fc.nat({ max: 20_000 }), { minLength: 2500, maxLength: 4000 }),
        fc.array(fc.constantFrom('card-536119', 'card-1341666'), { minLength: 1, maxLength: 20 }),
        (numbers, clashing) => {
          const notes = new KeyNotes();
          const keys = [...clashing, ...numbers.map((n) => `k${n}`), ...clashing];
          keys.forEach((key, seq) => notes.add(key, seq));
          const { keyText, keyEnds, counts, seqs } = notes.sorted();
          const byKey = new Map<string, number[]>();
          let start = 0;
          let at = 0;
          for (let i = 0; i < keyEnds.length; i++) {
            const key = keyText.slice(start, (start = keyEnds[i]));
            byKey.set(key, Array.from(seqs.subarray(at, (at += counts[i]))));
          }
          const expected = new Map<string, number[]>();
          keys.forEach((key, seq) => expected.set(key, [...(expected.get(key) ?? []), seq]));
          expect(byKey).toEqual(expected);
          expect([...byKey.keys()]).toEqual([...expected.keys()].sort());
        },
      ),
      { numRuns: 30 },
    );
  });
});
