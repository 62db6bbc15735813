/** Small valid pattern documents for tests that need something to store (built with engine/format). */
import { specToDocument } from '../../engine/format';
import type { PatternDocument } from '../../engine/format/schema';

/** A two-stage pattern: a large order followed by a refund of the same amount (a plausible fraud check). */
export function sampleDocument(name = 'Large order then refund'): PatternDocument {
  return specToDocument(
    {
      stages: [
        {
          name: 'order',
          contiguity: 'begin',
          where: 'type == "order" && amount > 1000',
          quantifier: { kind: 'one', optional: false, greedy: false, inner: 'relaxed' },
        },
        {
          name: 'refund',
          contiguity: 'followedBy',
          where: 'type == "refund"',
          quantifier: { kind: 'one', optional: false, greedy: false, inner: 'relaxed' },
        },
      ],
      within: { ms: 3_600_000, type: 'FIRST_AND_LAST' },
      skip: { kind: 'NO_SKIP' },
    },
    { name },
  );
}
