/**
 * fast-check generators for the differential test: small linear patterns inside the reference's
 * subset (2-4 stages over the alphabet a/b/c) and short event sequences with increasing timestamps.
 * Only patterns Flink accepts are generated (no greedy singleton, no optional after greedy, …).
 */
import fc from 'fast-check';
import type { PatternSpec, SkipStrategy, StageSpec } from '../../../engine/pattern/spec';
import { outsideSubset } from '../../reference';
import {
  dropOptionalAfterGreedy,
  notStageArb,
  quantifierArb,
  type GeneratedEvent,
} from '../../support/pattern-arbitraries';

export type { GeneratedEvent };

export const ALPHABET = ['a', 'b', 'c'] as const;

/** Mostly one letter; sometimes two, so one event can satisfy several stages. */
const condition = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...ALPHABET).map((x) => `name == '${x}'`) },
  { weight: 1, arbitrary: fc.constantFrom(...ALPHABET).map((x) => `name != '${x}'`) },
  { weight: 1, arbitrary: fc.constantFrom("name == 'a' || name == 'b'", "name == 'b' || name == 'c'") },
);

const quantifier = quantifierArb({ window: false });

const positiveStage = fc.record({
  contiguity: fc.constantFrom('next' as const, 'followedBy' as const, 'followedByAny' as const),
  where: condition,
  quantifier,
});

const notStage = notStageArb(condition);

function assemble(raw: Omit<StageSpec, 'name'>[], within: number | null, skip: SkipStrategy): PatternSpec {
  const stages: StageSpec[] = raw.map((s, i) => ({
    ...s,
    name: `s${i}`,
    contiguity: i === 0 ? 'begin' : s.contiguity,
  }));
  for (let i = 1; i < stages.length; i++) dropOptionalAfterGreedy(stages[i - 1], stages[i]);
  return { stages, within: within === null ? undefined : { ms: within, type: 'FIRST_AND_LAST' }, skip };
}

export function patternArb(options: { nots: boolean; skips: boolean }): fc.Arbitrary<PatternSpec> {
  const stage = options.nots
    ? fc.oneof({ weight: 3, arbitrary: positiveStage }, { weight: 1, arbitrary: notStage })
    : positiveStage;
  const skip: fc.Arbitrary<SkipStrategy> = options.skips
    ? fc.constantFrom<SkipStrategy>({ kind: 'SKIP_TO_NEXT' }, { kind: 'SKIP_PAST_LAST_EVENT' })
    : fc.constant<SkipStrategy>({ kind: 'NO_SKIP' });
  return fc
    .tuple(
      positiveStage,
      fc.array(stage, { minLength: 1, maxLength: 3 }),
      fc.option(fc.integer({ min: 2, max: 8 }), { nil: null }),
      skip,
    )
    .map(([first, rest, within, s]) => assemble([first, ...rest], within, s))
    .filter((spec) => outsideSubset(spec) === null);
}

/** Up to 12 events; timestamps grow by 0-2 ms so windows and equal timestamps both occur. */
export const eventsArb: fc.Arbitrary<GeneratedEvent[]> = fc
  .array(fc.tuple(fc.constantFrom(...ALPHABET), fc.integer({ min: 0, max: 2 })), { maxLength: 12 })
  .map((items) => {
    let ts = 1;
    return items.map(([name, gap], i) => {
      ts += gap;
      return { record: { name, price: i, eid: i }, ts };
    });
  });
