/**
 * Random strict chains (`begin(a).next(b)…` of singleton or `times(k).consecutive()` stages): the
 * shape the strict-chain representation (engine/nfa/strict-chain.ts) takes. Conditions read `name`
 * and `rank` only.
 */
import fc from 'fast-check';
import type { PatternSpec, SkipStrategy } from '../../../engine/pattern/spec';

const CONDITIONS = [
  "name == 'a'",
  "name == 'b'",
  "name != 'c'",
  "name == 'a' || rank > 6",
  'rank % 2 == 0',
  undefined,
];

export const chainSpecArb: fc.Arbitrary<PatternSpec> = fc
  .record({
    wheres: fc.array(fc.constantFrom(...CONDITIONS), { minLength: 1, maxLength: 4 }),
    /** Per stage: 1, or times(k).consecutive(), which takes k events in a row. */
    times: fc.array(fc.constantFrom(1, 1, 1, 2, 3), { minLength: 4, maxLength: 4 }),
    skip: fc.constantFrom<SkipStrategy>(
      { kind: 'NO_SKIP' },
      { kind: 'SKIP_TO_NEXT' },
      { kind: 'SKIP_PAST_LAST_EVENT' },
    ),
    within: fc.constantFrom(null, null, 2, 3, 6),
  })
  .map(({ wheres, times, skip, within }) => ({
    stages: wheres.map((where, i) => ({
      name: `s${i}`,
      contiguity: i === 0 ? ('begin' as const) : ('next' as const),
      where,
      quantifier:
        times[i] === 1
          ? { kind: 'one' as const, optional: false, greedy: false, inner: 'relaxed' as const }
          : {
              kind: 'times' as const,
              from: times[i],
              to: times[i],
              optional: false,
              greedy: false,
              inner: 'consecutive' as const,
            },
    })),
    skip,
    within: within === null ? undefined : { ms: within, type: 'FIRST_AND_LAST' as const },
  }));
