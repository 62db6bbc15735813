/** Random `begin(x).times(n)` patterns: the shape the counting representation (engine/nfa/counting.ts) takes. */
import fc from 'fast-check';
import type { PatternSpec, SkipStrategy } from '../../../engine/pattern/spec';

const CONDITIONS = [
  "name == 'a'",
  "name != 'b'",
  "name == 'a' || name == 'b'",
  "name == 'a' && price > 3",
  'price % 2 == 0',
];

export const timesSpecArb: fc.Arbitrary<PatternSpec> = fc
  .record({
    where: fc.constantFrom(...CONDITIONS),
    n: fc.integer({ min: 2, max: 5 }),
    skip: fc.constantFrom<SkipStrategy>({ kind: 'NO_SKIP' }, { kind: 'SKIP_PAST_LAST_EVENT' }),
    within: fc.constantFrom(null, 3, 5, 9),
  })
  .map(({ where, n, skip, within }) => ({
    stages: [
      {
        name: 'x',
        contiguity: 'begin' as const,
        where,
        quantifier: { kind: 'times', from: n, to: n, optional: false, greedy: false, inner: 'relaxed' },
      },
    ],
    skip,
    within: within === null ? undefined : { ms: within, type: 'FIRST_AND_LAST' as const },
  }));
